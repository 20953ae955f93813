import type { OrderStatus } from '@plantops/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Ctx } from '../../../platform/db/unit-of-work.js';
import { AppError, workflow } from '../../../platform/http/errors.js';
import { toIso } from '../../../platform/http/envelope.js';
import { audit } from '../../core/audit/audit.writer.js';
import { availableStock, findItemFacts, moveStock } from '../../core/inventory/index.js';
import { orderBomHeads, type BomNode, type OrderBomHead } from '../bom/index.js';
import { registeredBlockers } from './order-gates.js';
import { cancelRule, checkTransition, leafDemand, nextPossibleStatuses, reservationPlan, transitionKey, type Blocker } from './orders.fns.js';
import { notifyStatus, published } from './orders.events.js';
import * as repo from './orders.repo.js';
import type { StatusInput } from './orders.schema.js';
import { loadVisible, reservationView, stateOf } from './orders.service.js';

/**
 * The 8-phase lifecycle of domain.md: every move by role and gate, ON_HOLD and back, rework,
 * cancellation; the stock it takes (reserve on IN_PRODUCTION, release on cancel, ship on SHIPPED)
 * goes through the core ledger in the same transaction.
 */

/** What holds each move out of the order's phase: the gates this module checks, and those later modules registered. */
export async function gateBlockersOf(ctx: Ctx, o: repo.OrderRow, heads: OrderBomHead[], knownBuilds?: repo.BuildRow[]): Promise<Map<string, Blocker[]>> {
  const gates = await registeredBlockers(ctx, { id: o.id, warehouseId: o.warehouse_id, status: o.status });
  if (o.status === 'PENDING') {
    const own: Blocker[] = [];
    const builds = knownBuilds ?? (await repo.buildsOf(ctx.tx, o.id));
    for (const b of builds) {
      const head = heads.find((h) => h.build_number === b.build_number);
      if (!head) own.push({ gate: 'BOM_APPROVED', message: `Build ${b.build_number} has no BOM yet: generate it` });
      else if (head.status !== 'APPROVED') own.push({ gate: 'BOM_APPROVED', message: `BOM v${head.version} of build ${b.build_number} is ${head.status}: approve it` });
    }
    if (!o.assembler_id) own.push({ gate: 'ASSEMBLER_ASSIGNED', message: 'Assign an assembler to the order' });
    const key = transitionKey('PENDING', 'IN_PRODUCTION');
    gates.set(key, [...own, ...(gates.get(key) ?? [])]);
  }
  return gates;
}

const refusalCode = (status: number) => (status === 403 ? 'AUTH_INSUFFICIENT_PERMISSIONS' : status === 422 ? 'VALIDATION_ERROR' : 'BUSINESS_WORKFLOW_ERROR');

/** What the order's BOMs take from stock, per item (their leaves). */
function demandOf(heads: OrderBomHead[]) {
  const demand = new Map<string, number>();
  for (const h of heads) leafDemand(((h.document as { bomItems?: BomNode[] }).bomItems ?? []), demand);
  return demand;
}

/** Whether starting production now would leave parts short (a read, no lock: the move itself checks again). */
export async function partsShort(ctx: Ctx, o: repo.OrderRow): Promise<boolean> {
  const heads = await orderBomHeads(ctx.tx, o.id, true);
  const demand = demandOf(heads);
  const available = await availableStock(ctx.tx, o.warehouse_id, [...demand.keys()]);
  return reservationPlan(demand, available).some((p) => p.short > 0);
}

/**
 * Reserves every BOM part of the order in its warehouse: the stock rows are locked in one order
 * first, so two orders racing for the last units queue and neither over-reserves. Parts short are
 * refused, unless the coordinator accepts them as back-orders (then what there is gets reserved).
 */
async function reserveParts(ctx: Ctx, o: repo.OrderRow, heads: OrderBomHead[], acceptBackorders: boolean) {
  const demand = demandOf(heads);
  const available = await availableStock(ctx.tx, o.warehouse_id, [...demand.keys()], { lock: true });
  const plan = reservationPlan(demand, available);
  const short = plan.filter((p) => p.short > 0);
  if (short.length && !acceptBackorders) {
    const names = new Map((await findItemFacts(ctx.tx, { ids: short.map((s) => s.itemId) })).map((i) => [i.id, i.partNumber]));
    throw new AppError(409, 'BUSINESS_INSUFFICIENT_INVENTORY',
      `Gate PARTS_RESERVED: ${short.length} part${short.length === 1 ? ' is' : 's are'} short for ${o.order_number}. Receive them first, or accept them as back-orders (acceptBackorders: true)`,
      short.map((s) => ({ field: `parts.${names.get(s.itemId) ?? s.itemId}`, code: 'INSUFFICIENT_INVENTORY', message: `${s.required} needed, ${s.reserve} available, ${s.short} short` })));
  }
  for (const p of plan) {
    if (p.reserve > 0) {
      await moveStock(ctx, { itemId: p.itemId, warehouseId: o.warehouse_id, type: 'RESERVED', quantity: p.reserve, customerOrderId: o.id, reason: `Reserved for ${o.order_number}` });
    }
    await repo.saveReservation(ctx.tx, { orderId: o.id, itemId: p.itemId, warehouseId: o.warehouse_id, required: p.required, reserved: p.reserve, backordered: p.short });
  }
  return { reservedLines: plan.filter((p) => p.reserve > 0).length, backordered: short.length };
}

/** Gives back what the order holds (cancel). */
async function releaseParts(ctx: Ctx, o: repo.OrderRow): Promise<number> {
  let released = 0;
  for (const r of await repo.reservationsOf(ctx.tx, o.id)) {
    if (r.reserved > 0) {
      await moveStock(ctx, { itemId: r.item_id, warehouseId: o.warehouse_id, type: 'RELEASED', quantity: r.reserved, customerOrderId: o.id, reason: `${o.order_number} cancelled` });
      released++;
    }
    await repo.saveReservation(ctx.tx, { orderId: o.id, itemId: r.item_id, warehouseId: o.warehouse_id, required: r.required, reserved: 0, backordered: 0, shipped: r.shipped });
  }
  return released;
}

/** The reserved parts leave with the order: SHIPPED rows that consume the reservation. */
async function shipParts(ctx: Ctx, o: repo.OrderRow) {
  for (const r of await repo.reservationsOf(ctx.tx, o.id)) {
    if (r.reserved > 0) {
      await moveStock(ctx, { itemId: r.item_id, warehouseId: o.warehouse_id, type: 'SHIPPED', quantity: r.reserved, fromReserved: true, customerOrderId: o.id, reason: `Shipped with ${o.order_number}` });
    }
    await repo.saveReservation(ctx.tx, { orderId: o.id, itemId: r.item_id, warehouseId: o.warehouse_id, required: r.required, reserved: 0, backordered: r.backordered, shipped: r.shipped + r.reserved });
  }
}

export async function changeStatus(ctx: Ctx, id: string, input: StatusInput) {
  if (input.status === 'CANCELLED') {
    const cancelled = await cancelOrder(ctx, id, { reason: input.notes ?? '', adminOverride: input.adminOverride });
    const o = (await repo.findOrder(ctx.tx, id, undefined))!;
    return { orderId: id, previousStatus: cancelled.previousStatus, currentStatus: 'CANCELLED' as const, statusChangedAt: cancelled.cancelledAt, statusChangedBy: cancelled.cancelledBy, notes: cancelled.reason, nextPossibleStatuses: [], assignedTo: o.assembler };
  }
  const o = await loadVisible(ctx, id, true);
  const to = input.status;
  const heads = await orderBomHeads(ctx.tx, o.id, o.status === 'PENDING' && to === 'IN_PRODUCTION');
  const gates = await gateBlockersOf(ctx, o, heads);
  const check = checkTransition(ctx.actor, stateOf(o), to, input, gates);
  if (!check.ok) throw new AppError(check.status, refusalCode(check.status), `Gate ${check.gate}: ${check.message}`, [{ field: 'status', message: check.message, code: check.gate }]);

  const from = o.status;
  const fields: repo.OrderFields = { status: to };
  const effects: Record<string, unknown> = {};
  if (to === 'ON_HOLD') fields.resumeStatus = from;
  if (from === 'ON_HOLD') fields.resumeStatus = null;
  if (from === 'PENDING' && to === 'IN_PRODUCTION') {
    Object.assign(effects, await reserveParts(ctx, o, heads, input.acceptBackorders === true));
    fields.backordersAccepted = input.acceptBackorders === true && (effects.backordered as number) > 0;
  }
  if (to === 'SHIPPED') {
    await shipParts(ctx, o);
    Object.assign(fields, { carrier: input.carrier, trackingNumber: input.trackingNumber, shipDate: input.shipDate ?? new Date().toISOString().slice(0, 10), shippedNow: true });
  }
  await repo.updateOrder(ctx.tx, o.id, fields);
  await repo.insertHistory(ctx.tx, { id: uuidv7(), orderId: o.id, warehouseId: o.warehouse_id, from, to, userId: ctx.actor.userId, notes: input.notes ?? null });
  const after = (await repo.findOrder(ctx.tx, o.id, o.warehouse_id))!;
  await audit(ctx, {
    action: 'STATUS_CHANGE', tableName: 'orders', recordId: o.id, warehouseId: o.warehouse_id, before: { status: from },
    after: { status: to, ...effects, ...(to === 'SHIPPED' ? { carrier: input.carrier, trackingNumber: input.trackingNumber } : {}), ...(input.completedTasks ? { completedTasks: input.completedTasks } : {}) },
    description: input.notes,
  });
  await published(ctx, after, 'status', { from });
  await notifyStatus(ctx, after, from);
  const afterHeads = to === 'PENDING' ? await orderBomHeads(ctx.tx, o.id, false) : heads;
  return {
    orderId: o.id, previousStatus: from, currentStatus: to, statusChangedAt: toIso(after.updated_at)!, statusChangedBy: await repo.person(ctx.tx, ctx.actor.userId),
    notes: input.notes ?? null,
    nextPossibleStatuses: nextPossibleStatuses(ctx.actor, stateOf(after), await gateBlockersOf(ctx, after, afterHeads)),
    assignedTo: ['PRE_QC', 'END_OF_LINE', 'FINAL_QC'].includes(to) && after.qc_person ? after.qc_person : after.assembler,
    ...(from === 'PENDING' && to === 'IN_PRODUCTION' ? { reservations: (await repo.reservationsOf(ctx.tx, o.id)).map(reservationView) } : {}),
  };
}

/** DELETE /orders/{id}: the spec's cancel. DRAFT and PENDING by the coordinator; later phases by an ADMIN with adminOverride. */
export async function cancelOrder(ctx: Ctx, id: string, input: { reason: string; adminOverride?: boolean }) {
  const o = await loadVisible(ctx, id, true);
  const rule = cancelRule(ctx.actor, o.status, o.resume_status);
  if (!rule) throw workflow(`Gate STATUS_FLOW: a ${o.status} order cannot be cancelled`);
  if (!rule.allowed) throw new AppError(403, 'AUTH_INSUFFICIENT_PERMISSIONS', `Gate ${rule.blockers[0]!.gate}: ${rule.blockers[0]!.message}`);
  if (rule.needs.includes('adminOverride') && input.adminOverride !== true) {
    throw workflow(`Gate ADMIN_OVERRIDE: ${o.order_number} is ${o.status}; cancelling it after PENDING needs adminOverride: true`);
  }
  if (!input.reason.trim()) throw new AppError(422, 'VALIDATION_ERROR', 'Gate REASON_REQUIRED: give the reason for the cancellation', [{ field: 'reason', message: 'Required', code: 'REQUIRED_FIELD' }]);
  const released = await releaseParts(ctx, o);
  await repo.updateOrder(ctx.tx, o.id, { status: 'CANCELLED', resumeStatus: null, cancelReason: input.reason, cancelledBy: ctx.actor.userId, cancelledNow: true });
  await repo.insertHistory(ctx.tx, { id: uuidv7(), orderId: o.id, warehouseId: o.warehouse_id, from: o.status, to: 'CANCELLED', userId: ctx.actor.userId, notes: input.reason });
  const after = (await repo.findOrder(ctx.tx, o.id, o.warehouse_id))!;
  await audit(ctx, { action: 'STATUS_CHANGE', tableName: 'orders', recordId: o.id, warehouseId: o.warehouse_id, before: { status: o.status }, after: { status: 'CANCELLED', releasedReservations: released, adminOverride: input.adminOverride === true }, description: input.reason });
  await published(ctx, after, 'status', { from: o.status });
  await notifyStatus(ctx, after, o.status);
  return {
    orderId: o.id, status: 'CANCELLED' as OrderStatus, previousStatus: o.status, cancelledAt: toIso(after.cancelled_at)!, cancelledBy: await repo.person(ctx.tx, ctx.actor.userId),
    reason: input.reason, releasedReservations: released,
  };
}
