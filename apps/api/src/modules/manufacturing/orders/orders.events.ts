import { receivesNotification, rolesNotifiedOf, type NotificationType, type OrderStatus, type Role } from '@plantops/contracts';
import type { Ctx } from '../../../platform/db/unit-of-work.js';
import { publish } from '../../../platform/realtime/publish.js';
import { notify } from '../../core/notifications/notifications.service.js';
import * as repo from './orders.repo.js';

/**
 * What leaves an order change, in its transaction: the `orders` real-time event (the hub filters
 * it by site) and the notifications, filed by each user's preferences.
 */
export async function published(ctx: Ctx, o: { id: string; warehouse_id: string; order_number: string; status: OrderStatus; assembler_id: string | null; qc_person_id: string | null }, event: string, extra: Record<string, unknown> = {}) {
  await publish(ctx.tx, {
    channel: 'orders',
    warehouseId: o.warehouse_id,
    // The assembler and QC person ride along: the hub gives assigned readers only their orders' events.
    payload: { event, id: o.id, orderNumber: o.order_number, status: o.status, assemblerId: o.assembler_id, qcPersonId: o.qc_person_id, actorId: ctx.actor.userId, ...extra },
  });
}

async function send(ctx: Ctx, o: { id: string; warehouse_id: string; order_number: string; status: OrderStatus }, type: NotificationType, userIds: (string | null)[], title: string, message: string) {
  const ids = [...new Set(userIds.filter((u): u is string => !!u && u !== ctx.actor.userId))];
  if (!ids.length) return;
  const people = await repo.sitePeople(ctx.tx, o.warehouse_id, rolesNotifiedOf(type));
  const allowed = new Set(people.filter((p) => receivesNotification(p.role as Role, type)).map((p) => p.id));
  await notify(ctx.tx, { userIds: ids.filter((id) => allowed.has(id)), warehouseId: o.warehouse_id, type, title, message, link: `/orders/${o.id}`, data: { orderId: o.id, orderNumber: o.order_number, status: o.status } });
}

/** A submitted order goes to the site's coordinators. */
export async function notifySubmitted(ctx: Ctx, o: repo.OrderRow) {
  const coordinators = await repo.sitePeople(ctx.tx, o.warehouse_id, rolesNotifiedOf('ORDER_SUBMITTED'));
  await send(ctx, o, 'ORDER_SUBMITTED', coordinators.map((c) => c.id), `${o.order_number} submitted`, `${o.customer.company_name}: a new order is PENDING.`);
}

/** A move reaches whoever works on the order: its creator, assembler and QC person. */
export async function notifyStatus(ctx: Ctx, o: repo.OrderRow, from: OrderStatus) {
  await send(ctx, o, 'ORDER_STATUS_CHANGED', [o.created_by, o.assembler_id, o.qc_person_id], `${o.order_number}: ${from} to ${o.status}`, `${o.customer.company_name}'s order is now ${o.status}.`);
}

export async function notifyAssigned(ctx: Ctx, o: repo.OrderRow, userIds: (string | null)[]) {
  await send(ctx, o, 'ORDER_ASSIGNED', userIds, `${o.order_number} assigned to you`, `${o.customer.company_name}'s order (${o.status}, ${o.priority.toLowerCase()} priority).`);
}
