import type { OrderPriority, OrderStatus } from '@plantops/contracts';
import type { Address, Customer, Person } from '@plantops/contracts/responses/orders';
import { toCustomer, type CustomerRow } from './customers.repo.js';
import { prepared, type Queryable } from '../../../platform/db/database.js';

/** SQL of customer orders (tables and row-level security: migration 0016). */

const PERSON = (col: string) =>
  `(SELECT json_build_object('id', p.id, 'name', p.first_name || ' ' || p.last_name, 'role', p.role) FROM profiles p WHERE p.id = ${col})`;

/** The next value of a plant-wide yearly counter; the upsert's row lock queues concurrent callers. */
export async function nextNumber(tx: Queryable, kind: 'ORDER' | 'BUILD', prefix: string, year: number, count = 1): Promise<number> {
  const { rows } = await tx.query<{ last_value: number }>(
    `INSERT INTO order_number_sequences (kind, prefix, year, last_value) VALUES ($1, $2, $3, $4)
     ON CONFLICT (kind, prefix, year) DO UPDATE SET last_value = order_number_sequences.last_value + $4
     RETURNING last_value`,
    [kind, prefix, year, count],
  );
  return rows[0]!.last_value - count + 1;
}

// Orders ------------------------------------------------------------------------------------------

export interface OrderRow {
  id: string;
  warehouse_id: string;
  order_number: string;
  customer_id: string;
  status: OrderStatus;
  resume_status: OrderStatus | null;
  priority: OrderPriority;
  special_instructions: string | null;
  notes: string | null;
  step: number;
  shipping_address: Address;
  requested_delivery: string | null;
  estimated_delivery: string | null;
  accessories: StoredAccessory[];
  accessory_total: string;
  subtotal: string | null;
  tax: string | null;
  shipping_cost: string | null;
  total_amount: string | null;
  assembler_id: string | null;
  qc_person_id: string | null;
  backorders_accepted: boolean;
  carrier: string | null;
  tracking_number: string | null;
  ship_date: string | null;
  shipped_at: Date | null;
  cancel_reason: string | null;
  cancelled_at: Date | null;
  cancelled_by: string | null;
  created_by: string;
  submitted_at: Date | null;
  created_at: Date;
  updated_at: Date;
  customer: CustomerRow;
  created_by_person: Person | null;
  assembler: Person | null;
  qc_person: Person | null;
  cancelled_by_person: Person | null;
}

/** An accessory as stored on a build or the order: the catalog facts at the time it was chosen. */
export interface StoredAccessory {
  itemId: string;
  partNumber: string;
  name: string;
  quantity: number;
  unitCost: number;
}

const ORDER_SELECT = `SELECT o.*, o.requested_delivery::text AS requested_delivery, o.estimated_delivery::text AS estimated_delivery, o.ship_date::text AS ship_date,
    row_to_json(c) AS customer, ${PERSON('o.created_by')} AS created_by_person, ${PERSON('o.assembler_id')} AS assembler,
    ${PERSON('o.qc_person_id')} AS qc_person, ${PERSON('o.cancelled_by')} AS cancelled_by_person
  FROM orders o JOIN customers c ON c.id = o.customer_id`;

export async function findOrder(tx: Queryable, id: string, warehouseId: string | undefined, forUpdate = false): Promise<OrderRow | undefined> {
  if (forUpdate) {
    // Lock the plain row first (no joins), then read the shaped one.
    const locked = await tx.query(`SELECT id FROM orders WHERE id = $1 AND ($2::uuid IS NULL OR warehouse_id = $2) FOR UPDATE`, [id, warehouseId ?? null]);
    if (!locked.rows[0]) return undefined;
  }
  const { rows } = await tx.query<OrderRow>(`${ORDER_SELECT} WHERE o.id = $1 AND ($2::uuid IS NULL OR o.warehouse_id = $2)`, [id, warehouseId ?? null]);
  return rows[0];
}

export const customerOf = (o: OrderRow): Customer => toCustomer(o.customer);

export interface NewOrder {
  id: string;
  warehouseId: string;
  orderNumber: string;
  customerId: string;
  priority: OrderPriority;
  specialInstructions: string | null;
  shippingAddress: Address;
  requestedDelivery: string | null;
  createdBy: string;
}

export async function insertOrder(tx: Queryable, o: NewOrder) {
  await tx.query(
    `INSERT INTO orders (id, warehouse_id, order_number, customer_id, priority, special_instructions, shipping_address, requested_delivery, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [o.id, o.warehouseId, o.orderNumber, o.customerId, o.priority, o.specialInstructions, JSON.stringify(o.shippingAddress), o.requestedDelivery, o.createdBy],
  );
}

/** Column writes of an order by field name (values already checked by the service). */
const COLUMNS = {
  step: 'step', priority: 'priority', specialInstructions: 'special_instructions', notes: 'notes', requestedDelivery: 'requested_delivery',
  estimatedDelivery: 'estimated_delivery', shippingAddress: 'shipping_address', status: 'status', resumeStatus: 'resume_status', subtotal: 'subtotal', tax: 'tax',
  shippingCost: 'shipping_cost', totalAmount: 'total_amount', assemblerId: 'assembler_id', qcPersonId: 'qc_person_id', backordersAccepted: 'backorders_accepted',
  carrier: 'carrier', trackingNumber: 'tracking_number', shipDate: 'ship_date', cancelReason: 'cancel_reason', cancelledBy: 'cancelled_by', accessories: 'accessories',
  accessoryTotal: 'accessory_total', customerId: 'customer_id',
} as const;
export type OrderFields = Partial<Record<keyof typeof COLUMNS, unknown>> & { submittedNow?: boolean; shippedNow?: boolean; cancelledNow?: boolean };

export async function updateOrder(tx: Queryable, id: string, f: OrderFields) {
  const params: unknown[] = [id];
  const set = ['updated_at = now()'];
  for (const [key, column] of Object.entries(COLUMNS)) {
    const v = f[key as keyof typeof COLUMNS];
    if (v === undefined) continue;
    set.push(`${column} = $${params.push(v !== null && typeof v === 'object' ? JSON.stringify(v) : v)}`);
  }
  if (f.submittedNow) set.push('submitted_at = now()');
  if (f.shippedNow) set.push('shipped_at = now()');
  if (f.cancelledNow) set.push('cancelled_at = now()');
  await tx.query(`UPDATE orders SET ${set.join(', ')} WHERE id = $1`, params);
}

// Sinks and builds --------------------------------------------------------------------------------

export interface SinkRow {
  id: string;
  position: number;
  family_id: string;
  family_code: string;
  family_name: string;
  family_description: string;
  base_model: string;
  quantity: number;
}

export interface BuildRow {
  id: string;
  sink_id: string;
  position: number;
  build_number: string;
  configuration: Record<string, unknown> | null;
  /** numeric: a string from a row, a number from orderContents' JSON */
  configured_price: string | number | null;
  custom_parts: { partNumber: string; description: string; cost: number }[];
  accessories: StoredAccessory[];
  accessory_total: string | number;
  configured_at: Date | string | null;
}

export async function sinksOf(tx: Queryable, orderId: string): Promise<SinkRow[]> {
  const { rows } = await tx.query<SinkRow>(`SELECT * FROM order_sinks WHERE order_id = $1 ORDER BY position`, [orderId]);
  return rows;
}

export async function buildsOf(tx: Queryable, orderId: string): Promise<BuildRow[]> {
  const { rows } = await tx.query<BuildRow>(`SELECT * FROM order_builds WHERE order_id = $1 ORDER BY position`, [orderId]);
  return rows;
}

/** Build numbers of `numbers` already used by another order (across every site; the database function may look). */
export async function takenBuildNumbers(tx: Queryable, numbers: string[], exceptOrder: string): Promise<string[]> {
  const { rows } = await tx.query<{ taken: string[] }>(`SELECT order_build_numbers_taken($1::text[], $2) AS taken`, [numbers, exceptOrder]);
  return rows[0]?.taken ?? [];
}

export interface NewSink {
  id: string;
  family: { id: string; code: string; name: string; description: string; baseModel: string };
  quantity: number;
  builds: { id: string; buildNumber: string; keep?: BuildRow }[];
}

/**
 * Replaces the selection: builds whose number stays keep their configuration and accessories
 * (when their family stays the same); the rest go.
 */
export async function replaceSelection(tx: Queryable, orderId: string, warehouseId: string, sinks: NewSink[]) {
  await tx.query(`DELETE FROM order_builds WHERE order_id = $1`, [orderId]);
  await tx.query(`DELETE FROM order_sinks WHERE order_id = $1`, [orderId]);
  let position = 0;
  for (const [i, s] of sinks.entries()) {
    await tx.query(
      `INSERT INTO order_sinks (id, order_id, warehouse_id, position, family_id, family_code, family_name, family_description, base_model, quantity)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [s.id, orderId, warehouseId, i + 1, s.family.id, s.family.code, s.family.name, s.family.description, s.family.baseModel, s.quantity],
    );
    for (const b of s.builds) {
      const k = b.keep;
      await tx.query(
        `INSERT INTO order_builds (id, order_id, sink_id, warehouse_id, position, build_number, configuration, configured_price, custom_parts, accessories, accessory_total, configured_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [b.id, orderId, s.id, warehouseId, ++position, b.buildNumber, k?.configuration ? JSON.stringify(k.configuration) : null, k?.configured_price ?? null,
          JSON.stringify(k?.custom_parts ?? []), JSON.stringify(k?.accessories ?? []), k?.accessory_total ?? 0, k?.configured_at ?? null],
      );
    }
  }
}

export async function configureBuilds(tx: Queryable, buildIds: string[], configuration: unknown, price: number, customParts: unknown[]) {
  await tx.query(
    `UPDATE order_builds SET configuration = $2, configured_price = $3, custom_parts = $4, configured_at = now() WHERE id = ANY($1::uuid[])`,
    [buildIds, JSON.stringify(configuration), price, JSON.stringify(customParts)],
  );
}

export async function setBuildAccessories(tx: Queryable, buildIds: string[], accessories: StoredAccessory[], total: number) {
  await tx.query(`UPDATE order_builds SET accessories = $2, accessory_total = $3 WHERE id = ANY($1::uuid[])`, [buildIds, JSON.stringify(accessories), total]);
}

// Status history ----------------------------------------------------------------------------------

export async function insertHistory(tx: Queryable, h: { id: string; orderId: string; warehouseId: string; from: OrderStatus | null; to: OrderStatus; userId: string; notes: string | null }) {
  await tx.query(
    `INSERT INTO order_status_history (id, order_id, warehouse_id, from_status, to_status, user_id, notes) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [h.id, h.orderId, h.warehouseId, h.from, h.to, h.userId, h.notes],
  );
}

export interface HistoryRow {
  id: string;
  from_status: OrderStatus | null;
  to_status: OrderStatus;
  /** A Date from a row, an ISO string from orderContents' JSON */
  changed_at: Date | string;
  notes: string | null;
  user: Person | null;
}

const HISTORY = `SELECT h.id, h.from_status, h.to_status, h.changed_at, h.notes, ${PERSON('h.user_id')} AS "user"
  FROM order_status_history h WHERE h.order_id = $1 ORDER BY h.changed_at, h.id LIMIT 500`;

export async function historyOf(tx: Queryable, orderId: string): Promise<HistoryRow[]> {
  const { rows } = await tx.query<HistoryRow>(HISTORY, [orderId]);
  return rows;
}

// Reservations ------------------------------------------------------------------------------------

export interface ReservationRow {
  item_id: string;
  part_number: string;
  name: string;
  required: number;
  reserved: number;
  backordered: number;
  shipped: number;
}

const RESERVATIONS = `SELECT r.item_id, i.part_number, i.name, r.required, r.reserved, r.backordered, r.shipped
  FROM order_reservations r JOIN items i ON i.id = r.item_id WHERE r.order_id = $1 ORDER BY i.part_number LIMIT 2000`;

export async function reservationsOf(tx: Queryable, orderId: string): Promise<ReservationRow[]> {
  const { rows } = await tx.query<ReservationRow>(RESERVATIONS, [orderId]);
  return rows;
}

/**
 * An order's sinks, builds, history and reservations in one round trip (the order page's
 * statements, each its own query above, aggregated as JSON in their own order).
 */
const CONTENTS = prepared(
  'orders_contents',
  `SELECT (SELECT coalesce(json_agg(s ORDER BY s.position), '[]') FROM order_sinks s WHERE s.order_id = $1) AS sinks,
          (SELECT coalesce(json_agg(b ORDER BY b.position), '[]') FROM order_builds b WHERE b.order_id = $1) AS builds,
          (SELECT coalesce(json_agg(x), '[]') FROM (${HISTORY}) x) AS history,
          (SELECT coalesce(json_agg(x), '[]') FROM (${RESERVATIONS}) x) AS reservations`,
);

export async function orderContents(tx: Queryable, orderId: string): Promise<{ sinks: SinkRow[]; builds: BuildRow[]; history: HistoryRow[]; reservations: ReservationRow[] }> {
  const { rows } = await tx.query<{ sinks: SinkRow[]; builds: BuildRow[]; history: HistoryRow[]; reservations: ReservationRow[] }>(CONTENTS, [orderId]);
  return rows[0]!;
}

export async function saveReservation(tx: Queryable, r: { orderId: string; itemId: string; warehouseId: string; required: number; reserved: number; backordered: number; shipped?: number }) {
  await tx.query(
    `INSERT INTO order_reservations (order_id, item_id, warehouse_id, required, reserved, backordered, shipped) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (order_id, item_id) DO UPDATE SET required = EXCLUDED.required, reserved = EXCLUDED.reserved, backordered = EXCLUDED.backordered, shipped = EXCLUDED.shipped`,
    [r.orderId, r.itemId, r.warehouseId, r.required, r.reserved, r.backordered, r.shipped ?? 0],
  );
}

// People ------------------------------------------------------------------------------------------

/** Active assemblers and QC people of the site (whom orders are assigned to). */
export async function assignablePeople(tx: Queryable, warehouseId: string, ids?: string[]): Promise<Person[]> {
  const { rows } = await tx.query<Person>(
    `SELECT id, first_name || ' ' || last_name AS name, role FROM profiles
      WHERE warehouse_id = $1 AND active AND role IN ('ASSEMBLER', 'QC_PERSON') AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))
      ORDER BY role, first_name, last_name LIMIT 500`,
    [warehouseId, ids ?? null],
  );
  return rows;
}

export async function person(tx: Queryable, id: string): Promise<Person> {
  const { rows } = await tx.query<Person>(`SELECT id, first_name || ' ' || last_name AS name, role FROM profiles WHERE id = $1`, [id]);
  return rows[0] ?? { id, name: '', role: '' };
}

export async function sitePeople(tx: Queryable, warehouseId: string, roles: readonly string[]): Promise<{ id: string; role: string }[]> {
  const { rows } = await tx.query<{ id: string; role: string }>(`SELECT id, role FROM profiles WHERE warehouse_id = $1 AND active AND role = ANY($2::text[])`, [warehouseId, roles]);
  return rows;
}

