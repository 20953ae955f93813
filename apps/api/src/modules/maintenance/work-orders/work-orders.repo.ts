import { WO_OPEN_STATUSES, type EquipmentStatus, type WoPriority, type WoStatus, type WoType } from '@plantops/contracts';
import { createHash } from 'node:crypto';
import { prepared, type Queryable } from '../../../platform/db/database.js';
import { insertRow, type SqlWrite } from '../../../platform/db/write-batch.js';
import { toIso } from '../../../platform/http/envelope.js';
import type { WoSort, WorkOrder, WorkOrderChanges } from './work-orders.schema.js';

// Work orders, their assignees and the site's yearly number sequence.

export interface WoRow {
  id: string;
  warehouse_id: string;
  fo_number: string;
  type: WoType;
  title: string;
  description: string;
  area: string | null;
  asset_model: string | null;
  equipment_id: string | null;
  eq_tag: string | null;
  eq_name: string | null;
  eq_status: EquipmentStatus | null;
  status: WoStatus;
  priority: WoPriority;
  requested_by: string;
  requester: { id: string; name: string; role: string } | null;
  assigned_to: string[];
  assignees: { id: string; name: string; role: string }[] | null;
  due_date: string | null;
  overdue: boolean;
  started_at: Date | null;
  completed_at: Date | null;
  verified_by: string | null;
  verified_at: Date | null;
  closed_at: Date | null;
  on_hold_reason: string | null;
  resume_status: WoStatus | null;
  cancel_reason: string | null;
  escalated: boolean;
  escalation_level: number;
  follow_up: boolean;
  parent_work_order_id: string | null;
  created_at: Date;
  last_updated: Date;
  cursor?: string[];
}

const OPEN = `('NEW','ASSIGNED','IN_PROGRESS','ON_HOLD')`;

/** A work order's own columns with its equipment, requester and assignees (alias w). */
export const SELECT = `SELECT w.id, w.warehouse_id, w.fo_number, w.type, w.title, w.description, w.area, w.asset_model, w.equipment_id,
    e.asset_tag AS eq_tag, e.name AS eq_name, e.status AS eq_status, w.status, w.priority, w.requested_by,
    (SELECT json_build_object('id', p.id, 'name', p.first_name || ' ' || p.last_name, 'role', p.role) FROM profiles p WHERE p.id = w.requested_by) AS requester,
    w.assigned_to,
    (SELECT json_agg(json_build_object('id', p.id, 'name', p.first_name || ' ' || p.last_name, 'role', p.role) ORDER BY p.first_name, p.id)
       FROM profiles p WHERE p.id = ANY(w.assigned_to)) AS assignees,
    w.due_date::text AS due_date, (w.due_date < current_date AND w.status IN ${OPEN}) AS overdue,
    w.started_at, w.completed_at, w.verified_by, w.verified_at, w.closed_at, w.on_hold_reason, w.resume_status, w.cancel_reason,
    w.escalated, w.escalation_level, w.follow_up, w.parent_work_order_id, w.created_at, w.last_updated
  FROM work_orders w LEFT JOIN equipment e ON e.id = w.equipment_id`;

export interface WoRecord extends WorkOrder {
  assignedTo: string[];
  requestedById: string;
  resumeStatus: WoStatus | null;
}

export const toWorkOrder = (r: WoRow): WoRecord => ({
  id: r.id,
  foNumber: r.fo_number,
  type: r.type,
  title: r.title,
  description: r.description,
  area: r.area,
  assetModel: r.asset_model,
  equipment: r.equipment_id && r.eq_tag ? { id: r.equipment_id, assetTag: r.eq_tag, name: r.eq_name ?? '', status: r.eq_status! } : null,
  status: r.status,
  priority: r.priority,
  requestedBy: r.requester ?? { id: r.requested_by, name: '', role: '' },
  assignees: r.assignees ?? r.assigned_to.map((id) => ({ id, name: '', role: '' })),
  dueDate: r.due_date,
  overdue: r.overdue === true,
  startedAt: toIso(r.started_at),
  completedAt: toIso(r.completed_at),
  verifiedBy: r.verified_by,
  verifiedAt: toIso(r.verified_at),
  closedAt: toIso(r.closed_at),
  onHoldReason: r.on_hold_reason,
  cancelReason: r.cancel_reason,
  escalated: r.escalated,
  escalationLevel: r.escalation_level,
  followUp: r.follow_up,
  parentWorkOrderId: r.parent_work_order_id,
  warehouseId: r.warehouse_id,
  createdAt: toIso(r.created_at) ?? '',
  lastUpdated: toIso(r.last_updated) ?? '',
  assignedTo: r.assigned_to,
  requestedById: r.requested_by,
  resumeStatus: r.resume_status,
});

/** What a create needs from the database before it writes, read in one statement. */
export interface CreationFacts {
  warehouseCode: string;
  /** The site's next yearly number (migration 0024: a sequence, nothing locked until COMMIT). */
  seq: number;
  /** The transaction's timestamp: the work order's created_at and last_updated. */
  now: Date;
  /** The database's current_date (what `overdue` compares with). */
  today: string;
  requester: { id: string; name: string; role: string } | null;
}

const CREATION_FACTS = prepared(
  'wo_creation_facts',
  `SELECT w.code, app_next_wo_number(w.id, $2) AS seq, now() AS now, current_date::text AS today,
      (SELECT json_build_object('id', p.id, 'name', p.first_name || ' ' || p.last_name, 'role', p.role) FROM profiles p WHERE p.id = $3) AS requester
     FROM warehouses w WHERE w.id = $1`,
);

export async function creationFacts(tx: Queryable, warehouseId: string, year: number, requesterId: string): Promise<CreationFacts | undefined> {
  const { rows } = await tx.query<{ code: string; seq: number; now: Date; today: string; requester: CreationFacts['requester'] }>(CREATION_FACTS, [warehouseId, year, requesterId]);
  const r = rows[0];
  return r && { warehouseCode: r.code, seq: Number(r.seq), now: r.now, today: r.today, requester: r.requester };
}

export interface NewWorkOrder {
  id: string;
  warehouseId: string;
  foNumber: string;
  type: WoType;
  title: string;
  description: string;
  area: string | null;
  assetModel: string | null;
  equipmentId: string | null;
  status: WoStatus;
  priority: WoPriority;
  requestedBy: string;
  dueDate: string | null;
  followUp: boolean;
  parentId: string | null;
  /** In assigned_at order (all assigned at once: by id, as setAssignees orders them). */
  assignedTo: string[];
  at: Date;
}

/** The work order's row as a write, to run with its audit row and event in one statement (runWrites). */
export const workOrderWrite = (w: NewWorkOrder): SqlWrite =>
  insertRow('work_orders', {
    id: w.id, warehouse_id: w.warehouseId, fo_number: w.foNumber, type: w.type, title: w.title, description: w.description, area: w.area,
    asset_model: w.assetModel, equipment_id: w.equipmentId, status: w.status, priority: w.priority, requested_by: w.requestedBy,
    assigned_to: w.assignedTo, due_date: w.dueDate, follow_up: w.followUp, parent_work_order_id: w.parentId, created_at: w.at, last_updated: w.at,
  }, { casts: { assigned_to: 'uuid[]' } });

/**
 * The first assignees of a new work order (its assigned_to is written with the row). A statement
 * of its own: wo_assignees' policy and key-copying trigger read the work order, which a write in
 * the same statement would not see yet.
 */
export async function insertFirstAssignees(tx: Queryable, woId: string, warehouseId: string, userIds: string[], by: string): Promise<void> {
  await tx.query(
    `INSERT INTO wo_assignees (work_order_id, user_id, warehouse_id, assigned_by)
     SELECT $1, u, $2, $3 FROM unnest($4::uuid[]) AS u`,
    [woId, warehouseId, by, userIds],
  );
}

export async function findWorkOrder(tx: Queryable, id: string, warehouseId: string | undefined, forUpdate = false): Promise<WoRecord | undefined> {
  if (forUpdate) {
    // Lock first (plain row, no joins), then read the shaped row.
    const locked = await tx.query(`SELECT id FROM work_orders WHERE id = $1 AND ($2::uuid IS NULL OR warehouse_id = $2) FOR UPDATE`, [id, warehouseId ?? null]);
    if (!locked.rows[0]) return undefined;
  }
  const { rows } = await tx.query<WoRow>(`${SELECT} WHERE w.id = $1 AND ($2::uuid IS NULL OR w.warehouse_id = $2)`, [id, warehouseId ?? null]);
  return rows[0] && toWorkOrder(rows[0]);
}

/** How a list may see: everything of the site, or only work assigned to or requested by a user. */
export type Reach = { kind: 'site' } | { kind: 'assigned'; userId: string } | { kind: 'own'; userId: string };

export interface WoListFilter {
  warehouseId?: string;
  reach: Reach;
  status?: WoStatus[];
  type?: WoType[];
  priority?: WoPriority[];
  assignee?: string | 'none';
  requestedBy?: string;
  equipmentId?: string;
  area?: string;
  dueBefore?: string;
  overdue?: boolean;
  escalated?: boolean;
  search?: string;
  sort: WoSort;
  descending: boolean;
  after: string[] | null;
  limit: number;
}

/** Each sort's keyset: expressions (all in one direction) and how a cursor value is cast back. */
export const SORT_KEYS: Record<WoSort, { expr: string; cast: string }[]> = {
  createdAt: [{ expr: 'w.created_at', cast: 'timestamptz' }, { expr: 'w.id', cast: 'uuid' }],
  updatedAt: [{ expr: 'w.last_updated', cast: 'timestamptz' }, { expr: 'w.id', cast: 'uuid' }],
  dueDate: [{ expr: `coalesce(w.due_date, '9999-12-31'::date)`, cast: 'date' }, { expr: 'w.id', cast: 'uuid' }],
  priority: [{ expr: 'w.priority_rank', cast: 'smallint' }, { expr: 'w.created_at', cast: 'timestamptz' }, { expr: 'w.id', cast: 'uuid' }],
};

/**
 * One person's work walked in list order on wo_assignees' copies of the sort keys (migration 0020,
 * decision 0017): newest first over everything, by priority or due date over open work only (the
 * indexes for those hold open work only). Same values as SORT_KEYS, so cursors are interchangeable.
 */
export const ASSIGNEE_KEYS: Record<WoSort, { expr: string; cast: string }[] | null> = {
  createdAt: [{ expr: 'a.wo_created_at', cast: 'timestamptz' }, { expr: 'a.work_order_id', cast: 'uuid' }],
  updatedAt: null, // last_updated changes with every action: not copied, not indexed
  dueDate: [{ expr: `coalesce(a.wo_due_date, '9999-12-31'::date)`, cast: 'date' }, { expr: 'a.work_order_id', cast: 'uuid' }],
  priority: [{ expr: 'a.wo_priority_rank', cast: 'smallint' }, { expr: 'a.wo_created_at', cast: 'timestamptz' }, { expr: 'a.work_order_id', cast: 'uuid' }],
};

/** Whether a list asks for open work only (then the open-work indexes of wo_assignees apply). */
export const onlyOpen = (f: Pick<WoListFilter, 'status' | 'overdue'>) => f.overdue === true || Boolean(f.status?.every((s) => WO_OPEN_STATUSES.includes(s)));

/** Which way a list by assignee reads: walking the person's assignment rows in order, or not. */
export function assigneeWalk(f: Pick<WoListFilter, 'assignee' | 'sort' | 'status' | 'overdue'>): { keys: { expr: string; cast: string }[]; open: boolean } | null {
  const keys = ASSIGNEE_KEYS[f.sort];
  if (!f.assignee || f.assignee === 'none' || !keys) return null;
  const open = onlyOpen(f);
  return f.sort === 'createdAt' || open ? { keys, open } : null;
}

/**
 * An enum filter (status, type, priority: validated against their lists before they get here) as
 * a literal, sorted. With these and the page size in its text, a list statement is prepared once
 * per connection and filter shape (decision 0017, "The supervisor's lists"): planning it on every
 * request cost more than running it, while the values that decide its plan (how rare a status is)
 * stay visible to the planner, so a cached plan is never one made for other statuses. Ids, dates,
 * text and cursors stay parameters.
 */
function isAny(column: string, values: readonly string[]): string {
  for (const v of values) if (!/^[A-Z_]+$/.test(v)) throw new Error(`Not an enum value: ${v}`);
  // One value as equality: PostgreSQL 15 reads an index in order under `=`, not under `= ANY`, so
  // "status=ASSIGNED" walks (warehouse_id, status, created_at) instead of filtering the site's newest.
  return values.length === 1 ? `${column} = '${values[0]}'` : `${column} = ANY('{${[...values].sort().join(',')}}'::text[])`;
}

function pageRows(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new Error(`Not a page size: ${limit}`);
  return limit + 1;
}

/** One page by keyset (limit + 1 rows tell whether there is more). */
export async function listWorkOrders(tx: Queryable, f: WoListFilter): Promise<{ rows: WoRecord[]; cursors: string[][] }> {
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  const where: string[] = [];
  const walk = assigneeWalk(f);
  if (f.warehouseId) where.push(`w.warehouse_id = ${p(f.warehouseId)}`);
  if (walk) {
    where.push(`a.user_id = ${p(f.assignee)}`);
    if (walk.open) where.push('a.wo_open');
    if (f.status) where.push(isAny('a.wo_status', f.status));
  }
  // A technician's or contractor's reach; implied when the list is the person's own assignments.
  if (f.reach.kind === 'assigned' && !(walk && f.assignee === f.reach.userId)) {
    const me = p(f.reach.userId);
    where.push(`(w.id IN (SELECT m.work_order_id FROM wo_assignees m WHERE m.user_id = ${me}) OR w.requested_by = ${me})`);
  }
  if (f.reach.kind === 'own') where.push(`w.requested_by = ${p(f.reach.userId)}`);
  if (f.status && !walk) where.push(isAny('w.status', f.status));
  if (f.type) where.push(isAny('w.type', f.type));
  if (f.priority) where.push(isAny('w.priority', f.priority));
  if (f.assignee === 'none') where.push(`w.assigned_to = '{}'`);
  // Through wo_assignees' user index, not assigned_to's GIN index: under row-level security an
  // array @> is not leakproof and cannot use its index, so a technician with no work made the list
  // filter every open work order of the site (~2 s on 1,000,000; decision 0010).
  else if (f.assignee && !walk) where.push(`w.id IN (SELECT m.work_order_id FROM wo_assignees m WHERE m.user_id = ${p(f.assignee)})`);
  if (f.requestedBy) where.push(`w.requested_by = ${p(f.requestedBy)}`);
  if (f.equipmentId) where.push(`w.equipment_id = ${p(f.equipmentId)}`);
  if (f.area) where.push(`w.area = ${p(f.area)}`);
  if (f.dueBefore) where.push(`w.due_date < ${p(f.dueBefore)}::date`);
  if (f.overdue === true) where.push(`w.due_date < current_date AND w.status IN ${OPEN}`);
  if (f.overdue === false) where.push(`NOT (w.due_date IS NOT NULL AND w.due_date < current_date AND w.status IN ${OPEN})`);
  if (f.escalated !== undefined) where.push(`w.escalated = ${f.escalated ? 'true' : 'false'}`);
  if (f.search) where.push(`w.search_text LIKE ${p(`%${f.search.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`)}`);
  const keys = walk?.keys ?? SORT_KEYS[f.sort];
  const dir = f.descending ? 'DESC' : 'ASC';
  if (f.after) {
    const tuple = keys.map((k, i) => `${p(f.after![i])}::${k.cast}`).join(', ');
    where.push(`(${keys.map((k) => k.expr).join(', ')}) ${f.descending ? '<' : '>'} (${tuple})`);
  }
  const from = walk ? 'FROM wo_assignees a JOIN work_orders w ON w.id = a.work_order_id' : 'FROM work_orders w';
  const sql = `${SELECT.replace('FROM work_orders w', `, ARRAY[${keys.map((k) => `${k.expr}::text`).join(', ')}] AS cursor ${from}`)}
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${keys.map((k) => `${k.expr} ${dir}`).join(', ')} LIMIT ${pageRows(f.limit)}`;
  const { rows } = await tx.query<WoRow>(prepared(`wo_list_${createHash('sha1').update(sql).digest('base64url').slice(0, 20)}`, sql), params);
  return { rows: rows.map(toWorkOrder), cursors: rows.map((r) => r.cursor ?? []) };
}

const COLUMN_OF: Record<keyof WorkOrderChanges, string> = {
  type: 'type', title: 'title', description: 'description', priority: 'priority', equipmentId: 'equipment_id', area: 'area', assetModel: 'asset_model', dueDate: 'due_date',
};

export async function updateWorkOrder(tx: Queryable, id: string, c: WorkOrderChanges): Promise<void> {
  const params: unknown[] = [id];
  const set = Object.entries(COLUMN_OF)
    .filter(([key]) => c[key as keyof WorkOrderChanges] !== undefined)
    .map(([key, column]) => `${column} = $${params.push(c[key as keyof WorkOrderChanges])}`);
  await tx.query(`UPDATE work_orders SET ${[...set, 'last_updated = now()'].join(', ')} WHERE id = $1`, params);
}

export interface StatusFields {
  status: WoStatus;
  startedAt?: 'now';
  completedAt?: 'now' | null;
  verifiedBy?: string | null;
  closedBy?: string;
  onHoldReason?: string | null;
  resumeStatus?: WoStatus | null;
  cancelReason?: string;
}

export async function setStatus(tx: Queryable, id: string, s: StatusFields): Promise<void> {
  const params: unknown[] = [id, s.status];
  const set = ['status = $2', 'last_updated = now()'];
  if (s.startedAt) set.push('started_at = coalesce(started_at, now())');
  if (s.completedAt === 'now') set.push('completed_at = now()');
  if (s.completedAt === null) set.push('completed_at = NULL');
  if (s.verifiedBy !== undefined) set.push(`verified_by = $${params.push(s.verifiedBy)}`, `verified_at = ${s.verifiedBy ? 'now()' : 'NULL'}`);
  if (s.closedBy) set.push(`closed_by = $${params.push(s.closedBy)}`, 'closed_at = now()');
  if (s.onHoldReason !== undefined) set.push(`on_hold_reason = $${params.push(s.onHoldReason)}`);
  if (s.resumeStatus !== undefined) set.push(`resume_status = $${params.push(s.resumeStatus)}`);
  if (s.cancelReason) set.push(`cancel_reason = $${params.push(s.cancelReason)}`);
  await tx.query(`UPDATE work_orders SET ${set.join(', ')} WHERE id = $1`, params);
}

export const touch = (tx: Queryable, id: string) => tx.query(`UPDATE work_orders SET last_updated = now() WHERE id = $1`, [id]);

/** Replaces or extends the assignees: wo_assignees keeps who and when, assigned_to mirrors it. */
export async function setAssignees(tx: Queryable, woId: string, warehouseId: string, userIds: string[], by: string, mode: 'replace' | 'add'): Promise<void> {
  if (mode === 'replace') await tx.query(`DELETE FROM wo_assignees WHERE work_order_id = $1 AND NOT (user_id = ANY($2::uuid[]))`, [woId, userIds]);
  await tx.query(
    `INSERT INTO wo_assignees (work_order_id, user_id, warehouse_id, assigned_by)
     SELECT $1, u, $2, $3 FROM unnest($4::uuid[]) AS u ON CONFLICT DO NOTHING`,
    [woId, warehouseId, by, userIds],
  );
  await tx.query(
    `UPDATE work_orders SET assigned_to = coalesce((SELECT array_agg(user_id ORDER BY assigned_at, user_id) FROM wo_assignees WHERE work_order_id = $1), '{}'),
       last_updated = now() WHERE id = $1`,
    [woId],
  );
}

/** Active people of the site who do maintenance work (may be assigned). */
export async function assignablePeople(tx: Queryable, ids: string[], warehouseId: string): Promise<{ id: string; name: string; role: string }[]> {
  // Named and ordered as SELECT's assignees list (the create builds its response from these).
  const { rows } = await tx.query<{ id: string; name: string; role: string }>(
    `SELECT id, first_name || ' ' || last_name AS name, role FROM profiles WHERE id = ANY($1::uuid[]) AND warehouse_id = $2 AND active
        AND role IN ('TECHNICIAN', 'CONTRACTOR', 'SUPERVISOR', 'MANAGER', 'ADMIN') ORDER BY first_name, id`,
    [ids, warehouseId],
  );
  return rows;
}

/** Everyone of the site who may be assigned work, by name. */
export async function assignableList(tx: Queryable, warehouseId: string): Promise<{ id: string; name: string; role: string }[]> {
  const { rows } = await tx.query<{ id: string; name: string; role: string }>(
    `SELECT id, first_name || ' ' || last_name AS name, role FROM profiles
      WHERE warehouse_id = $1 AND active AND role IN ('TECHNICIAN', 'CONTRACTOR', 'SUPERVISOR', 'MANAGER')
      ORDER BY CASE role WHEN 'TECHNICIAN' THEN 1 WHEN 'CONTRACTOR' THEN 2 ELSE 3 END, first_name, last_name LIMIT 500`,
    [warehouseId],
  );
  return rows;
}

export async function rolesOf(tx: Queryable, ids: string[]): Promise<{ id: string; role: string }[]> {
  const { rows } = await tx.query<{ id: string; role: string }>(`SELECT id, role FROM profiles WHERE id = ANY($1::uuid[]) AND active`, [ids]);
  return rows;
}

export async function sitePeople(tx: Queryable, warehouseId: string, roles: string[]): Promise<string[]> {
  const { rows } = await tx.query<{ id: string }>(`SELECT id FROM profiles WHERE warehouse_id = $1 AND active AND role = ANY($2::text[])`, [warehouseId, roles]);
  return rows.map((r) => r.id);
}

/** The equipment a work order names (read from the equipment table; the equipment module owns it). */
export async function equipmentFor(tx: Queryable, id: string, warehouseId: string) {
  const { rows } = await tx.query<{ id: string; status: EquipmentStatus; area: string | null; model: string | null; asset_tag: string; name: string }>(
    `SELECT id, status, area, model, asset_tag, name FROM equipment WHERE id = $1 AND warehouse_id = $2`,
    [id, warehouseId],
  );
  return rows[0];
}
