import type { WorkOrder, WorkOrderDetail, WorkOrderList } from '@plantops/contracts/responses/maintenance';
import type { CacheInvalidation } from '../../../platform/cache/cache-invalidation.js';
import type { Loaded } from '../../../platform/cache/read-cache.js';
import type { Ctx } from '../../../platform/db/unit-of-work.js';
import type { WoListQuery } from './work-orders.schema.js';
import { getWorkOrder, listWorkOrders } from './work-orders.service.js';

/**
 * Work-order pages and lists from the read caches (decisions 0006 and 0018). A page carries the
 * tags of what it shows: the work order (every detail change touches its row, migration 0022), its
 * parent and follow-ups (their status shows), its equipment, and the people it names. Any work-order
 * change drops every list, whose membership can change with it. Entries are per reader and scope.
 */
export function workOrderCaches(caches: CacheInvalidation) {
  const watches = (tag: string) => tag.startsWith('work_order:') || tag.startsWith('equipment:') || tag.startsWith('user:');
  return {
    pages: caches.create<string>({ name: 'work-order-detail', maxEntries: 2_000, maxBytes: 32 * 1024 * 1024, ttlMs: 60_000, watches }),
    lists: caches.create<string>({
      name: 'work-order-list', maxEntries: 1_000, maxBytes: 32 * 1024 * 1024, ttlMs: 60_000, watches, flushOn: (tag) => tag.startsWith('work_order:'),
    }),
  };
}

const peopleTags = (ctx: Ctx, rows: WorkOrder[]) =>
  [...new Set([ctx.actor.userId, ...rows.flatMap((w) => [w.requestedBy.id, ...w.assignees.map((a) => a.id)])])].map((id) => `user:${id}`);
const equipmentTags = (rows: WorkOrder[]) => [...new Set(rows.flatMap((w) => (w.equipment ? [`equipment:${w.equipment.id}`] : [])))];

export async function workOrderPage(ctx: Ctx, id: string): Promise<Loaded<WorkOrderDetail>> {
  const value = await getWorkOrder(ctx, id);
  const related = [value.id, ...(value.parentWorkOrder ? [value.parentWorkOrder.id] : []), ...value.followUps.map((f) => f.id)];
  return { value, tags: [...related.map((w) => `work_order:${w}`), ...equipmentTags([value]), ...peopleTags(ctx, [value])] };
}

export async function workOrderListPage(ctx: Ctx, q: WoListQuery): Promise<Loaded<WorkOrderList>> {
  const value = await listWorkOrders(ctx, q);
  return { value, tags: [...equipmentTags(value.workOrders), ...peopleTags(ctx, value.workOrders)] };
}
