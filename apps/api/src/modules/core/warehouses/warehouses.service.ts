import type { Warehouse } from '@plantops/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '../../../platform/db/database.js';
import type { Ctx } from '../../../platform/db/unit-of-work.js';
import { conflict, notFound } from '../../../platform/http/errors.js';
import { toIso } from '../../../platform/http/envelope.js';
import { audit } from '../audit/audit.writer.js';

interface Row {
  id: string;
  code: string;
  name: string;
  address: string | null;
  timezone: string;
  active: boolean;
  created_at: Date;
  updated_at: Date;
  total?: number;
}

const toWarehouse = (r: Row): Warehouse => ({
  id: r.id,
  code: r.code,
  name: r.name,
  address: r.address,
  timezone: r.timezone,
  active: r.active,
  createdAt: toIso(r.created_at) ?? '',
  updatedAt: toIso(r.updated_at) ?? '',
});

/** Whether a warehouse exists (and, with activeOnly, is not archived): for modules that reference one. */
export async function warehouseExists(q: Queryable, id: string, opts: { activeOnly?: boolean } = {}): Promise<boolean> {
  const { rows } = await q.query(`SELECT 1 FROM warehouses WHERE id = $1 AND ($2::boolean IS NOT TRUE OR active)`, [id, opts.activeOnly ?? false]);
  return rows.length > 0;
}

/** Row-level security decides which warehouses a caller sees: their own, or all for ADMIN/MANAGER. */
export async function listWarehouses(ctx: Ctx, page: number, limit: number, active?: boolean) {
  const { rows } = await ctx.tx.query<Row>(
    `SELECT *, count(*) OVER () AS total FROM warehouses WHERE ($1::boolean IS NULL OR active = $1)
      ORDER BY code LIMIT $2 OFFSET $3`,
    [active ?? null, limit, (page - 1) * limit],
  );
  return { warehouses: rows.map(toWarehouse), total: rows[0] ? Number(rows[0].total) : 0 };
}

async function find(tx: Queryable, id: string, forUpdate = false) {
  const { rows } = await tx.query<Row>(`SELECT * FROM warehouses WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [id]);
  if (!rows[0]) throw notFound('Warehouse');
  return rows[0];
}

export const getWarehouse = async (ctx: Ctx, id: string) => toWarehouse(await find(ctx.tx, id));

export interface WarehouseInput {
  code: string;
  name: string;
  address?: string | null;
  timezone?: string;
  active?: boolean;
}

async function assertCodeFree(tx: Queryable, code: string, exceptId?: string) {
  const { rows } = await tx.query(`SELECT 1 FROM warehouses WHERE code = $1 AND id IS DISTINCT FROM $2`, [code, exceptId ?? null]);
  if (rows.length) throw conflict('A warehouse with this code already exists', [{ field: 'code', message: 'Already in use', code: 'DUPLICATE' }]);
}

export async function createWarehouse(ctx: Ctx, input: WarehouseInput): Promise<Warehouse> {
  await assertCodeFree(ctx.tx, input.code);
  const { rows } = await ctx.tx.query<Row>(
    `INSERT INTO warehouses (id, code, name, address, timezone) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
    [uuidv7(), input.code, input.name, input.address ?? null, input.timezone ?? 'UTC'],
  );
  const created = toWarehouse(rows[0]!);
  await audit(ctx, { action: 'CREATE', tableName: 'warehouses', recordId: created.id, warehouseId: created.id, after: created });
  return created;
}

export async function updateWarehouse(ctx: Ctx, id: string, input: Partial<WarehouseInput>): Promise<Warehouse> {
  const before = await find(ctx.tx, id, true);
  if (input.code && input.code !== before.code) await assertCodeFree(ctx.tx, input.code, id);
  const { rows } = await ctx.tx.query<Row>(
    `UPDATE warehouses SET code = coalesce($2, code), name = coalesce($3, name),
       address = CASE WHEN $4 THEN $5 ELSE address END, timezone = coalesce($6, timezone),
       active = coalesce($7, active), updated_at = now() WHERE id = $1 RETURNING *`,
    [id, input.code ?? null, input.name ?? null, input.address !== undefined, input.address ?? null, input.timezone ?? null, input.active ?? null],
  );
  const after = toWarehouse(rows[0]!);
  await audit(ctx, { action: 'UPDATE', tableName: 'warehouses', recordId: id, warehouseId: id, before: toWarehouse(before), after });
  return after;
}
