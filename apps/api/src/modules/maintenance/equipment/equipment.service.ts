import type { EquipmentStatus } from '@plantops/contracts';
import QRCode from 'qrcode';
import { v7 as uuidv7 } from 'uuid';
import { audit } from '../../core/audit/audit.writer.js';
import { recordDocuments } from '../../core/files/index.js';
import { readWarehouse } from '../../../platform/db/site-scope.js';
import type { Ctx } from '../../../platform/db/unit-of-work.js';
import { conflict, forbidden, notFound, validation, workflow } from '../../../platform/http/errors.js';
import { toLabelSheetPdf } from '../../../platform/exports/labels.js';
import { assetTagFromCode, canMoveTo, makesCycle, nextStatuses, qrContent, reliability } from './equipment.fns.js';
import * as policy from './equipment.policy.js';
import * as repo from './equipment.repo.js';
import type { CreateEquipmentInput, Downtime, Equipment, EquipmentChanges, EquipmentDetail, EquipmentListQuery } from './equipment.schema.js';

export interface EquipmentSettings {
  /** The web app's address, which printed QR codes point into. */
  publicUrl: string;
}

const KPI_WINDOW_DAYS = 90;

/** A machine the actor may see, or 404 (another site's, or not a contractor's, is not found). */
async function loadVisible(ctx: Ctx, id: string, forUpdate = false): Promise<Equipment> {
  const e = await repo.findEquipment(ctx.tx, id, readWarehouse(ctx.actor), forUpdate);
  if (!e || (policy.readsAssignedOnly(ctx.actor) && !(await assignedToActor(ctx, id)))) throw notFound('Equipment');
  return e;
}

const assignedToActor = async (ctx: Ctx, equipmentId: string) =>
  (await ctx.tx.query(`SELECT 1 FROM work_orders WHERE equipment_id = $1 AND $2 = ANY(assigned_to) LIMIT 1`, [equipmentId, ctx.actor.userId])).rows.length > 0;

/** Whether the actor may see this machine, and so its photos (the files module asks). */
export async function equipmentVisible(ctx: Ctx, id: string): Promise<boolean> {
  if (!policy.mayRead(ctx.actor)) return false;
  try {
    await loadVisible(ctx, id);
    return true;
  } catch {
    return false;
  }
}

export async function listEquipment(ctx: Ctx, q: EquipmentListQuery) {
  const warehouseId = readWarehouse(ctx.actor, q.warehouseId);
  if (policy.readsAssignedOnly(ctx.actor)) return repo.listEquipment(ctx.tx, { ...q, warehouseId, assignedTo: ctx.actor.userId });
  return repo.listEquipment(ctx.tx, { ...q, warehouseId });
}

export async function getEquipment(ctx: Ctx, id: string): Promise<EquipmentDetail> {
  const e = await loadVisible(ctx, id);
  const now = new Date();
  const [parentPath, openWorkOrders, pm, photos, files, downtime, spans] = [
    await repo.ancestors(ctx.tx, id),
    await repo.openWorkOrders(ctx.tx, id),
    await repo.pmDates(ctx.tx, id),
    await recordDocuments(ctx.tx, 'equipment', id, 'equipment-photos'),
    await recordDocuments(ctx.tx, 'equipment', id),
    await repo.recentDowntime(ctx.tx, id),
    await repo.downtimeSince(ctx.tx, id, new Date(now.getTime() - KPI_WINDOW_DAYS * 86_400_000)),
  ];
  const photoIds = new Set(photos.map((p) => p.id));
  return {
    ...e,
    parentPath,
    openWorkOrders,
    ...pm,
    photos,
    documents: files.filter((f) => !photoIds.has(f.id)),
    downtime,
    kpis: reliability(spans, now, KPI_WINDOW_DAYS),
    nextStatuses: [...nextStatuses(e.status)],
  };
}

/** QR lookup: a scanned code (our link) or a typed asset tag; 404 names the code. */
export async function lookup(ctx: Ctx, code: string): Promise<Equipment> {
  const tag = assetTagFromCode(code);
  const e = await repo.findByTag(ctx.tx, tag, readWarehouse(ctx.actor));
  if (!e || (policy.readsAssignedOnly(ctx.actor) && !(await assignedToActor(ctx, e.id)))) throw notFound(`Equipment with asset tag ${tag}`);
  return e;
}

async function assertTagFree(ctx: Ctx, tag: string, exceptId: string | null) {
  if (await repo.tagTaken(ctx.tx, tag, exceptId)) {
    throw conflict(`Asset tag ${tag} is already in use`, [{ field: 'assetTag', message: 'Already in use', code: 'DUPLICATE' }]);
  }
}

/** A parent must be a live machine of the same site. */
async function loadParent(ctx: Ctx, parentId: string, warehouseId: string): Promise<Equipment> {
  const parent = await repo.findEquipment(ctx.tx, parentId, warehouseId, true);
  if (!parent) throw validation('The parent equipment does not exist in this warehouse', [{ field: 'parentEquipmentId', message: 'Not found', code: 'INVALID_REFERENCE' }]);
  if (parent.status === 'DISPOSED') throw workflow('Gate PARENT_DISPOSED: equipment cannot be placed under disposed equipment');
  return parent;
}

export async function createEquipment(ctx: Ctx, settings: EquipmentSettings, input: CreateEquipmentInput): Promise<Equipment> {
  const warehouseId = ctx.actor.warehouseId;
  await assertTagFree(ctx, input.assetTag, null);
  const parent = input.parentEquipmentId ? await loadParent(ctx, input.parentEquipmentId, warehouseId) : null;
  const id = uuidv7();
  const status: EquipmentStatus = input.status ?? 'ACTIVE';
  await repo.insertEquipment(ctx.tx, {
    id, warehouseId, assetTag: input.assetTag, name: input.name ?? '', model: input.model ?? null, manufacturer: input.manufacturer ?? null,
    serialNumber: input.serialNumber ?? null, description: input.description ?? '', area: input.area ?? parent?.area ?? null, status,
    criticality: input.criticality ?? 'MEDIUM', installationDate: input.installationDate ?? null, warrantyExpiry: input.warrantyExpiry ?? null,
    parentId: parent?.id ?? null, level: parent ? parent.hierarchyLevel + 1 : 0, qrCodeUrl: qrContent(settings.publicUrl, input.assetTag), createdBy: ctx.actor.userId,
  });
  await repo.insertStatusChange(ctx.tx, { id: uuidv7(), equipmentId: id, warehouseId, from: null, to: status, reason: 'Created', workOrderId: null, by: ctx.actor.userId });
  const created = (await repo.findEquipment(ctx.tx, id, warehouseId))!;
  await audit(ctx, { action: 'CREATE', tableName: 'equipment', recordId: id, warehouseId, after: created });
  return created;
}

export async function updateEquipment(ctx: Ctx, settings: EquipmentSettings, id: string, changes: EquipmentChanges): Promise<Equipment> {
  const before = await loadVisible(ctx, id, true);
  if (before.status === 'DISPOSED') throw workflow('Gate EQUIPMENT_DISPOSED: disposed equipment can no longer be changed');
  const retag = changes.assetTag !== undefined && changes.assetTag.toLowerCase() !== before.assetTag.toLowerCase();
  if (retag) await assertTagFree(ctx, changes.assetTag!, id);
  await repo.updateEquipment(ctx.tx, id, { ...changes, ...(changes.assetTag !== undefined ? { qrCodeUrl: qrContent(settings.publicUrl, changes.assetTag) } : {}) });
  const after = (await repo.findEquipment(ctx.tx, id, before.warehouseId))!;
  await audit(ctx, { action: 'UPDATE', tableName: 'equipment', recordId: id, warehouseId: before.warehouseId, before, after });
  return after;
}

export async function changeStatus(
  ctx: Ctx,
  id: string,
  to: EquipmentStatus,
  opts: { reason?: string; workOrderId?: string; action?: string },
): Promise<Equipment> {
  policy.assertMaySetStatus(ctx.actor, to);
  const before = await loadVisible(ctx, id, true);
  if (before.status === to) throw workflow(`Gate SAME_STATUS: the equipment is already ${to}`);
  if (!canMoveTo(before.status, to)) {
    throw workflow(`Gate EQUIPMENT_STATUS_FLOW: ${before.status} cannot change to ${to} (allowed: ${nextStatuses(before.status).join(', ') || 'none'})`);
  }
  if ((to === 'RETIRED' || to === 'DISPOSED') && !opts.reason) {
    throw validation(`Say why the equipment is ${to.toLowerCase()}`, [{ field: 'reason', message: 'Required', code: 'REQUIRED_FIELD' }]);
  }
  if (to === 'RETIRED' || to === 'DISPOSED') {
    const open = await repo.openWorkOrderCount(ctx.tx, id);
    if (open > 0) throw workflow(`Gate OPEN_WORK_ORDERS: ${open} open work order(s) still name this equipment; finish or cancel them first`);
  }
  await repo.setStatus(ctx.tx, id, to);
  await repo.insertStatusChange(ctx.tx, { id: uuidv7(), equipmentId: id, warehouseId: before.warehouseId, from: before.status, to, reason: opts.reason ?? null, workOrderId: opts.workOrderId ?? null, by: ctx.actor.userId });
  const after = (await repo.findEquipment(ctx.tx, id, before.warehouseId))!;
  await audit(ctx, { action: opts.action ?? 'STATUS_CHANGE', tableName: 'equipment', recordId: id, warehouseId: before.warehouseId, before: { status: before.status }, after: { status: to }, description: opts.reason });
  return after;
}

export const statusHistory = async (ctx: Ctx, id: string, page: number, limit: number) => {
  await loadVisible(ctx, id);
  return repo.statusHistory(ctx.tx, id, limit, (page - 1) * limit);
};

export async function tree(ctx: Ctx, q: { parentId?: string; page: number; limit: number; warehouseId?: string }) {
  const warehouseId = readWarehouse(ctx.actor, q.warehouseId);
  if (q.parentId) await loadVisible(ctx, q.parentId);
  return repo.treeLevel(ctx.tx, { warehouseId, parentId: q.parentId ?? null, limit: q.limit, offset: (q.page - 1) * q.limit });
}

/**
 * Re-parents a machine with its subtree: the new parent must be of the same site and not the
 * machine itself or below it (a cycle); every level in the subtree follows.
 */
export async function move(ctx: Ctx, id: string, parentId: string | null): Promise<{ equipment: Equipment; movedCount: number }> {
  const before = await loadVisible(ctx, id, true);
  if (before.status === 'DISPOSED') throw workflow('Gate EQUIPMENT_DISPOSED: disposed equipment can no longer be moved');
  let level = 0;
  if (parentId !== null) {
    if (parentId === id) throw workflow('Gate HIERARCHY_CYCLE: equipment cannot be its own parent');
    const parent = await loadParent(ctx, parentId, before.warehouseId);
    const chain = (await repo.ancestors(ctx.tx, parent.id)).map((a) => a.id);
    if (makesCycle(id, parentId, chain)) {
      throw workflow(`Gate HIERARCHY_CYCLE: ${parent.assetTag} is below ${before.assetTag}; moving there would make a cycle`);
    }
    level = parent.hierarchyLevel + 1;
  }
  const movedCount = await repo.moveSubtree(ctx.tx, id, parentId, level);
  const after = (await repo.findEquipment(ctx.tx, id, before.warehouseId))!;
  await audit(ctx, {
    action: 'MOVE', tableName: 'equipment', recordId: id, warehouseId: before.warehouseId,
    before: { parentEquipmentId: before.parentEquipmentId, hierarchyLevel: before.hierarchyLevel }, after: { parentEquipmentId: parentId, hierarchyLevel: level, movedCount },
  });
  return { equipment: after, movedCount };
}

export async function addDowntime(
  ctx: Ctx,
  id: string,
  input: { startedAt: string; endedAt?: string | null; reason: string; planned: boolean; workOrderId?: string | null },
): Promise<Downtime> {
  if (!policy.mayManage(ctx.actor) && !ctx.actor.permissions.includes('equipment:status')) throw forbidden('Gate DOWNTIME_ROLE: you may not record downtime');
  const e = await loadVisible(ctx, id, true);
  const endedAt = input.endedAt ?? null;
  if (endedAt && new Date(endedAt) <= new Date(input.startedAt)) {
    throw validation('Downtime must end after it starts', [{ field: 'endedAt', message: 'Must be after startedAt', code: 'INVALID_RANGE' }]);
  }
  if (new Date(input.startedAt).getTime() > Date.now() + 60_000) throw validation('Downtime cannot start in the future', [{ field: 'startedAt', message: 'In the future', code: 'INVALID_VALUE' }]);
  if (input.workOrderId) {
    const wo = await ctx.tx.query(`SELECT 1 FROM work_orders WHERE id = $1 AND equipment_id = $2`, [input.workOrderId, id]);
    if (!wo.rows[0]) throw validation('The work order does not name this equipment', [{ field: 'workOrderId', message: 'Not a work order of this equipment', code: 'INVALID_REFERENCE' }]);
  }
  if (!endedAt) {
    const open = await ctx.tx.query(`SELECT 1 FROM equipment_downtime WHERE equipment_id = $1 AND ended_at IS NULL`, [id]);
    if (open.rows[0]) throw conflict('Gate DOWNTIME_OPEN: this equipment already has open downtime; end it first');
  }
  const d = await repo.insertDowntime(ctx.tx, { id: uuidv7(), equipmentId: id, warehouseId: e.warehouseId, startedAt: input.startedAt, endedAt, reason: input.reason, planned: input.planned, workOrderId: input.workOrderId ?? null, by: ctx.actor.userId });
  await audit(ctx, { action: 'DOWNTIME', tableName: 'equipment_downtime', recordId: d.id, warehouseId: e.warehouseId, after: d });
  return d;
}

export async function endDowntime(ctx: Ctx, id: string, downtimeId: string, endedAt: string): Promise<Downtime> {
  if (!policy.mayManage(ctx.actor) && !ctx.actor.permissions.includes('equipment:status')) throw forbidden('Gate DOWNTIME_ROLE: you may not record downtime');
  const e = await loadVisible(ctx, id);
  const d = await repo.findDowntime(ctx.tx, id, downtimeId);
  if (!d) throw notFound('Downtime');
  if (d.endedAt) throw conflict('Gate DOWNTIME_ENDED: this downtime has already ended');
  if (new Date(endedAt) <= new Date(d.startedAt)) throw validation('Downtime must end after it starts', [{ field: 'endedAt', message: 'Must be after startedAt', code: 'INVALID_RANGE' }]);
  const after = await repo.endDowntime(ctx.tx, downtimeId, endedAt);
  await audit(ctx, { action: 'DOWNTIME_END', tableName: 'equipment_downtime', recordId: d.id, warehouseId: e.warehouseId, before: d, after });
  return after;
}

export async function qrImage(ctx: Ctx, id: string, format: 'png' | 'svg', size: number): Promise<{ body: Buffer | string; assetTag: string }> {
  const e = await loadVisible(ctx, id);
  const options = { errorCorrectionLevel: 'M' as const, margin: 2, width: size };
  const body = format === 'svg' ? await QRCode.toString(e.qrCodeUrl, { ...options, type: 'svg' }) : await QRCode.toBuffer(e.qrCodeUrl, { ...options, type: 'png' });
  return { body, assetTag: e.assetTag };
}

/** A PDF sheet of labels for the chosen machines; every id must be one the actor may see. */
export async function labelSheet(ctx: Ctx, ids: string[]): Promise<Buffer> {
  const rows = await repo.equipmentForLabels(ctx.tx, ids, readWarehouse(ctx.actor));
  if (rows.length !== ids.length) {
    const found = new Set(rows.map((r) => r.id));
    const missing = ids.filter((i) => !found.has(i));
    throw validation(`${missing.length} of the chosen equipment could not be found`, missing.slice(0, 20).map((m) => ({ field: 'ids', message: `${m} not found`, code: 'INVALID_REFERENCE' })));
  }
  if (policy.readsAssignedOnly(ctx.actor)) {
    for (const r of rows) if (!(await assignedToActor(ctx, r.id))) throw notFound('Equipment');
  }
  return toLabelSheetPdf('Equipment labels', rows.map((r) => ({ qr: r.qr_code_url, title: r.asset_tag, lines: [r.name, [r.model, r.area].filter(Boolean).join(' - ')] })));
}
