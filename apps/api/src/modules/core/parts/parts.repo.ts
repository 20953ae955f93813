import type { Queryable } from '../../../platform/db/database.js';
import { pagedQuery, type PageInfo } from '../../../platform/db/paged-query.js';
import type { SortKey } from '../../../platform/db/keyset.js';
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
}

// A part is an item with a stock row; vendors are site-scoped, so RLS may hide another site's vendor.
const SELECT_COLUMNS = `SELECT i.id, i.part_number, i.original_number, i.name, i.description, i.kind, i.vendor_id, v.name AS vendor_name,
    s.quantity_on_hand, s.quantity_reserved, s.reorder_point, i.model_compatibility, s.default_bin, s.warehouse_id,
    i.cost, i.created_at, greatest(i.updated_at, s.updated_at) AS updated_at`;
const FROM = `FROM stock s JOIN items i ON i.id = s.item_id LEFT JOIN vendors v ON v.id = i.vendor_id`;
const select = () => `${SELECT_COLUMNS} ${FROM}`;

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
  cursor?: string;
}

/** Each ordering ends in the stock row's id (unique), so keyset paging has a total order (decision 0011). */
const SORT_KEYS: Record<PartFilter['sortBy'], SortKey[]> = {
  partNumber: [{ expr: 'upper(i.part_number)', type: 'text' }, { expr: 's.id', type: 'uuid' }],
  quantityOnHand: [{ expr: 's.quantity_on_hand', type: 'int' }, { expr: 's.id', type: 'uuid' }],
  // stock.updated_at is kept at least the item's (migration 0013), so it is the part's updatedAt and indexed.
  updatedAt: [{ expr: 's.updated_at', type: 'timestamptz' }, { expr: 's.id', type: 'uuid' }],
};

export const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, '\\$&')}%`;

/** A page of parts: keyset after a cursor or by page number; the total exact only when cheap. */
export async function listParts(tx: Queryable, f: PartFilter): Promise<{ rows: PartRow[]; page: PageInfo }> {
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
  const itemFiltered = Boolean(f.search || f.vendorId || f.model || f.kind);
  return pagedQuery<PartRow>(
    tx,
    {
      select: SELECT_COLUMNS, from: FROM, where, params, sort: { name: f.sortBy, keys: SORT_KEYS[f.sortBy], dir: f.sortOrder },
      // Every stock row has its item (foreign key): without item filters the count needs stock alone.
      countFrom: itemFiltered ? undefined : 'FROM stock s',
    },
    { page: f.page, limit: f.limit, cursor: f.cursor },
  );
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
export async function vendorInWarehouse(tx: Queryable, vendorId: string, warehouseId: string | null): Promise<{ active: boolean; name: string } | undefined> {
  const { rows } = await tx.query<{ active: boolean; name: string }>(
    `SELECT active, name FROM vendors WHERE id = $1 AND ($2::uuid IS NULL OR warehouse_id = $2)`,
    [vendorId, warehouseId],
  );
  return rows[0];
}
