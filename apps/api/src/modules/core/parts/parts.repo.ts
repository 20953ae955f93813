import type { Queryable } from '../../../platform/db/database.js';
import { toIso } from '../../../platform/http/envelope.js';
import type { ItemKind, Part, PartChanges } from './parts.schema.js';

export interface PartRow {
  id: string;
  part_number: string;
  original_number: string | null;
  name: string;
  description: string;
  kind: ItemKind;
  vendor_id: string | null;
  vendor_name: string | null;
  quantity_on_hand: number;
  quantity_reserved: number;
  reorder_point: number;
  model_compatibility: string[];
  default_bin: string | null;
  warehouse_id: string;
  cost: string | number;
  created_at: Date;
  updated_at: Date;
  total?: number | string;
}

// A part is an item with a stock row; vendors are site-scoped, so RLS may hide another site's vendor.
const select = (extra = '') => `SELECT i.id, i.part_number, i.original_number, i.name, i.description, i.kind, i.vendor_id, v.name AS vendor_name,
    s.quantity_on_hand, s.quantity_reserved, s.reorder_point, i.model_compatibility, s.default_bin, s.warehouse_id,
    i.cost, i.created_at, greatest(i.updated_at, s.updated_at) AS updated_at${extra}
  FROM stock s JOIN items i ON i.id = s.item_id LEFT JOIN vendors v ON v.id = i.vendor_id`;

/** Mirrors stock-rules' nextStockState, from the current numbers (the stored state lags a reorder-point change). */
function stockState(onHand: number, reorderPoint: number): Part['stockState'] {
  if (onHand <= 0) return 'OUT';
  if (reorderPoint > 0 && onHand <= reorderPoint) return 'LOW';
  return 'OK';
}

export function toPart(r: PartRow): Part {
  return {
    id: r.id,
    partNumber: r.part_number,
    originalNumber: r.original_number,
    name: r.name,
    description: r.description,
    kind: r.kind,
    vendorId: r.vendor_id,
    vendor: r.vendor_id && r.vendor_name !== null ? { id: r.vendor_id, name: r.vendor_name } : null,
    quantityOnHand: r.quantity_on_hand,
    quantityReserved: r.quantity_reserved,
    quantityAvailable: r.quantity_on_hand - r.quantity_reserved,
    reorderPoint: r.reorder_point,
    stockState: stockState(r.quantity_on_hand, r.reorder_point),
    modelCompatibility: r.model_compatibility ?? [],
    defaultBin: r.default_bin,
    warehouseId: r.warehouse_id,
    cost: Number(r.cost),
    createdAt: toIso(r.created_at) ?? '',
    updatedAt: toIso(r.updated_at) ?? '',
  };
}

export interface PartFilter {
  warehouseId?: string;
  search?: string;
  vendorId?: string;
  model?: string;
  lowStock?: boolean;
  kind?: ItemKind;
  sortBy: 'partNumber' | 'quantityOnHand' | 'updatedAt';
  sortOrder: 'asc' | 'desc';
  page: number;
  limit: number;
}

const SORT: Record<PartFilter['sortBy'], string> = {
  partNumber: 'upper(i.part_number)',
  quantityOnHand: 's.quantity_on_hand',
  updatedAt: 'greatest(i.updated_at, s.updated_at)',
};

export const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, '\\$&')}%`;

export async function listParts(tx: Queryable, f: PartFilter): Promise<{ rows: PartRow[]; total: number }> {
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  const where: string[] = [];
  if (f.warehouseId) where.push(`s.warehouse_id = ${p(f.warehouseId)}`);
  if (f.search) {
    // The first term matches the items_trgm_idx expression.
    const q = p(likePattern(f.search));
    where.push(`((upper(i.part_number) || ' ' || lower(i.name)) ILIKE ${q} OR i.description ILIKE ${q} OR i.original_number ILIKE ${q})`);
  }
  if (f.vendorId) where.push(`i.vendor_id = ${p(f.vendorId)}`);
  if (f.model) where.push(`EXISTS (SELECT 1 FROM unnest(i.model_compatibility) m WHERE lower(m) = lower(${p(f.model)}))`);
  if (f.lowStock !== undefined) {
    const low = `(s.quantity_on_hand <= 0 OR s.quantity_on_hand <= s.reorder_point)`;
    where.push(f.lowStock ? low : `NOT ${low}`);
  }
  if (f.kind) where.push(`i.kind = ${p(f.kind)}`);
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const { rows } = await tx.query<PartRow>(
    `${select(', count(*) OVER () AS total')} ${whereSql}
      ORDER BY ${SORT[f.sortBy]} ${f.sortOrder === 'asc' ? 'ASC' : 'DESC'}, i.id, s.warehouse_id
      LIMIT ${p(f.limit)} OFFSET ${p((f.page - 1) * f.limit)}`,
    params,
  );
  if (rows[0]) return { rows, total: Number(rows[0].total) };
  const count = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM stock s JOIN items i ON i.id = s.item_id ${whereSql}`, params.slice(0, -2));
  return { rows, total: count.rows[0]?.n ?? 0 };
}

/**
 * One part's stock row: in `warehouseId` when given, otherwise the acting warehouse first and
 * (for actors working across sites) any other visible one after it.
 */
export async function findPart(tx: Queryable, id: string, scope: { warehouseId?: string; preferred: string }, forUpdate = false): Promise<PartRow | undefined> {
  const { rows } = await tx.query<PartRow>(
    `${select()} WHERE i.id = $1 AND ($2::uuid IS NULL OR s.warehouse_id = $2)
      ORDER BY (s.warehouse_id = $3) DESC, s.warehouse_id LIMIT 1 ${forUpdate ? 'FOR UPDATE OF s, i' : ''}`,
    [id, scope.warehouseId ?? null, scope.preferred],
  );
  return rows[0];
}

export async function partNumberTaken(tx: Queryable, partNumber: string): Promise<boolean> {
  const { rows } = await tx.query(`SELECT 1 FROM items WHERE upper(part_number) = upper($1)`, [partNumber]);
  return rows.length > 0;
}

export interface NewItem {
  id: string;
  partNumber: string;
  kind: ItemKind;
  name: string;
  description: string;
  originalNumber: string | null;
  vendorId: string | null;
  modelCompatibility: string[];
  cost: number;
  createdBy: string;
}

export async function insertItem(tx: Queryable, n: NewItem): Promise<void> {
  await tx.query(
    `INSERT INTO items (id, part_number, kind, name, description, original_number, vendor_id, model_compatibility, cost, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [n.id, n.partNumber, n.kind, n.name, n.description, n.originalNumber, n.vendorId, n.modelCompatibility, n.cost, n.createdBy],
  );
}

export async function insertStock(tx: Queryable, itemId: string, warehouseId: string, reorderPoint: number, defaultBin: string | null): Promise<void> {
  await tx.query(
    `INSERT INTO stock (item_id, warehouse_id, reorder_point, default_bin) VALUES ($1, $2, $3, $4)`,
    [itemId, warehouseId, reorderPoint, defaultBin],
  );
}

const ITEM_COLUMNS: Partial<Record<keyof PartChanges, string>> = {
  name: 'name',
  description: 'description',
  originalNumber: 'original_number',
  vendorId: 'vendor_id',
  modelCompatibility: 'model_compatibility',
  cost: 'cost',
};
const STOCK_COLUMNS: Partial<Record<keyof PartChanges, string>> = { reorderPoint: 'reorder_point', defaultBin: 'default_bin' };

/** Item master fields are shared by every site; reorder point and bin belong to this warehouse's stock. */
export async function updatePart(tx: Queryable, itemId: string, warehouseId: string, c: PartChanges): Promise<void> {
  const set = (columns: Partial<Record<keyof PartChanges, string>>, params: unknown[]) =>
    Object.entries(columns)
      .filter(([key]) => c[key as keyof PartChanges] !== undefined)
      .map(([key, column]) => `${column} = $${params.push(c[key as keyof PartChanges])}`);
  const itemParams: unknown[] = [itemId];
  const itemSet = set(ITEM_COLUMNS, itemParams);
  if (itemSet.length) await tx.query(`UPDATE items SET ${itemSet.join(', ')}, updated_at = now() WHERE id = $1`, itemParams);
  const stockParams: unknown[] = [itemId, warehouseId];
  const stockSet = set(STOCK_COLUMNS, stockParams);
  if (stockSet.length) await tx.query(`UPDATE stock SET ${stockSet.join(', ')}, updated_at = now() WHERE item_id = $1 AND warehouse_id = $2`, stockParams);
}

/** A receipt's bin becomes the part's default bin where it has none yet. */
export async function setDefaultBinIfMissing(tx: Queryable, itemId: string, warehouseId: string, bin: string): Promise<void> {
  await tx.query(`UPDATE stock SET default_bin = $3, updated_at = now() WHERE item_id = $1 AND warehouse_id = $2 AND default_bin IS NULL`, [itemId, warehouseId, bin]);
}

/** A vendor the actor may see (RLS) in the given site, for linking parts and receipts. */
export async function vendorInWarehouse(tx: Queryable, vendorId: string, warehouseId: string | null): Promise<{ active: boolean } | undefined> {
  const { rows } = await tx.query<{ active: boolean }>(
    `SELECT active FROM vendors WHERE id = $1 AND ($2::uuid IS NULL OR warehouse_id = $2)`,
    [vendorId, warehouseId],
  );
  return rows[0];
}
