import { receivesNotification, rolesNotifiedOf, type NotificationType, type Role, type WoStatus } from '@plantops/contracts';
import { notify } from '../../core/notifications/notifications.service.js';
import type { Ctx } from '../../../platform/db/unit-of-work.js';
import { eventWrite } from '../../../platform/realtime/publish.js';
import { runWrites, type SqlWrite } from '../../../platform/db/write-batch.js';
import type { WoRecord } from './work-orders.repo.js';
import * as repo from './work-orders.repo.js';

/**
 * What leaves a work-order change, in its transaction: the work_orders real-time event (the hub
 * filters it by site and, for technicians, contractors and requesters, by assignment) and the
 * notifications, which the notification service files by each user's preferences.
 */
export const publishedWrite = (ctx: Ctx, wo: WoRecord, event: string, extra: Record<string, unknown> = {}): SqlWrite =>
  eventWrite({
    channel: 'work_orders',
    warehouseId: wo.warehouseId,
    payload: {
      event, id: wo.id, foNumber: wo.foNumber, title: wo.title, status: wo.status, priority: wo.priority, type: wo.type,
      assignees: wo.assignedTo, requestedBy: wo.requestedById, equipmentId: wo.equipment?.id ?? null, lastUpdated: wo.lastUpdated,
      actorId: ctx.actor.userId, ...extra,
    },
  });

export async function published(ctx: Ctx, wo: WoRecord, event: string, extra: Record<string, unknown> = {}) {
  await runWrites(ctx.tx, [publishedWrite(ctx, wo, event, extra)]);
}

const others = (ctx: Ctx, ids: readonly string[]) => [...new Set(ids)].filter((id) => id !== ctx.actor.userId);

/** Notifies those of `userIds` whose role receives the type (contracts' recipient table). */
async function send(ctx: Ctx, wo: WoRecord, type: NotificationType, userIds: string[], title: string, message: string) {
  if (!userIds.length) return;
  const people = await repo.rolesOf(ctx.tx, userIds);
  userIds = people.filter((p) => receivesNotification(p.role as Role, type)).map((p) => p.id);
  await notify(ctx.tx, { userIds, warehouseId: wo.warehouseId, type, title, message, link: `/work-orders/${wo.id}`, workOrderId: wo.id, data: { foNumber: wo.foNumber, status: wo.status } });
}

export async function notifyAssigned(ctx: Ctx, wo: WoRecord, newAssignees: string[]) {
  await send(ctx, wo, 'WO_ASSIGNED', others(ctx, newAssignees), `${wo.foNumber} assigned to you`, `${wo.title} (${wo.priority.toLowerCase()} priority)${wo.dueDate ? `, due ${wo.dueDate}` : ''}.`);
}

export async function notifyStatus(ctx: Ctx, wo: WoRecord, from: WoStatus) {
  const to = wo.status;
  const watchers = others(ctx, [wo.requestedById, ...wo.assignedTo]);
  if (to === 'COMPLETED') {
    await send(ctx, wo, 'WO_COMPLETED', others(ctx, [wo.requestedById]), `${wo.foNumber} is done`, `${wo.title} was completed and awaits verification.`);
    const supervisors = others(ctx, await repo.sitePeople(ctx.tx, wo.warehouseId, [...rolesNotifiedOf('WO_NEEDS_VERIFICATION')]));
    await send(ctx, wo, 'WO_NEEDS_VERIFICATION', supervisors, `${wo.foNumber} needs verification`, `${wo.title} was completed; check the work and verify it.`);
    const rest = watchers.filter((id) => id !== wo.requestedById);
    await send(ctx, wo, 'WO_STATUS_CHANGED', rest, `${wo.foNumber}: ${from} to ${to}`, `${wo.title} is now ${to}.`);
    return;
  }
  await send(ctx, wo, 'WO_STATUS_CHANGED', watchers, `${wo.foNumber}: ${from} to ${to}`, `${wo.title} is now ${to}.`);
}
