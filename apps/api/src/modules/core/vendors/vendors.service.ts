import type { Permission } from '@plantops/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Actor, Ctx } from '../../../platform/db/unit-of-work.js';
import { readWarehouse } from '../../../platform/db/site-scope.js';
import { conflict, notFound } from '../../../platform/http/errors.js';
import { audit } from '../audit/audit.writer.js';
import * as repo from './vendors.repo.js';
import type { CreateVendorInput, Vendor, VendorChanges, VendorDetail } from './vendors.schema.js';
import { recordDocuments } from '../files/index.js';

const READ: readonly Permission[] = ['vendor:read', 'vendor:manage'];
export const mayReadVendors = (actor: Actor) => READ.some((p) => actor.permissions.includes(p));

export const listVendors = (ctx: Ctx, filter: repo.VendorFilter) =>
  repo.listVendors(ctx.tx, { ...filter, warehouseId: readWarehouse(ctx.actor, filter.warehouseId) });

/** A vendor of a site the actor may see; others are not found (RLS agrees). */
async function loadVendor(ctx: Ctx, id: string, forUpdate = false): Promise<Vendor> {
  const vendor = await repo.findVendor(ctx.tx, id, readWarehouse(ctx.actor), forUpdate);
  if (!vendor) throw notFound('Vendor');
  return vendor;
}

/** Whether the actor may see this vendor, and so its documents (the files module asks). */
export async function vendorVisible(ctx: Ctx, id: string): Promise<boolean> {
  return mayReadVendors(ctx.actor) && (await repo.findVendor(ctx.tx, id, readWarehouse(ctx.actor))) !== undefined;
}

export async function getVendor(ctx: Ctx, id: string): Promise<VendorDetail> {
  const vendor = await loadVendor(ctx, id);
  const documents = await recordDocuments(ctx.tx, 'vendor', id, 'vendor-documents');
  return { ...vendor, documents };
}

async function assertNameFree(ctx: Ctx, warehouseId: string, name: string, exceptId: string | null) {
  if (await repo.nameTaken(ctx.tx, warehouseId, name, exceptId)) {
    throw conflict(`A vendor named ${name} already exists in this warehouse`, [{ field: 'name', message: 'Already in use', code: 'DUPLICATE' }]);
  }
}

/** Vendors belong to the acting warehouse (CMMS spec: vendors carry warehouse_id). */
export async function createVendor(ctx: Ctx, input: CreateVendorInput): Promise<Vendor> {
  const warehouseId = ctx.actor.warehouseId;
  await assertNameFree(ctx, warehouseId, input.name, null);
  const id = uuidv7();
  await repo.insertVendor(ctx.tx, id, warehouseId, input);
  const vendor = (await repo.findVendor(ctx.tx, id, warehouseId))!;
  await audit(ctx, { action: 'CREATE', tableName: 'vendors', recordId: id, warehouseId, after: vendor });
  return vendor;
}

export async function updateVendor(ctx: Ctx, id: string, changes: VendorChanges, action = 'UPDATE'): Promise<Vendor> {
  const before = await loadVendor(ctx, id, true);
  if (changes.name && changes.name.toLowerCase() !== before.name.toLowerCase()) await assertNameFree(ctx, before.warehouseId, changes.name, id);
  await repo.updateVendor(ctx.tx, id, changes);
  const after = (await repo.findVendor(ctx.tx, id, before.warehouseId))!;
  await audit(ctx, { action, tableName: 'vendors', recordId: id, warehouseId: before.warehouseId, before, after });
  return after;
}

/** Vendors are never deleted (parts, receipts and the ledger refer to them): delete archives. */
export const archiveVendor = (ctx: Ctx, id: string) => updateVendor(ctx, id, { active: false }, 'ARCHIVE');
export const restoreVendor = (ctx: Ctx, id: string) => updateVendor(ctx, id, { active: true }, 'RESTORE');
