import type { Queryable } from '../../../platform/db/database.js';
import type { Sort } from '../../../platform/db/keyset.js';
import { pagedQuery, type PageInfo } from '../../../platform/db/paged-query.js';
import { dateRangeSql } from '../../../platform/http/date-range.js';
import { toIso } from '../../../platform/http/envelope.js';
import type { Receipt, ReceiptDetail } from './receipts.schema.js';

interface Row {
  id: string;
  warehouse_id: string;
  vendor_id: string | null;
  vendor_name: string | null;
  asn_number: string | null;
  po_number: string | null;
  notes: string | null;
  received_by: string;
  receiver_name: string | null;
  received_at: Date;
  line_count: number;
  total_quantity: number | string;
}

const SELECT_COLUMNS = `SELECT r.id, r.warehouse_id, r.vendor_id, v.name AS vendor_name, r.asn_number, r.po_number, r.notes,
    r.received_by, nullif(trim(coalesce(p.first_name, '') || ' ' || coalesce(p.last_name, '')), '') AS receiver_name, r.received_at,
    (SELECT count(*)::int FROM receipt_lines l WHERE l.receipt_id = r.id) AS line_count,
    (SELECT coalesce(sum(l.quantity), 0)::bigint FROM receipt_lines l WHERE l.receipt_id = r.id) AS total_quantity`;
const FROM = 'FROM receipts r LEFT JOIN vendors v ON v.id = r.vendor_id LEFT JOIN profiles p ON p.id = r.received_by';
const select = () => `${SELECT_COLUMNS} ${FROM}`;

const toReceipt = (r: Row): Receipt => ({
  id: r.id,
  warehouseId: r.warehouse_id,
  vendorId: r.vendor_id,
  vendor: r.vendor_id && r.vendor_name !== null ? { id: r.vendor_id, name: r.vendor_name } : null,
  asnNumber: r.asn_number,
  poNumber: r.po_number,
  notes: r.notes,
  receivedBy: { id: r.received_by, name: r.receiver_name ?? '' },
  receivedAt: toIso(r.received_at) ?? '',
  lineCount: r.line_count,
  totalQuantity: Number(r.total_quantity),
});

export interface ReceiptFilter {
  warehouseId?: string;
  vendorId?: string;
  poNumber?: string;
  asnNumber?: string;
  dateFrom?: string;
  dateTo?: string;
  page: number;
  limit: number;
  cursor?: string;
}

/** Newest first; uuidv7 ids break ties (keyset order, decision 0011). */
const NEWEST_FIRST: Sort = { name: 'newest', keys: [{ expr: 'r.received_at', type: 'timestamptz' }, { expr: 'r.id', type: 'uuid' }], dir: 'desc' };

export async function listReceipts(tx: Queryable, f: ReceiptFilter): Promise<{ rows: Receipt[]; page: PageInfo }> {
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  const where: string[] = [];
  if (f.warehouseId) where.push(`r.warehouse_id = ${p(f.warehouseId)}`);
  if (f.vendorId) where.push(`r.vendor_id = ${p(f.vendorId)}`);
  // References are typed by hand from paperwork: match them case-insensitively.
  if (f.poNumber) where.push(`lower(r.po_number) = lower(${p(f.poNumber)})`);
  if (f.asnNumber) where.push(`lower(r.asn_number) = lower(${p(f.asnNumber)})`);
  where.push(...dateRangeSql('r.received_at', f.dateFrom, f.dateTo, p));
  const { rows, page } = await pagedQuery<Row>(
    tx,
    { select: SELECT_COLUMNS, from: FROM, countFrom: 'FROM receipts r', where, params, sort: NEWEST_FIRST },
    { page: f.page, limit: f.limit, cursor: f.cursor },
  );
  return { rows: rows.map(toReceipt), page };
}

export async function findReceipt(tx: Queryable, id: string, warehouseId: string | undefined): Promise<ReceiptDetail | undefined> {
  const { rows } = await tx.query<Row>(`${select()} WHERE r.id = $1 AND ($2::uuid IS NULL OR r.warehouse_id = $2)`, [id, warehouseId ?? null]);
  if (!rows[0]) return undefined;
  const lines = await tx.query<{ id: string; item_id: string; part_number: string; name: string; quantity: number; bin: string | null; transaction_id: string }>(
    `SELECT l.id, l.item_id, i.part_number, i.name, l.quantity, l.bin, l.transaction_id
       FROM receipt_lines l JOIN items i ON i.id = l.item_id WHERE l.receipt_id = $1 ORDER BY l.id`,
    [id],
  );
  return {
    ...toReceipt(rows[0]),
    lines: lines.rows.map((l) => ({ id: l.id, partId: l.item_id, partNumber: l.part_number, partName: l.name, quantity: l.quantity, bin: l.bin, transactionId: l.transaction_id })),
  };
}

export interface NewReceipt {
  id: string;
  warehouseId: string;
  vendorId: string | null;
  asnNumber: string | null;
  poNumber: string | null;
  notes: string | null;
  receivedBy: string;
}

export async function insertReceipt(tx: Queryable, r: NewReceipt): Promise<void> {
  await tx.query(
    `INSERT INTO receipts (id, warehouse_id, vendor_id, asn_number, po_number, notes, received_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [r.id, r.warehouseId, r.vendorId, r.asnNumber, r.poNumber, r.notes, r.receivedBy],
  );
}

export async function insertLine(tx: Queryable, l: { id: string; receiptId: string; itemId: string; quantity: number; bin: string | null; transactionId: string }): Promise<void> {
  await tx.query(
    `INSERT INTO receipt_lines (id, receipt_id, item_id, quantity, bin, transaction_id) VALUES ($1, $2, $3, $4, $5, $6)`,
    [l.id, l.receiptId, l.itemId, l.quantity, l.bin, l.transactionId],
  );
}
