import type { MovementType } from '../inventory/index.js';
import type { Queryable } from '../../../platform/db/database.js';
import { dateRangeSql } from '../../../platform/http/date-range.js';
import type { Sort } from '../../../platform/db/keyset.js';
import { pagedQuery, type PageInfo } from '../../../platform/db/paged-query.js';
import { toIso } from '../../../platform/http/envelope.js';
import type { PartTransaction } from './part-transactions.schema.js';

interface Row {
  id: string;
  item_id: string;
  part_number: string;
  part_name: string;
  warehouse_id: string;
  work_order_id: string | null;
  receipt_id: string | null;
  vendor_id: string | null;
  type: MovementType;
  quantity: number;
  on_hand_after: number;
  reserved_after: number;
  performed_by: string | null;
  performer_name: string | null;
  created_at: Date;
  notes: string | null;
  reason: string | null;
}

const SELECT_COLUMNS = `SELECT t.id, t.item_id, i.part_number, i.name AS part_name, t.warehouse_id, t.work_order_id, t.receipt_id,
    t.vendor_id, t.type, t.quantity, t.on_hand_after, t.reserved_after, t.performed_by,
    nullif(trim(coalesce(p.first_name, '') || ' ' || coalesce(p.last_name, '')), '') AS performer_name,
    t.created_at, t.notes, t.reason`;
const FROM = 'FROM stock_transactions t JOIN items i ON i.id = t.item_id LEFT JOIN profiles p ON p.id = t.performed_by';
const select = () => `${SELECT_COLUMNS} ${FROM}`;

const toTransaction = (r: Row): PartTransaction => ({
  id: r.id,
  partId: r.item_id,
  partNumber: r.part_number,
  partName: r.part_name,
  warehouseId: r.warehouse_id,
  workOrderId: r.work_order_id,
  receiptId: r.receipt_id,
  vendorId: r.vendor_id,
  type: r.type,
  quantity: r.quantity,
  quantityAfter: r.on_hand_after,
  quantityReservedAfter: r.reserved_after,
  performedBy: r.performed_by ? { id: r.performed_by, name: r.performer_name ?? '' } : null,
  timestamp: toIso(r.created_at) ?? '',
  notes: r.notes,
  reason: r.reason,
});

export interface TransactionFilter {
  warehouseId?: string;
  partId?: string;
  type?: MovementType;
  workOrderId?: string;
  dateFrom?: string;
  dateTo?: string;
  page: number;
  limit: number;
  cursor?: string;
}

/** Newest first; ids are UUIDv7, so they break ties in the order the rows were written (keyset order, decision 0011). */
const NEWEST_FIRST: Sort = { name: 'newest', keys: [{ expr: 't.created_at', type: 'timestamptz' }, { expr: 't.id', type: 'uuid' }], dir: 'desc' };

export async function listTransactions(tx: Queryable, f: TransactionFilter): Promise<{ rows: PartTransaction[]; page: PageInfo }> {
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  const where: string[] = [];
  if (f.warehouseId) where.push(`t.warehouse_id = ${p(f.warehouseId)}`);
  if (f.partId) where.push(`t.item_id = ${p(f.partId)}`);
  if (f.type) where.push(`t.type = ${p(f.type)}`);
  if (f.workOrderId) where.push(`t.work_order_id = ${p(f.workOrderId)}`);
  where.push(...dateRangeSql('t.created_at', f.dateFrom, f.dateTo, p));
  const { rows, page } = await pagedQuery<Row>(
    tx,
    { select: SELECT_COLUMNS, from: FROM, countFrom: 'FROM stock_transactions t', where, params, sort: NEWEST_FIRST },
    { page: f.page, limit: f.limit, cursor: f.cursor },
  );
  return { rows: rows.map(toTransaction), page };
}

export async function findTransaction(tx: Queryable, id: string, warehouseId: string | undefined): Promise<PartTransaction | undefined> {
  const { rows } = await tx.query<Row>(`${select()} WHERE t.id = $1 AND ($2::uuid IS NULL OR t.warehouse_id = $2)`, [id, warehouseId ?? null]);
  return rows[0] && toTransaction(rows[0]);
}
