import { v7 as uuidv7 } from 'uuid';
import type { Ctx } from '../../../platform/db/unit-of-work.js';
import { readWarehouse } from '../../../platform/db/site-scope.js';
import { conflict, notFound, validation } from '../../../platform/http/errors.js';
import { audit } from '../audit/audit.writer.js';
import { moveStock } from '../inventory/index.js';
import * as repo from './parts.repo.js';
import type { CreatePartInput, Part, PartChanges } from './parts.schema.js';

export async function listParts(ctx: Ctx, filter: repo.PartFilter): Promise<{ parts: Part[]; total: number }> {
  const { rows, total } = await repo.listParts(ctx.tx, { ...filter, warehouseId: readWarehouse(ctx.actor, filter.warehouseId) });
  return { parts: rows.map(repo.toPart), total };
}

/** The part's stock row the actor may see (another site's part is simply not found). */
export async function loadPart(ctx: Ctx, id: string, warehouseId?: string, forUpdate = false): Promise<repo.PartRow> {
  const row = await repo.findPart(ctx.tx, id, { warehouseId: readWarehouse(ctx.actor, warehouseId), preferred: ctx.actor.warehouseId }, forUpdate);
  if (!row) throw notFound('Part');
  return row;
}

export const getPart = async (ctx: Ctx, id: string, warehouseId?: string): Promise<Part> => repo.toPart(await loadPart(ctx, id, warehouseId));

async function assertVendor(ctx: Ctx, vendorId: string | null | undefined, warehouseId: string) {
  if (!vendorId) return;
  if (!(await repo.vendorInWarehouse(ctx.tx, vendorId, warehouseId))) {
    throw validation('Unknown vendor', [{ field: 'vendorId', message: 'Vendor not found in this warehouse', code: 'INVALID_REFERENCE' }]);
  }
}

/** The item master needs a name; the CMMS spec only has a description, so fall back to it. */
const nameFor = (input: CreatePartInput) => input.name ?? (input.description?.split('\n')[0]?.slice(0, 200).trim() || input.partNumber);

/** Creates the item and its stock in the acting warehouse; an opening balance is a ledger entry like any other. */
export async function createPart(ctx: Ctx, input: CreatePartInput): Promise<Part> {
  const warehouseId = ctx.actor.warehouseId;
  if (await repo.partNumberTaken(ctx.tx, input.partNumber)) {
    throw conflict(`Part number ${input.partNumber} already exists`, [{ field: 'partNumber', message: 'Already in use', code: 'DUPLICATE' }]);
  }
  await assertVendor(ctx, input.vendorId, warehouseId);
  const id = uuidv7();
  await repo.insertItem(ctx.tx, {
    id,
    partNumber: input.partNumber,
    kind: input.kind,
    name: nameFor(input),
    description: input.description ?? '',
    originalNumber: input.originalNumber ?? null,
    vendorId: input.vendorId ?? null,
    modelCompatibility: input.modelCompatibility ?? [],
    cost: input.cost ?? 0,
    createdBy: ctx.actor.userId,
  });
  await repo.insertStock(ctx.tx, id, warehouseId, input.reorderPoint ?? 0, input.defaultBin ?? null);
  const created = repo.toPart((await repo.findPart(ctx.tx, id, { warehouseId, preferred: warehouseId }))!);
  await audit(ctx, { action: 'CREATE', tableName: 'items', recordId: id, warehouseId, after: created });
  if (input.quantityOnHand) {
    await moveStock(ctx, { itemId: id, warehouseId, type: 'INBOUND', quantity: input.quantityOnHand, reason: 'Initial stock' });
  }
  return getPart(ctx, id, warehouseId);
}

export async function updatePart(ctx: Ctx, id: string, changes: PartChanges, warehouseId?: string): Promise<Part> {
  const before = await loadPart(ctx, id, warehouseId, true);
  await assertVendor(ctx, changes.vendorId, before.warehouse_id);
  await repo.updatePart(ctx.tx, id, before.warehouse_id, changes);
  const after = await getPart(ctx, id, before.warehouse_id);
  await audit(ctx, { action: 'UPDATE', tableName: 'items', recordId: id, warehouseId: before.warehouse_id, before: repo.toPart(before), after });
  return after;
}
