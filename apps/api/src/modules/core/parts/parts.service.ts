import { v7 as uuidv7 } from 'uuid';
import type { PageInfo } from '../../../platform/db/paged-query.js';
import type { Ctx } from '../../../platform/db/unit-of-work.js';
import { readWarehouse } from '../../../platform/db/site-scope.js';
import { conflict, notFound, validation } from '../../../platform/http/errors.js';
import { insertRow, runWrites, uniqueViolation } from '../../../platform/db/write-batch.js';
import { audit, auditOrigin, auditWrites } from '../audit/audit.writer.js';
import { newStockWrites } from '../inventory/index.js';
import * as repo from './parts.repo.js';
import type { CreatePartInput, Part, PartChanges } from './parts.schema.js';

export async function listParts(ctx: Ctx, filter: repo.PartFilter): Promise<{ parts: Part[]; page: PageInfo }> {
  const { rows, page } = await repo.listParts(ctx.tx, { ...filter, warehouseId: readWarehouse(ctx.actor, filter.warehouseId) });
  return { parts: rows.map(repo.toPart), page };
}

/** The part's stock row the actor may see (another site's part is simply not found). */
export async function loadPart(ctx: Ctx, id: string, warehouseId?: string, forUpdate = false): Promise<repo.PartRow> {
  const row = await repo.findPart(ctx.tx, id, { warehouseId: readWarehouse(ctx.actor, warehouseId), preferred: ctx.actor.warehouseId }, forUpdate);
  if (!row) throw notFound('Part');
  return row;
}

export const getPart = async (ctx: Ctx, id: string, warehouseId?: string): Promise<Part> => repo.toPart(await loadPart(ctx, id, warehouseId));

async function assertVendor(ctx: Ctx, vendorId: string | null | undefined, warehouseId: string) {
  if (!vendorId) return null;
  const vendor = await repo.vendorInWarehouse(ctx.tx, vendorId, warehouseId);
  if (!vendor) throw validation('Unknown vendor', [{ field: 'vendorId', message: 'Vendor not found in this warehouse', code: 'INVALID_REFERENCE' }]);
  return vendor;
}

/** The item master needs a name; the CMMS spec only has a description, so fall back to it. */
const nameFor = (input: CreatePartInput) => input.name ?? (input.description?.split('\n')[0]?.slice(0, 200).trim() || input.partNumber);

/** numeric(12,2) as PostgreSQL rounds it (half away from zero), so the response and audit match the row. */
const toCents = (n: number) => Number(`${Math.round(Number(`${n}e2`))}e-2`);

/**
 * Creates the item and its stock in the acting warehouse; an opening balance is a ledger entry like
 * any other. The cheap audited create (decision 0010): every value is computed here, and the item,
 * its stock, ledger row, audit rows and events go to PostgreSQL as one statement inside the
 * request's RLS-scoped transaction. The unique index refuses a taken part number (no look-up first).
 */
export async function createPart(ctx: Ctx, input: CreatePartInput): Promise<Part> {
  const warehouseId = ctx.actor.warehouseId;
  const vendor = input.vendorId ? await assertVendor(ctx, input.vendorId, warehouseId) : null;
  const id = uuidv7();
  const at = new Date();
  const name = nameFor(input);
  const quantity = input.quantityOnHand ?? 0;
  const reorderPoint = input.reorderPoint ?? 0;
  const item = {
    id, part_number: input.partNumber, kind: input.kind, name, description: input.description ?? '', original_number: input.originalNumber ?? null,
    vendor_id: input.vendorId ?? null, model_compatibility: input.modelCompatibility ?? [], cost: toCents(input.cost ?? 0), created_by: ctx.actor.userId,
    created_at: at, updated_at: at,
  };
  const stock = newStockWrites(ctx, { itemId: id, warehouseId, partNumber: input.partNumber, name, reorderPoint, defaultBin: input.defaultBin ?? null, quantity, at });
  const part = (onHand: number): Part => repo.toPart({
    ...item, vendor_name: vendor?.name ?? null, quantity_on_hand: onHand, quantity_reserved: 0, reorder_point: reorderPoint, default_bin: input.defaultBin ?? null, warehouse_id: warehouseId,
  });
  try {
    await runWrites(ctx.tx, [
      insertRow('items', item),
      ...stock.writes,
      // As before: the CREATE row shows the part as created, the INBOUND row its opening balance.
      ...auditWrites(auditOrigin(ctx), { action: 'CREATE', tableName: 'items', recordId: id, warehouseId, after: part(0) }),
    ]);
  } catch (err) {
    if (uniqueViolation(err) === 'items_part_number_key') {
      throw conflict(`Part number ${input.partNumber} already exists`, [{ field: 'partNumber', message: 'Already in use', code: 'DUPLICATE' }]);
    }
    throw err;
  }
  await stock.afterWrite();
  return part(quantity);
}

export async function updatePart(ctx: Ctx, id: string, changes: PartChanges, warehouseId?: string): Promise<Part> {
  const before = await loadPart(ctx, id, warehouseId, true);
  await assertVendor(ctx, changes.vendorId, before.warehouse_id);
  await repo.updatePart(ctx.tx, id, before.warehouse_id, changes);
  const after = await getPart(ctx, id, before.warehouse_id);
  await audit(ctx, { action: 'UPDATE', tableName: 'items', recordId: id, warehouseId: before.warehouse_id, before: repo.toPart(before), after });
  return after;
}
