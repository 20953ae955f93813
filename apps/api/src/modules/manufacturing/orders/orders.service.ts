import { readWarehouse } from '../../../platform/db/site-scope.js';
import type { Ctx } from '../../../platform/db/unit-of-work.js';
import { forbidden, notFound, validation, workflow } from '../../../platform/http/errors.js';
import { keysetPagination, toIso } from '../../../platform/http/envelope.js';
import { audit } from '../../core/audit/audit.writer.js';
import { recordDocuments, type RecordDocument } from '../../core/files/index.js';
import { orderBomHeads } from '../bom/index.js';
import { gateBlockersOf, partsShort } from './lifecycle.service.js';
import { orderProgress } from './order-gates.js';
import { editableFields, formatDuration, money, nextSteps, type OrderState } from './orders.fns.js';
import { notifyAssigned, published } from './orders.events.js';
import * as policy from './orders.policy.js';
import * as customerRepo from './customers.repo.js';
import * as listRepo from './orders-list.repo.js';
import * as repo from './orders.repo.js';
import type { OrderListQuery, UpdateInput } from './orders.schema.js';

/** Reading, editing, assigning and cancelling customer orders (spec 2.2, 2.3). */

export const stateOf = (o: repo.OrderRow): OrderState => ({ status: o.status, resumeStatus: o.resume_status, assemblerId: o.assembler_id, qcPersonId: o.qc_person_id });
const dayIso = (d: string | null) => (d ? `${d}T00:00:00.000Z` : null);
const num = (v: string | number | null) => (v === null ? null : Number(v));
/** Whoever works on the order now: the QC person in the QC phases, the assembler otherwise. */
const currentlyAssigned = (o: repo.OrderRow) => (['PRE_QC', 'END_OF_LINE', 'FINAL_QC'].includes(o.status) && o.qc_person ? o.qc_person : o.assembler);

/**
 * An order the actor may see, or 404: another site's, or (for assemblers and QC people) one not
 * assigned to them, is not found. RLS agrees; this keeps the application honest alone.
 */
export async function loadVisible(ctx: Ctx, id: string, forUpdate = false): Promise<repo.OrderRow> {
  policy.reachOf(ctx.actor);
  const o = await repo.findOrder(ctx.tx, id, readWarehouse(ctx.actor), forUpdate);
  if (!o || !policy.withinReach(ctx.actor, o)) throw notFound('Order');
  return o;
}

/** Whether the actor may see the order (and so the files attached to it). */
export async function orderVisible(ctx: Ctx, id: string): Promise<boolean> {
  try {
    await loadVisible(ctx, id);
    return true;
  } catch {
    return false;
  }
}

/** The list with the tags of the people it names, for the read cache (any order or customer change drops every list). */
export async function orderListPage(ctx: Ctx, q: OrderListQuery) {
  const value = await listOrders(ctx, q);
  const people = new Set([ctx.actor.userId, ...value.orders.map((o) => o.assignedTo?.id).filter((p): p is string => Boolean(p))]);
  return { value, tags: [...people].map((p) => `user:${p}`) };
}

export async function listOrders(ctx: Ctx, q: OrderListQuery) {
  const reach = policy.reachOf(ctx.actor);
  const prices = policy.seesPrices(ctx.actor);
  const { rows, page } = await listRepo.listOrders(ctx.tx, {
    warehouseId: readWarehouse(ctx.actor, q.warehouseId), reach, status: q.status, priority: q.priority, customerId: q.customerId, createdBy: q.createdBy,
    assignedTo: q.assignedTo === 'me' ? ctx.actor.userId : q.assignedTo, dateFrom: q.dateFrom, dateTo: q.dateTo, search: q.search, sortBy: q.sortBy, sortOrder: q.sortOrder,
  }, { page: q.page, limit: q.limit, cursor: q.cursor });
  return {
    orders: rows.map((r) => ({
      id: r.id, orderNumber: r.order_number, status: r.status, priority: r.priority, step: r.step,
      customer: { id: r.customer_id, companyName: r.company_name, contactName: r.contact_name }, buildNumbers: r.build_numbers ?? [],
      totalAmount: prices ? num(r.total_amount) : null, createdAt: toIso(r.created_at), updatedAt: toIso(r.updated_at), estimatedDelivery: dayIso(r.estimated_delivery), assignedTo: r.assigned,
    })),
    pagination: keysetPagination(page),
  };
}

const accessoryLines = (list: repo.StoredAccessory[]) =>
  list.map((a) => ({ id: a.itemId, name: a.name, partNumber: a.partNumber, quantity: a.quantity, unitCost: a.unitCost as number | null, totalCost: money(a.unitCost * a.quantity) as number | null }));

type Detail = Awaited<ReturnType<typeof orderDetail>>['detail'];

/**
 * "Role-based field filtering" (spec 2.2): assemblers and QC people read the orders they work on,
 * not what the customer pays — prices stay with those who read every order.
 */
function withoutPrices(d: Detail): Detail {
  const line = <T extends { unitCost: number | null; totalCost: number | null }>(a: T) => ({ ...a, unitCost: null, totalCost: null });
  return {
    ...d, subtotal: null, tax: null, shippingCost: null, totalAmount: null, accessories: d.accessories.map(line),
    builds: d.builds.map((b) => ({ ...b, configuredPrice: null, accessories: b.accessories.map(line), customParts: b.customParts.map((c) => ({ ...c, cost: null })) })),
  };
}

// The spec's document fields (id, name, type, url), plus what the order page needs to list and fetch them.
const generatedDocument = (kind: 'BOM' | 'PACKING_LIST', name: string, url: string, format: 'pdf' | 'csv' | 'xlsx') =>
  ({ id: null, kind, name, type: format.toUpperCase(), format, url, size: null });
const uploadedDocument = (d: RecordDocument) => {
  const format = d.contentType === 'application/pdf' ? 'pdf' : (d.contentType.split('/')[1] ?? 'bin');
  return { id: d.id, kind: 'UPLOAD' as const, name: d.fileName, type: format.toUpperCase(), format, url: d.url, size: d.size };
};

export async function getOrder(ctx: Ctx, id: string) {
  return (await orderPage(ctx, id)).value;
}

/**
 * The order page with what the read cache needs (decision 0018): the tags of the rows it shows
 * (the order and its parts tag "order:<id>", its customer, the people it names, the reader), and
 * no keeping at all when it read stock (whether parts are short changes with every stock move).
 */
export async function orderPage(ctx: Ctx, id: string): Promise<{ value: Detail; tags: string[]; ttlMs?: number }> {
  const { detail, readStock } = await orderDetail(ctx, id);
  const value = policy.seesPrices(ctx.actor) ? detail : withoutPrices(detail);
  const people = [ctx.actor.userId, detail.createdBy.id, detail.assembler?.id, detail.qcPerson?.id, detail.assignedTo?.id, detail.cancellation?.cancelledBy?.id];
  const tags = [`order:${detail.id}`, `customer:${detail.customer.id}`, ...new Set(people.filter((p): p is string => Boolean(p)).map((p) => `user:${p}`))];
  return { value, tags, ...(readStock ? { ttlMs: 0 } : {}) };
}

async function orderDetail(ctx: Ctx, id: string) {
  const o = await loadVisible(ctx, id);
  const { sinks, builds, history, reservations } = await repo.orderContents(ctx.tx, o.id);
  const [heads, progress] = [await orderBomHeads(ctx.tx, o.id, false), await orderProgress(ctx, o.id)];
  const bomOf = (bn: string) => {
    const h = heads.find((x) => x.build_number === bn);
    return h ? { id: h.id, version: h.version, status: h.status, generatedAt: toIso(h.generated_at)! } : null;
  };
  const gates = await gateBlockersOf(ctx, o, heads, builds);
  // Only a PENDING order ready for production is worth the stock read that says whether parts are short.
  const ready = o.status === 'PENDING' && !(gates.get('PENDING->IN_PRODUCTION')?.length);
  const steps = nextSteps(ctx.actor, stateOf(o), gates, ready ? { partsShort: await partsShort(ctx, o) } : {});
  const edit = policy.mayEdit(ctx.actor);
  const documents = [
    ...builds.flatMap((b) => {
      const bom = bomOf(b.build_number);
      return bom ? (['pdf', 'csv', 'xlsx'] as const).map((format) => generatedDocument('BOM', `BOM ${b.build_number} v${bom.version}`, `/api/v1/bom/${bom.id}/export?format=${format}`, format)) : [];
    }),
    ...(['READY_TO_SHIP', 'SHIPPED'].includes(o.status) ? [generatedDocument('PACKING_LIST', `Packing list ${o.order_number}`, `/api/v1/orders/${o.id}/packing-list`, 'pdf')] : []),
    ...(await recordDocuments(ctx.tx, 'order', o.id, 'order-documents')).map(uploadedDocument),
  ];
  // The first build's BOM stands for the order in the spec's single `bom` field.
  const firstBom = builds[0] ? bomOf(builds[0].build_number) : null;
  const detail = {
    id: o.id, orderNumber: o.order_number, status: o.status, resumeStatus: o.resume_status, priority: o.priority, step: o.step, warehouseId: o.warehouse_id,
    customer: repo.customerOf(o), shippingAddress: o.shipping_address,
    sinks: sinks.map((s) => {
      const own = builds.filter((b) => b.sink_id === s.id);
      return {
        id: s.id, sinkFamily: { id: s.family_id, name: s.family_name, model: s.base_model, description: s.family_description }, quantity: s.quantity,
        buildNumbers: own.map((b) => b.build_number), configuration: own[0]?.configuration ?? null,
      };
    }),
    builds: builds.map((b) => ({
      id: b.id, buildNumber: b.build_number, configuration: b.configuration, configuredPrice: num(b.configured_price),
      customParts: b.custom_parts.map((c) => ({ ...c, cost: c.cost as number | null })),
      accessories: accessoryLines(b.accessories), bom: bomOf(b.build_number),
    })),
    accessories: accessoryLines(o.accessories),
    bom: firstBom,
    timeline: history.map((h) => ({ status: h.to_status, timestamp: toIso(h.changed_at)!, user: h.user?.name ?? '', notes: h.notes })),
    subtotal: num(o.subtotal), tax: num(o.tax), shippingCost: num(o.shipping_cost), totalAmount: num(o.total_amount),
    specialInstructions: o.special_instructions, notes: o.notes, requestedDelivery: o.requested_delivery, estimatedDelivery: dayIso(o.estimated_delivery),
    submittedAt: toIso(o.submitted_at), createdAt: toIso(o.created_at)!, updatedAt: toIso(o.updated_at)!,
    createdBy: o.created_by_person ?? { id: o.created_by, name: '', role: '' },
    assignedTo: currentlyAssigned(o), assembler: o.assembler, qcPerson: o.qc_person,
    shipment: o.carrier && o.tracking_number && o.ship_date && o.shipped_at ? { carrier: o.carrier, trackingNumber: o.tracking_number, shipDate: o.ship_date, shippedAt: toIso(o.shipped_at) } : null,
    cancellation: o.status === 'CANCELLED' && o.cancel_reason && o.cancelled_at ? { reason: o.cancel_reason, cancelledAt: toIso(o.cancelled_at), cancelledBy: o.cancelled_by_person } : null,
    reservations: reservations.map(reservationView),
    backordersAccepted: o.backorders_accepted,
    production: progress,
    documents,
    nextPossibleStatuses: steps.filter((s) => s.allowed).map((s) => s.status),
    nextSteps: steps,
    permissions: {
      edit: edit && editableFields(o.status) !== null,
      editDraft: edit && o.status === 'DRAFT',
      cancel: steps.some((s) => s.status === 'CANCELLED' && s.allowed),
      assign: edit && !['SHIPPED', 'CANCELLED'].includes(o.status),
      // the order-documents bucket's upload rule
      attach: edit || policy.mayCreate(ctx.actor),
    },
  };
  return { detail, readStock: ready };
}

export const reservationView = (r: repo.ReservationRow) => ({
  itemId: r.item_id, partNumber: r.part_number, name: r.name, required: r.required, reserved: r.reserved, backordered: r.backordered, shipped: r.shipped,
});

export async function statusHistory(ctx: Ctx, id: string) {
  const o = await loadVisible(ctx, id);
  const rows = await repo.historyOf(ctx.tx, o.id);
  const statusHistory = rows.map((h, i) => ({
    id: h.id, fromStatus: h.from_status, toStatus: h.to_status, timestamp: toIso(h.changed_at)!, user: h.user, notes: h.notes,
    duration: i === 0 ? null : formatDuration(new Date(h.changed_at).getTime() - new Date(rows[i - 1]!.changed_at).getTime()),
  }));
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    orderId: o.id, statusHistory, currentStatus: o.status,
    totalDuration: first && last ? formatDuration(new Date(last.changed_at).getTime() - new Date(first.changed_at).getTime()) : null,
  };
}

/** Spec 2.3: what may change depends on the phase; previous values are returned and audited. */
export async function updateOrder(ctx: Ctx, id: string, input: UpdateInput) {
  const o = await loadVisible(ctx, id, true);
  const allowed = editableFields(o.status);
  const override = input.adminOverride === true;
  if (override && ctx.actor.role !== 'ADMIN') throw forbidden('Gate ADMIN_OVERRIDE: only an ADMIN overrides the phase rules');
  if (!allowed && !override) throw workflow(`Gate ORDER_CLOSED: a ${o.status} order does not change (an ADMIN may with adminOverride)`);
  const customer = repo.customerOf(o);
  const current: Record<string, unknown> = {
    'customer.contactName': customer.contactName, 'customer.email': customer.email, 'customer.phone': customer.phone, priority: o.priority,
    specialInstructions: o.special_instructions, notes: o.notes, requestedDelivery: o.requested_delivery, estimatedDelivery: o.estimated_delivery, shippingAddress: o.shipping_address,
  };
  const requested: Record<string, unknown> = {
    'customer.contactName': input.customer?.contactName, 'customer.email': input.customer?.email, 'customer.phone': input.customer?.phone, priority: input.priority,
    specialInstructions: input.specialInstructions, notes: input.notes, requestedDelivery: input.requestedDelivery, estimatedDelivery: input.estimatedDelivery, shippingAddress: input.shippingAddress,
  };
  const fields = Object.keys(requested).filter((k) => requested[k] !== undefined);
  if (!fields.length) throw validation('Nothing to change', [{ field: 'body', message: 'Give at least one field', code: 'REQUIRED_FIELD' }]);
  const refused = override ? [] : fields.filter((f) => !allowed!.has(f));
  if (refused.length) {
    throw workflow(`Gate ORDER_PHASE_FIELDS: a ${o.status} order's ${refused.join(', ')} can no longer change; after PENDING only notes, dates, priority and shipping details do`);
  }
  const changed = fields.filter((f) => JSON.stringify(requested[f]) !== JSON.stringify(current[f]));
  if (input.customer) await customerRepo.updateCustomer(ctx.tx, o.customer_id, input.customer);
  await repo.updateOrder(ctx.tx, o.id, {
    priority: input.priority, specialInstructions: input.specialInstructions, notes: input.notes, requestedDelivery: input.requestedDelivery,
    estimatedDelivery: input.estimatedDelivery, shippingAddress: input.shippingAddress,
  });
  const previousValues = Object.fromEntries(changed.map((f) => [f, current[f]]));
  const after = (await repo.findOrder(ctx.tx, o.id, o.warehouse_id))!;
  await audit(ctx, { action: 'UPDATE', tableName: 'orders', recordId: o.id, warehouseId: o.warehouse_id, before: previousValues, after: Object.fromEntries(changed.map((f) => [f, requested[f]])), description: override ? 'Admin override' : undefined });
  await published(ctx, after, 'updated', { fields: changed });
  return { orderId: o.id, updatedFields: changed, previousValues, updatedAt: toIso(after.updated_at)!, updatedBy: await repo.person(ctx.tx, ctx.actor.userId) };
}

/** Names the assembler and/or QC person; they may then read and move the order. */
export async function assign(ctx: Ctx, id: string, input: { assemblerId?: string | null; qcPersonId?: string | null }) {
  if (!policy.mayEdit(ctx.actor)) throw forbidden('Gate ASSIGN_ROLE: only a PRODUCTION_COORDINATOR or ADMIN assigns orders');
  const o = await loadVisible(ctx, id, true);
  if (o.status === 'SHIPPED' || o.status === 'CANCELLED') throw workflow(`Gate ORDER_CLOSED: a ${o.status} order is not assigned any more`);
  const ids = [input.assemblerId, input.qcPersonId].filter((x): x is string => !!x);
  const people = await repo.assignablePeople(ctx.tx, o.warehouse_id, ids);
  const check = (value: string | null | undefined, role: string, field: string) => {
    if (value && !people.some((p) => p.id === value && p.role === role)) {
      throw validation(`Only an active ${role} of this site can be named`, [{ field, message: `${value} is not an active ${role} of this site`, code: 'INVALID_ASSIGNEE' }]);
    }
  };
  check(input.assemblerId, 'ASSEMBLER', 'assemblerId');
  check(input.qcPersonId, 'QC_PERSON', 'qcPersonId');
  await repo.updateOrder(ctx.tx, o.id, { assemblerId: input.assemblerId, qcPersonId: input.qcPersonId });
  const after = (await repo.findOrder(ctx.tx, o.id, o.warehouse_id))!;
  await audit(ctx, { action: 'ASSIGN', tableName: 'orders', recordId: o.id, warehouseId: o.warehouse_id, before: { assemblerId: o.assembler_id, qcPersonId: o.qc_person_id }, after: { assemblerId: after.assembler_id, qcPersonId: after.qc_person_id } });
  await published(ctx, after, 'assigned', { assemblerId: after.assembler_id, qcPersonId: after.qc_person_id });
  await notifyAssigned(ctx, after, [after.assembler_id !== o.assembler_id ? after.assembler_id : null, after.qc_person_id !== o.qc_person_id ? after.qc_person_id : null]);
  return getOrder(ctx, o.id);
}

export const assignablePeople = (ctx: Ctx) => repo.assignablePeople(ctx.tx, ctx.actor.warehouseId);

export async function listCustomers(ctx: Ctx, q: { search?: string; page: number; limit: number }) {
  const { customers, page } = await customerRepo.listCustomers(ctx.tx, readWarehouse(ctx.actor), q.search, { page: q.page, limit: q.limit });
  return { customers, pagination: keysetPagination(page) };
}

