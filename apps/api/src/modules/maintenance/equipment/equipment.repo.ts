import type { Criticality, EquipmentStatus } from '@plantops/contracts';
import type { Queryable } from '../../../platform/db/database.js';
import { toIso } from '../../../platform/http/envelope.js';
import type { DowntimeSpan } from './equipment.fns.js';
import type { Downtime, Equipment, EquipmentChanges, EquipmentListQuery, StatusChange, TreeNode, WorkOrderBrief } from './equipment.schema.js';

interface Row {
  id: string;
  warehouse_id: string;
  asset_tag: string;
  name: string;
  model: string | null;
  manufacturer: string | null;
  serial_number: string | null;
  description: string;
  area: string | null;
  status: EquipmentStatus;
  criticality: Criticality;
  installation_date: string | null;
  warranty_expiry: string | null;
  parent_equipment_id: string | null;
  hierarchy_level: number;
  qr_code_url: string;
  created_at: Date;
  updated_at: Date;
  retired_at: Date | null;
  disposed_at: Date | null;
  children_count: number;
  total?: number;
}

// Dates come back as text so that no time zone shifts a calendar day.
const COLUMNS = `e.id, e.warehouse_id, e.asset_tag, e.name, e.model, e.manufacturer, e.serial_number, e.description, e.area,
  e.status, e.criticality, e.installation_date::text AS installation_date, e.warranty_expiry::text AS warranty_expiry,
  e.parent_equipment_id, e.hierarchy_level, e.qr_code_url, e.created_at, e.updated_at, e.retired_at, e.disposed_at,
  (SELECT count(*)::int FROM equipment c WHERE c.parent_equipment_id = e.id) AS children_count`;

const toEquipment = (r: Row): Equipment => ({
  id: r.id,
  assetTag: r.asset_tag,
  name: r.name,
  model: r.model,
  manufacturer: r.manufacturer,
  serialNumber: r.serial_number,
  description: r.description,
  area: r.area,
  status: r.status,
  criticality: r.criticality,
  installationDate: r.installation_date,
  warrantyExpiry: r.warranty_expiry,
  parentEquipmentId: r.parent_equipment_id,
  hierarchyLevel: r.hierarchy_level,
  qrCodeUrl: r.qr_code_url,
  warehouseId: r.warehouse_id,
  childrenCount: Number(r.children_count),
  createdAt: toIso(r.created_at) ?? '',
  updatedAt: toIso(r.updated_at) ?? '',
  retiredAt: toIso(r.retired_at),
  disposedAt: toIso(r.disposed_at),
});

export interface NewEquipment {
  id: string;
  warehouseId: string;
  assetTag: string;
  name: string;
  model: string | null;
  manufacturer: string | null;
  serialNumber: string | null;
  description: string;
  area: string | null;
  status: EquipmentStatus;
  criticality: Criticality;
  installationDate: string | null;
  warrantyExpiry: string | null;
  parentId: string | null;
  level: number;
  qrCodeUrl: string;
  createdBy: string;
}

export async function insertEquipment(tx: Queryable, e: NewEquipment): Promise<void> {
  await tx.query(
    `INSERT INTO equipment (id, warehouse_id, asset_tag, name, model, manufacturer, serial_number, description, area, status, criticality,
       installation_date, warranty_expiry, parent_equipment_id, hierarchy_level, qr_code_url, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    [e.id, e.warehouseId, e.assetTag, e.name, e.model, e.manufacturer, e.serialNumber, e.description, e.area, e.status, e.criticality,
      e.installationDate, e.warrantyExpiry, e.parentId, e.level, e.qrCodeUrl, e.createdBy],
  );
}

/** One machine of a site the actor may see (undefined warehouse: every visible site). */
export async function findEquipment(tx: Queryable, id: string, warehouseId: string | undefined, forUpdate = false): Promise<Equipment | undefined> {
  const { rows } = await tx.query<Row>(
    `SELECT ${COLUMNS} FROM equipment e WHERE e.id = $1 AND ($2::uuid IS NULL OR e.warehouse_id = $2) ${forUpdate ? 'FOR UPDATE OF e' : ''}`,
    [id, warehouseId ?? null],
  );
  return rows[0] && toEquipment(rows[0]);
}

export async function findByTag(tx: Queryable, assetTag: string, warehouseId: string | undefined): Promise<Equipment | undefined> {
  const { rows } = await tx.query<Row>(
    `SELECT ${COLUMNS} FROM equipment e WHERE lower(e.asset_tag) = lower($1) AND ($2::uuid IS NULL OR e.warehouse_id = $2)`,
    [assetTag, warehouseId ?? null],
  );
  return rows[0] && toEquipment(rows[0]);
}

/** Whether any equipment anywhere has this tag (the unique index is across sites). */
export async function tagTaken(tx: Queryable, assetTag: string, exceptId: string | null): Promise<boolean> {
  const { rows } = await tx.query<{ taken: boolean }>(`SELECT equipment_tag_taken($1, $2) AS taken`, [assetTag, exceptId]);
  return rows[0]?.taken === true;
}

const ORDER: Record<EquipmentListQuery['sort'], string> = {
  assetTag: 'e.asset_tag, e.id',
  name: 'lower(e.name), e.id',
  criticality: `CASE e.criticality WHEN 'CRITICAL' THEN 4 WHEN 'HIGH' THEN 3 WHEN 'MEDIUM' THEN 2 ELSE 1 END DESC, e.asset_tag, e.id`,
  updatedAt: 'e.updated_at DESC, e.id DESC',
};

export async function listEquipment(tx: Queryable, f: Omit<EquipmentListQuery, 'warehouseId'> & { warehouseId?: string; assignedTo?: string }): Promise<{ rows: Equipment[]; total: number }> {
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  const where: string[] = [];
  if (f.warehouseId) where.push(`e.warehouse_id = ${p(f.warehouseId)}`);
  if (f.status) where.push(`e.status = ${p(f.status)}`);
  if (f.criticality) where.push(`e.criticality = ${p(f.criticality)}`);
  if (f.area) where.push(`e.area = ${p(f.area)}`);
  if (f.model) where.push(`e.model = ${p(f.model)}`);
  if (f.parentId) where.push(`e.parent_equipment_id = ${p(f.parentId)}`);
  if (f.assignedTo) where.push(`EXISTS (SELECT 1 FROM work_orders w WHERE w.equipment_id = e.id AND ${p(f.assignedTo)} = ANY(w.assigned_to))`);
  if (f.search) where.push(`e.search_text LIKE ${p(`%${f.search.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`)}`);
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const { rows } = await tx.query<Row>(
    `SELECT ${COLUMNS}, count(*) OVER () AS total FROM equipment e ${whereSql} ORDER BY ${ORDER[f.sort]} LIMIT ${p(f.limit)} OFFSET ${p((f.page - 1) * f.limit)}`,
    params,
  );
  if (rows[0]) return { rows: rows.map(toEquipment), total: Number(rows[0].total) };
  const count = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM equipment e ${whereSql}`, params.slice(0, -2));
  return { rows: [], total: count.rows[0]?.n ?? 0 };
}

/** One level of the tree: the roots of the visible sites, or one machine's children. */
export async function treeLevel(tx: Queryable, f: { warehouseId?: string; parentId: string | null; limit: number; offset: number }): Promise<{ rows: TreeNode[]; total: number }> {
  const { rows } = await tx.query<{ id: string; asset_tag: string; name: string; status: EquipmentStatus; criticality: Criticality; hierarchy_level: number; children_count: number; total: number }>(
    `SELECT e.id, e.asset_tag, e.name, e.status, e.criticality, e.hierarchy_level,
            (SELECT count(*)::int FROM equipment c WHERE c.parent_equipment_id = e.id) AS children_count, count(*) OVER () AS total
       FROM equipment e
      WHERE ($1::uuid IS NULL OR e.warehouse_id = $1)
        AND (CASE WHEN $2::uuid IS NULL THEN e.parent_equipment_id IS NULL ELSE e.parent_equipment_id = $2 END)
      ORDER BY e.asset_tag, e.id LIMIT $3 OFFSET $4`,
    [f.warehouseId ?? null, f.parentId, f.limit, f.offset],
  );
  return {
    rows: rows.map((r) => ({ id: r.id, assetTag: r.asset_tag, name: r.name, status: r.status, criticality: r.criticality, hierarchyLevel: r.hierarchy_level, childrenCount: Number(r.children_count) })),
    total: rows[0] ? Number(rows[0].total) : 0,
  };
}

/** The chain above a machine, root first (bounded: a tree is never deeper than this). */
export async function ancestors(tx: Queryable, id: string): Promise<{ id: string; assetTag: string; name: string }[]> {
  const { rows } = await tx.query<{ id: string; asset_tag: string; name: string }>(
    `WITH RECURSIVE up AS (
       SELECT p.id, p.asset_tag, p.name, p.parent_equipment_id, 1 AS depth
         FROM equipment e JOIN equipment p ON p.id = e.parent_equipment_id WHERE e.id = $1
       UNION ALL
       SELECT p.id, p.asset_tag, p.name, p.parent_equipment_id, up.depth + 1
         FROM up JOIN equipment p ON p.id = up.parent_equipment_id WHERE up.depth < 100)
     SELECT id, asset_tag, name FROM up ORDER BY depth DESC`,
    [id],
  );
  return rows.map((r) => ({ id: r.id, assetTag: r.asset_tag, name: r.name }));
}

/** Re-parents a machine and sets the level of it and its whole subtree in one statement. */
export async function moveSubtree(tx: Queryable, id: string, parentId: string | null, level: number): Promise<number> {
  await tx.query(`UPDATE equipment SET parent_equipment_id = $2, updated_at = now() WHERE id = $1`, [id, parentId]);
  const r = await tx.query(
    `WITH RECURSIVE sub AS (
       SELECT id, 0 AS depth FROM equipment WHERE id = $1
       UNION ALL
       SELECT c.id, sub.depth + 1 FROM equipment c JOIN sub ON c.parent_equipment_id = sub.id WHERE sub.depth < 100)
     UPDATE equipment e SET hierarchy_level = $2 + sub.depth FROM sub WHERE e.id = sub.id`,
    [id, level],
  );
  return r.rowCount;
}

const COLUMN_OF: Record<keyof EquipmentChanges, string> = {
  assetTag: 'asset_tag', name: 'name', model: 'model', manufacturer: 'manufacturer', serialNumber: 'serial_number', description: 'description',
  area: 'area', criticality: 'criticality', installationDate: 'installation_date', warrantyExpiry: 'warranty_expiry',
};

export async function updateEquipment(tx: Queryable, id: string, c: EquipmentChanges & { qrCodeUrl?: string }): Promise<void> {
  const params: unknown[] = [id];
  const set = Object.entries(COLUMN_OF)
    .filter(([key]) => c[key as keyof EquipmentChanges] !== undefined)
    .map(([key, column]) => `${column} = $${params.push(c[key as keyof EquipmentChanges])}`);
  if (c.qrCodeUrl) set.push(`qr_code_url = $${params.push(c.qrCodeUrl)}`);
  await tx.query(`UPDATE equipment SET ${[...set, 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
}

export async function setStatus(tx: Queryable, id: string, status: EquipmentStatus): Promise<void> {
  await tx.query(
    `UPDATE equipment SET status = $2, updated_at = now(),
        retired_at = CASE WHEN $2 IN ('RETIRED', 'DISPOSED') THEN coalesce(retired_at, now()) ELSE NULL END,
        disposed_at = CASE WHEN $2 = 'DISPOSED' THEN now() ELSE NULL END
      WHERE id = $1`,
    [id, status],
  );
}

export async function insertStatusChange(
  tx: Queryable,
  c: { id: string; equipmentId: string; warehouseId: string; from: EquipmentStatus | null; to: EquipmentStatus; reason: string | null; workOrderId: string | null; by: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO equipment_status_history (id, equipment_id, warehouse_id, from_status, to_status, reason, work_order_id, changed_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [c.id, c.equipmentId, c.warehouseId, c.from, c.to, c.reason, c.workOrderId, c.by],
  );
}

export async function statusHistory(tx: Queryable, id: string, limit: number, offset: number): Promise<{ rows: StatusChange[]; total: number }> {
  const { rows } = await tx.query<{ id: string; from_status: EquipmentStatus | null; to_status: EquipmentStatus; reason: string | null; work_order_id: string | null; changed_by: string | null; who: string | null; changed_at: Date; total: number }>(
    `SELECT h.id, h.from_status, h.to_status, h.reason, h.work_order_id, h.changed_by, p.first_name || ' ' || p.last_name AS who, h.changed_at,
            count(*) OVER () AS total
       FROM equipment_status_history h LEFT JOIN profiles p ON p.id = h.changed_by
      WHERE h.equipment_id = $1 ORDER BY h.changed_at DESC, h.id DESC LIMIT $2 OFFSET $3`,
    [id, limit, offset],
  );
  return {
    rows: rows.map((r) => ({ id: r.id, fromStatus: r.from_status, toStatus: r.to_status, reason: r.reason, workOrderId: r.work_order_id, changedBy: r.changed_by, changedByName: r.who, changedAt: toIso(r.changed_at) ?? '' })),
    total: rows[0] ? Number(rows[0].total) : 0,
  };
}

interface DowntimeRow {
  id: string;
  equipment_id: string;
  started_at: Date;
  ended_at: Date | null;
  reason: string;
  planned: boolean;
  work_order_id: string | null;
  created_by: string | null;
  created_at: Date;
}

const toDowntime = (r: DowntimeRow): Downtime => ({
  id: r.id,
  equipmentId: r.equipment_id,
  startedAt: toIso(r.started_at) ?? '',
  endedAt: toIso(r.ended_at),
  durationHours: r.ended_at ? Math.round(((new Date(r.ended_at).getTime() - new Date(r.started_at).getTime()) / 3_600_000) * 100) / 100 : null,
  reason: r.reason,
  planned: r.planned,
  workOrderId: r.work_order_id,
  createdBy: r.created_by,
  createdAt: toIso(r.created_at) ?? '',
});

export async function insertDowntime(
  tx: Queryable,
  d: { id: string; equipmentId: string; warehouseId: string; startedAt: string; endedAt: string | null; reason: string; planned: boolean; workOrderId: string | null; by: string },
): Promise<Downtime> {
  const { rows } = await tx.query<DowntimeRow>(
    `INSERT INTO equipment_downtime (id, equipment_id, warehouse_id, started_at, ended_at, reason, planned, work_order_id, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
    [d.id, d.equipmentId, d.warehouseId, d.startedAt, d.endedAt, d.reason, d.planned, d.workOrderId, d.by],
  );
  return toDowntime(rows[0]!);
}

export async function findDowntime(tx: Queryable, equipmentId: string, id: string): Promise<Downtime | undefined> {
  const { rows } = await tx.query<DowntimeRow>(`SELECT * FROM equipment_downtime WHERE id = $1 AND equipment_id = $2 FOR UPDATE`, [id, equipmentId]);
  return rows[0] && toDowntime(rows[0]);
}

export async function endDowntime(tx: Queryable, id: string, endedAt: string): Promise<Downtime> {
  const { rows } = await tx.query<DowntimeRow>(`UPDATE equipment_downtime SET ended_at = $2 WHERE id = $1 RETURNING *`, [id, endedAt]);
  return toDowntime(rows[0]!);
}

export async function recentDowntime(tx: Queryable, equipmentId: string, limit = 20): Promise<Downtime[]> {
  const { rows } = await tx.query<DowntimeRow>(`SELECT * FROM equipment_downtime WHERE equipment_id = $1 ORDER BY started_at DESC LIMIT $2`, [equipmentId, limit]);
  return rows.map(toDowntime);
}

/** Downtime that overlaps the KPI window (bounded by it, so the scan stays small). */
export async function downtimeSince(tx: Queryable, equipmentId: string, since: Date): Promise<DowntimeSpan[]> {
  const { rows } = await tx.query<{ started_at: Date; ended_at: Date | null; planned: boolean }>(
    `SELECT started_at, ended_at, planned FROM equipment_downtime
      WHERE equipment_id = $1 AND (ended_at IS NULL OR ended_at > $2) ORDER BY started_at DESC LIMIT 1000`,
    [equipmentId, since],
  );
  return rows.map((r) => ({ startedAt: new Date(r.started_at), endedAt: r.ended_at ? new Date(r.ended_at) : null, planned: r.planned }));
}

// Work-order facts shown on an equipment page. Read through the work_orders table (migration
// 0015 keeps both maintenance tables in one schema); the work-orders module owns the writes.

const OPEN = `('NEW','ASSIGNED','IN_PROGRESS','ON_HOLD')`;

export async function openWorkOrders(tx: Queryable, equipmentId: string, limit = 20): Promise<WorkOrderBrief[]> {
  const { rows } = await tx.query<{ id: string; fo_number: string; title: string; type: WorkOrderBrief['type']; status: WorkOrderBrief['status']; priority: WorkOrderBrief['priority']; due_date: string | null; created_at: Date }>(
    `SELECT id, fo_number, title, type, status, priority, due_date::text AS due_date, created_at FROM work_orders
      WHERE equipment_id = $1 AND status IN ${OPEN} ORDER BY created_at DESC LIMIT $2`,
    [equipmentId, limit],
  );
  return rows.map((r) => ({ id: r.id, foNumber: r.fo_number, title: r.title, type: r.type, status: r.status, priority: r.priority, dueDate: r.due_date, createdAt: toIso(r.created_at) ?? '' }));
}

export async function openWorkOrderCount(tx: Queryable, equipmentId: string): Promise<number> {
  const { rows } = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM work_orders WHERE equipment_id = $1 AND status IN ${OPEN}`, [equipmentId]);
  return rows[0]?.n ?? 0;
}

export async function pmDates(tx: Queryable, equipmentId: string) {
  const last = await tx.query<{ id: string; fo_number: string; completed_at: Date }>(
    `SELECT id, fo_number, completed_at FROM work_orders WHERE equipment_id = $1 AND type = 'PM' AND completed_at IS NOT NULL
      ORDER BY completed_at DESC LIMIT 1`,
    [equipmentId],
  );
  const next = await tx.query<{ id: string; fo_number: string; due_date: string | null }>(
    `SELECT id, fo_number, due_date::text AS due_date FROM work_orders WHERE equipment_id = $1 AND type = 'PM' AND status IN ${OPEN}
      ORDER BY due_date NULLS LAST, created_at LIMIT 1`,
    [equipmentId],
  );
  const l = last.rows[0];
  const n = next.rows[0];
  return {
    lastPm: l ? { workOrderId: l.id, foNumber: l.fo_number, completedAt: toIso(l.completed_at) ?? '' } : null,
    nextPm: n ? { workOrderId: n.id, foNumber: n.fo_number, dueDate: n.due_date } : null,
  };
}

export async function equipmentForLabels(tx: Queryable, ids: string[], warehouseId: string | undefined) {
  const { rows } = await tx.query<{ id: string; asset_tag: string; name: string; model: string | null; area: string | null; qr_code_url: string }>(
    `SELECT id, asset_tag, name, model, area, qr_code_url FROM equipment WHERE id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR warehouse_id = $2) ORDER BY asset_tag`,
    [ids, warehouseId ?? null],
  );
  return rows;
}
