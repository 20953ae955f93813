import type { Role } from './roles.js';

/**
 * Customer-order vocabulary (manufacturing spec section 2, domain.md "Customer orders"), shared by
 * the API, which enforces it, and the web app, which offers only what the API would accept.
 */
export const ORDER_PHASES = ['PENDING', 'IN_PRODUCTION', 'PRE_QC', 'PRODUCTION_COMPLETE', 'END_OF_LINE', 'FINAL_QC', 'READY_TO_SHIP', 'SHIPPED'] as const;
export const ORDER_STATUSES = ['DRAFT', ...ORDER_PHASES, 'ON_HOLD', 'CANCELLED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const ORDER_PRIORITIES = ['STANDARD', 'RUSH', 'EMERGENCY'] as const;
export type OrderPriority = (typeof ORDER_PRIORITIES)[number];

/** Phases in which the plant still works on the order (may go ON_HOLD; cancel needs ADMIN override after PENDING). */
export const ORDER_ACTIVE_PHASES: readonly OrderStatus[] = ['PENDING', 'IN_PRODUCTION', 'PRE_QC', 'PRODUCTION_COMPLETE', 'END_OF_LINE', 'FINAL_QC', 'READY_TO_SHIP'];

/** Who moves an order forward: an assigned assembler or QC person only for orders assigned to them. */
export type Mover = Role | 'ASSIGNED_ASSEMBLER' | 'ASSIGNED_QC';

export interface OrderTransition {
  from: OrderStatus;
  to: OrderStatus;
  who: readonly Mover[];
  /** The gate as domain.md's table names it (shown to users when it is not yet met). */
  gate: string;
  /** A rework: a failed inspection sends the order back; the failure must be written down. */
  rework?: boolean;
}

const COORD: Mover[] = ['PRODUCTION_COORDINATOR', 'ADMIN'];
const QC: Mover[] = ['ASSIGNED_QC', 'PRODUCTION_COORDINATOR', 'ADMIN'];

/** domain.md's table of the 8 phases, as data. ON_HOLD, resume and cancel are rules beside it. */
export const ORDER_TRANSITIONS: readonly OrderTransition[] = [
  { from: 'PENDING', to: 'IN_PRODUCTION', who: COORD, gate: 'BOM approved; assembler assigned; production tasks created; BOM parts reserved' },
  { from: 'IN_PRODUCTION', to: 'PRE_QC', who: ['ASSIGNED_ASSEMBLER', ...COORD], gate: 'every required production task completed' },
  { from: 'PRE_QC', to: 'PRODUCTION_COMPLETE', who: QC, gate: 'pre-QC inspection passed' },
  { from: 'PRE_QC', to: 'IN_PRODUCTION', who: QC, gate: 'pre-QC inspection failed: rework', rework: true },
  { from: 'PRODUCTION_COMPLETE', to: 'END_OF_LINE', who: ['ASSIGNED_ASSEMBLER', ...COORD], gate: 'none' },
  { from: 'END_OF_LINE', to: 'FINAL_QC', who: QC, gate: 'end-of-line tests passed' },
  { from: 'END_OF_LINE', to: 'IN_PRODUCTION', who: QC, gate: 'end-of-line tests failed: rework', rework: true },
  { from: 'FINAL_QC', to: 'READY_TO_SHIP', who: QC, gate: 'final inspection passed, sign-off recorded' },
  { from: 'FINAL_QC', to: 'IN_PRODUCTION', who: QC, gate: 'final inspection failed: rework', rework: true },
  { from: 'READY_TO_SHIP', to: 'SHIPPED', who: COORD, gate: 'carrier and tracking recorded; reserved parts shipped' },
];

/** Who parks an order and brings it back (a parts or production issue). */
export const ORDER_HOLD_ROLES: readonly Role[] = ['PRODUCTION_COORDINATOR', 'ADMIN'];

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  DRAFT: 'Draft',
  PENDING: 'Pending',
  IN_PRODUCTION: 'In production',
  PRE_QC: 'Pre-QC',
  PRODUCTION_COMPLETE: 'Production complete',
  END_OF_LINE: 'End of line',
  FINAL_QC: 'Final QC',
  READY_TO_SHIP: 'Ready to ship',
  SHIPPED: 'Shipped',
  ON_HOLD: 'On hold',
  CANCELLED: 'Cancelled',
};

/** The wizard's steps (spec 2.1): a draft remembers the furthest step reached. */
export const WIZARD_STEPS = ['Customer', 'Sinks', 'Configuration', 'Accessories', 'Review'] as const;
