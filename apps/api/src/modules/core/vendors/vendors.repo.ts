import type { Queryable } from '../../../platform/db/database.js';
import { toIso } from '../../../platform/http/envelope.js';
import type { CreateVendorInput, Vendor, VendorChanges } from './vendors.schema.js';

interface Row {
  id: string;
  warehouse_id: string;
  name: string;
  type: Vendor['type'];
  email: string | null;
  phone: string | null;
  address: string | null;
  website: string | null;
  notes: string | null;
  contacts: Vendor['contacts'];
  active: boolean;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
  total?: number | string;
}

const COLUMNS = `v.id, v.warehouse_id, v.name, v.type, v.email, v.phone, v.address, v.website, v.notes, v.contacts, v.active, v.archived_at, v.created_at, v.updated_at`;

export const toVendor = (r: Row): Vendor => ({
  id: r.id,
  name: r.name,
  type: r.type,
  email: r.email,
  phone: r.phone,
  address: r.address,
  website: r.website,
  notes: r.notes,
  contacts: r.contacts ?? [],
  active: r.active,
  archivedAt: toIso(r.archived_at),
  warehouseId: r.warehouse_id,
  createdAt: toIso(r.created_at) ?? '',
  updatedAt: toIso(r.updated_at) ?? '',
});

export interface VendorFilter {
  warehouseId?: string;
  type?: Vendor['type'];
  active?: boolean;
  search?: string;
  page: number;
  limit: number;
}

export async function listVendors(tx: Queryable, f: VendorFilter): Promise<{ rows: Vendor[]; total: number }> {
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  const where: string[] = [];
  if (f.warehouseId) where.push(`v.warehouse_id = ${p(f.warehouseId)}`);
  if (f.type) where.push(`v.type = ${p(f.type)}`);
  if (f.active !== undefined) where.push(`v.active = ${p(f.active)}`);
  if (f.search) {
    const q = p(`%${f.search.replace(/[\\%_]/g, '\\$&')}%`);
    where.push(`(v.name ILIKE ${q} OR v.email ILIKE ${q} OR v.contacts::text ILIKE ${q})`);
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const { rows } = await tx.query<Row>(
    `SELECT ${COLUMNS}, count(*) OVER () AS total FROM vendors v ${whereSql} ORDER BY lower(v.name), v.id LIMIT ${p(f.limit)} OFFSET ${p((f.page - 1) * f.limit)}`,
    params,
  );
  if (rows[0]) return { rows: rows.map(toVendor), total: Number(rows[0].total) };
  const count = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM vendors v ${whereSql}`, params.slice(0, -2));
  return { rows: [], total: count.rows[0]?.n ?? 0 };
}

export async function findVendor(tx: Queryable, id: string, warehouseId: string | undefined, forUpdate = false): Promise<Vendor | undefined> {
  const { rows } = await tx.query<Row>(
    `SELECT ${COLUMNS} FROM vendors v WHERE v.id = $1 AND ($2::uuid IS NULL OR v.warehouse_id = $2) ${forUpdate ? 'FOR UPDATE' : ''}`,
    [id, warehouseId ?? null],
  );
  return rows[0] && toVendor(rows[0]);
}

export async function nameTaken(tx: Queryable, warehouseId: string, name: string, exceptId: string | null): Promise<boolean> {
  const { rows } = await tx.query(
    `SELECT 1 FROM vendors WHERE warehouse_id = $1 AND lower(name) = lower($2) AND ($3::uuid IS NULL OR id <> $3)`,
    [warehouseId, name, exceptId],
  );
  return rows.length > 0;
}

export async function insertVendor(tx: Queryable, id: string, warehouseId: string, v: CreateVendorInput): Promise<void> {
  const active = v.active ?? true;
  await tx.query(
    `INSERT INTO vendors (id, warehouse_id, name, type, email, phone, address, website, notes, contacts, active, archived_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, CASE WHEN $11 THEN NULL ELSE now() END)`,
    [id, warehouseId, v.name, v.type, v.email ?? null, v.phone ?? null, v.address ?? null, v.website ?? null, v.notes ?? null, JSON.stringify(v.contacts ?? []), active],
  );
}

const COLUMN_OF: Record<Exclude<keyof VendorChanges, 'active' | 'contacts'>, string> = {
  name: 'name', type: 'type', email: 'email', phone: 'phone', address: 'address', website: 'website', notes: 'notes',
};

/** Archiving is `active = false` with the time it happened; restoring clears it. */
export async function updateVendor(tx: Queryable, id: string, c: VendorChanges): Promise<void> {
  const params: unknown[] = [id];
  const set = Object.entries(COLUMN_OF)
    .filter(([key]) => c[key as keyof typeof COLUMN_OF] !== undefined)
    .map(([key, column]) => `${column} = $${params.push(c[key as keyof typeof COLUMN_OF])}`);
  if (c.contacts !== undefined) set.push(`contacts = $${params.push(JSON.stringify(c.contacts))}::jsonb`);
  if (c.active !== undefined) {
    const a = `$${params.push(c.active)}::boolean`;
    set.push(`active = ${a}`, `archived_at = CASE WHEN ${a} THEN NULL ELSE coalesce(archived_at, now()) END`);
  }
  await tx.query(`UPDATE vendors SET ${[...set, 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
}
