import { registerBomChangeGuard } from '../bom/index.js';
import { workflow } from '../../../platform/http/errors.js';
import { loadVisible } from './orders.service.js';

// A build's BOM is what production reserves, builds and inspects against: once the order has left
// PENDING its BOM is frozen (a change would need the order cancelled or taken back by an admin).
// A BOM may also be saved only against an order the caller can see.
const BOM_OPEN_PHASES = new Set(['DRAFT', 'PENDING']);

registerBomChangeGuard(async (ctx, bom, change) => {
  const order = await loadVisible(ctx, bom.orderId);
  const phase = order.status === 'ON_HOLD' ? order.resume_status : order.status;
  if (phase && BOM_OPEN_PHASES.has(phase)) return;
  const what = change === 'APPROVE' ? 'approved' : 'regenerated';
  throw workflow(`Gate BOM_FROZEN: order ${order.order_number} is ${order.status}; a build's BOM can be ${what} only while its order is PENDING`);
});
