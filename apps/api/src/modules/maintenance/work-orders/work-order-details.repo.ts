import type { ChecklistStatus, CustomField } from '@plantops/contracts';
import type { Queryable } from '../../../platform/db/database.js';
import { toIso } from '../../../platform/http/envelope.js';
import { minutesBetween } from './work-orders.fns.js';
import type { Attachment, ChecklistItem, ChecklistTemplate, Comment, PartMovement, PartUsage, TimeLog } from './work-orders.schema.js';

// A work order's details: checklist, templates, time logs, parts (read from the ledger),
// attachments and comments. SQL only. Each list's SQL takes the work order as an expression, so
// the detail page reads them all inside one statement (work-order-view.repo.ts) with the same SQL.

/** Timestamps arrive as Date from a column, as ISO text from inside JSON (the detail's lists). */
type Instant = Date | string;

export interface ItemRow {
  id: string;
  position: number;
  component: string;
  action: string;
  status: ChecklistStatus;
  notes: string | null;
  custom_fields: CustomField[];
  custom_field_data: Record<string, unknown>;
  template_id: string | null;
  follow_up_work_order_id: string | null;
  created_at: Instant;
  completed_at: Instant | null;
  completed_by: string | null;
}

export const toItem = (r: ItemRow): ChecklistItem => ({
  id: r.id,
  position: r.position,
  component: r.component,
  action: r.action,
  status: r.status,
  notes: r.notes,
  customFields: r.custom_fields ?? [],
  customFieldData: r.custom_field_data ?? {},
  templateId: r.template_id,
  followUpWorkOrderId: r.follow_up_work_order_id,
  createdAt: toIso(r.created_at) ?? '',
  completedAt: toIso(r.completed_at),
  completedBy: r.completed_by,
});

export const CHECKLIST_SQL = (wo: string) => `SELECT * FROM wo_checklist_items WHERE work_order_id = ${wo} ORDER BY position, id LIMIT 500`;

export async function checklist(tx: Queryable, woId: string): Promise<ChecklistItem[]> {
  const { rows } = await tx.query<ItemRow>(CHECKLIST_SQL('$1'), [woId]);
  return rows.map(toItem);
}

export async function openChecklistItems(tx: Queryable, woId: string) {
  const { rows } = await tx.query<{ id: string; component: string; action: string }>(
    `SELECT id, component, action FROM wo_checklist_items WHERE work_order_id = $1 AND status = 'PENDING' ORDER BY position LIMIT 500`,
    [woId],
  );
  return rows;
}

export interface NewItem {
  id: string;
  component: string;
  action: string;
  customFields: CustomField[];
  templateId: string | null;
}

export async function insertItems(tx: Queryable, woId: string, warehouseId: string, items: NewItem[]): Promise<void> {
  if (items.length === 0) return;
  const { rows } = await tx.query<{ next: number }>(`SELECT coalesce(max(position), 0) + 1 AS next FROM wo_checklist_items WHERE work_order_id = $1`, [woId]);
  const start = rows[0]?.next ?? 1;
  await tx.query(
    `INSERT INTO wo_checklist_items (id, work_order_id, warehouse_id, position, component, action, custom_fields, template_id)
     SELECT x.id, $1, $2, x.position, x.component, x.action, x.custom_fields, x.template_id
       FROM jsonb_to_recordset($3::jsonb) AS x(id uuid, position int, component text, action text, custom_fields jsonb, template_id uuid)`,
    [woId, warehouseId, JSON.stringify(items.map((i, n) => ({ id: i.id, position: start + n, component: i.component, action: i.action, custom_fields: i.customFields, template_id: i.templateId })))],
  );
}

export async function findItem(tx: Queryable, woId: string, itemId: string): Promise<ChecklistItem | undefined> {
  const { rows } = await tx.query<ItemRow>(`SELECT * FROM wo_checklist_items WHERE id = $1 AND work_order_id = $2 FOR UPDATE`, [itemId, woId]);
  return rows[0] && toItem(rows[0]);
}

export async function updateItem(
  tx: Queryable,
  itemId: string,
  c: { status: ChecklistStatus; notes: string | null; data: Record<string, unknown>; by: string; followUpId?: string },
): Promise<ChecklistItem> {
  const { rows } = await tx.query<ItemRow>(
    `UPDATE wo_checklist_items SET status = $2, notes = $3, custom_field_data = $4,
        completed_at = CASE WHEN $2 = 'PENDING' THEN NULL WHEN status = $2 THEN completed_at ELSE now() END,
        completed_by = CASE WHEN $2 = 'PENDING' THEN NULL WHEN status = $2 THEN completed_by ELSE $5::uuid END,
        follow_up_work_order_id = coalesce($6, follow_up_work_order_id)
      WHERE id = $1 RETURNING *`,
    [itemId, c.status, c.notes, JSON.stringify(c.data), c.by, c.followUpId ?? null],
  );
  return toItem(rows[0]!);
}

// Templates

interface TemplateRow {
  id: string;
  name: string;
  items: ChecklistTemplate['items'];
  active: boolean;
  warehouse_id: string;
  created_at: Date;
}

const toTemplate = (r: TemplateRow): ChecklistTemplate => ({ id: r.id, name: r.name, items: r.items, active: r.active, warehouseId: r.warehouse_id, createdAt: toIso(r.created_at) ?? '' });

export async function listTemplates(tx: Queryable, warehouseId: string | undefined, limit: number, offset: number) {
  const { rows } = await tx.query<TemplateRow & { total: number }>(
    `SELECT *, count(*) OVER () AS total FROM wo_checklist_templates WHERE active AND ($1::uuid IS NULL OR warehouse_id = $1) ORDER BY lower(name), id LIMIT $2 OFFSET $3`,
    [warehouseId ?? null, limit, offset],
  );
  return { rows: rows.map(toTemplate), total: rows[0] ? Number(rows[0].total) : 0 };
}

export async function findTemplate(tx: Queryable, id: string, warehouseId: string): Promise<ChecklistTemplate | undefined> {
  const { rows } = await tx.query<TemplateRow>(`SELECT * FROM wo_checklist_templates WHERE id = $1 AND warehouse_id = $2 AND active`, [id, warehouseId]);
  return rows[0] && toTemplate(rows[0]);
}

export async function insertTemplate(tx: Queryable, t: { id: string; warehouseId: string; name: string; items: ChecklistTemplate['items']; by: string }): Promise<ChecklistTemplate> {
  const { rows } = await tx.query<TemplateRow>(
    `INSERT INTO wo_checklist_templates (id, warehouse_id, name, items, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
    [t.id, t.warehouseId, t.name, JSON.stringify(t.items), t.by],
  );
  return toTemplate(rows[0]!);
}

export async function templateNameTaken(tx: Queryable, warehouseId: string, name: string): Promise<boolean> {
  const { rows } = await tx.query(`SELECT 1 FROM wo_checklist_templates WHERE warehouse_id = $1 AND lower(name) = lower($2)`, [warehouseId, name]);
  return rows.length > 0;
}

// Time logs

export interface TimeRow {
  id: string;
  user_id: string;
  who: string | null;
  start_time: Instant;
  end_time: Instant | null;
  description: string | null;
  source: 'TIMER' | 'MANUAL';
  created_at: Instant;
}

export const toTimeLog = (r: TimeRow): TimeLog => ({
  id: r.id,
  userId: r.user_id,
  userName: r.who ?? '',
  startTime: toIso(r.start_time) ?? '',
  endTime: toIso(r.end_time),
  minutes: r.end_time ? minutesBetween(new Date(r.start_time), new Date(r.end_time)) : null,
  running: r.end_time === null,
  description: r.description,
  source: r.source,
  createdAt: toIso(r.created_at) ?? '',
});

const TIME_SELECT = `SELECT t.id, t.user_id, p.first_name || ' ' || p.last_name AS who, t.start_time, t.end_time, t.description, t.source, t.created_at
  FROM wo_time_logs t LEFT JOIN profiles p ON p.id = t.user_id`;

export const TIME_LOGS_SQL = (wo: string) => `${TIME_SELECT} WHERE t.work_order_id = ${wo} ORDER BY t.start_time, t.id LIMIT 500`;

export async function timeLogs(tx: Queryable, woId: string): Promise<TimeLog[]> {
  const { rows } = await tx.query<TimeRow>(TIME_LOGS_SQL('$1'), [woId]);
  return rows.map(toTimeLog);
}

/** Serialises one person's time entries, so two overlapping entries cannot both pass the check. */
export const lockUserTime = (tx: Queryable, userId: string) => tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('wo_time:' || $1, 0))`, [userId]);

/** The user's running timer, on any work order they can see (the unique index knows of all). */
export async function runningTimer(tx: Queryable, userId: string): Promise<{ id: string; work_order_id: string; fo_number: string | null } | undefined> {
  const { rows } = await tx.query<{ id: string; work_order_id: string; fo_number: string | null }>(
    `SELECT t.id, t.work_order_id, w.fo_number FROM wo_time_logs t LEFT JOIN work_orders w ON w.id = t.work_order_id WHERE t.user_id = $1 AND t.end_time IS NULL`,
    [userId],
  );
  return rows[0];
}

/** The user's entries that overlap [start, end) (a running one counts up to now). */
export async function overlapping(tx: Queryable, userId: string, start: string, end: string) {
  const { rows } = await tx.query<{ id: string; work_order_id: string; start_time: Date; end_time: Date | null }>(
    `SELECT id, work_order_id, start_time, end_time FROM wo_time_logs
      WHERE user_id = $1 AND start_time < $3::timestamptz AND coalesce(end_time, now()) > $2::timestamptz LIMIT 5`,
    [userId, start, end],
  );
  return rows;
}

export async function insertTimeLog(
  tx: Queryable,
  t: { id: string; woId: string; warehouseId: string; userId: string; start: string; end: string | null; description: string | null; source: 'TIMER' | 'MANUAL' },
): Promise<void> {
  await tx.query(
    `INSERT INTO wo_time_logs (id, work_order_id, warehouse_id, user_id, start_time, end_time, description, source) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [t.id, t.woId, t.warehouseId, t.userId, t.start, t.end, t.description, t.source],
  );
}

export async function findTimeLog(tx: Queryable, id: string): Promise<TimeLog | undefined> {
  const { rows } = await tx.query<TimeRow>(`${TIME_SELECT} WHERE t.id = $1`, [id]);
  return rows[0] && toTimeLog(rows[0]);
}

/** Stops running timers (of one user, or of everybody on the work order); returns their ids. */
export async function stopTimers(tx: Queryable, woId: string, userId: string | null): Promise<string[]> {
  const { rows } = await tx.query<{ id: string }>(
    `UPDATE wo_time_logs SET end_time = greatest(now(), start_time + interval '1 second')
      WHERE work_order_id = $1 AND end_time IS NULL AND ($2::uuid IS NULL OR user_id = $2) RETURNING id`,
    [woId, userId],
  );
  return rows.map((r) => r.id);
}

// Parts (the ledger's rows that name the work order)

export interface PartUsageRow {
  item_id: string;
  part_number: string;
  name: string;
  used: number;
  returned: number;
}

export const PART_USAGE_SQL = (wo: string) => `SELECT t.item_id, i.part_number, i.name,
            coalesce(sum(-t.quantity) FILTER (WHERE t.type = 'USED'), 0)::int AS used,
            coalesce(sum(t.quantity) FILTER (WHERE t.type = 'RETURNED'), 0)::int AS returned
       FROM stock_transactions t JOIN items i ON i.id = t.item_id
      WHERE t.work_order_id = ${wo} AND t.type IN ('USED', 'RETURNED')
      GROUP BY t.item_id, i.part_number, i.name ORDER BY i.part_number`;

export const toPartUsage = (r: PartUsageRow): PartUsage => ({ partId: r.item_id, partNumber: r.part_number, name: r.name, used: r.used, returned: r.returned, net: r.used - r.returned });

export async function partUsage(tx: Queryable, woId: string): Promise<PartUsage[]> {
  const { rows } = await tx.query<PartUsageRow>(PART_USAGE_SQL('$1'), [woId]);
  return rows.map(toPartUsage);
}

export interface MovementRow {
  id: string;
  item_id: string;
  part_number: string;
  type: 'USED' | 'RETURNED';
  quantity: number;
  on_hand_after: number;
  performed_by: string | null;
  notes: string | null;
  created_at: Instant;
}

export const MOVEMENTS_SQL = (wo: string) => `SELECT t.id, t.item_id, i.part_number, t.type, t.quantity, t.on_hand_after, t.performed_by, t.notes, t.created_at
       FROM stock_transactions t JOIN items i ON i.id = t.item_id
      WHERE t.work_order_id = ${wo} AND t.type IN ('USED', 'RETURNED') ORDER BY t.created_at, t.id LIMIT 500`;

export const toMovement = (r: MovementRow): PartMovement => ({
  transactionId: r.id, partId: r.item_id, partNumber: r.part_number, type: r.type, quantity: Math.abs(r.quantity), onHandAfter: r.on_hand_after, performedBy: r.performed_by, notes: r.notes, createdAt: toIso(r.created_at) ?? '',
});

export async function partMovements(tx: Queryable, woId: string): Promise<PartMovement[]> {
  const { rows } = await tx.query<MovementRow>(MOVEMENTS_SQL('$1'), [woId]);
  return rows.map(toMovement);
}

/** How many of a part the work order still holds (used minus returned). */
export async function netUsed(tx: Queryable, woId: string, itemId: string): Promise<number> {
  const { rows } = await tx.query<{ net: number }>(
    `SELECT coalesce(sum(-quantity), 0)::int AS net FROM stock_transactions WHERE work_order_id = $1 AND item_id = $2 AND type IN ('USED', 'RETURNED')`,
    [woId, itemId],
  );
  return rows[0]?.net ?? 0;
}

// Attachments and comments

export interface AttachmentRow {
  id: string;
  file_id: string;
  checklist_item_id: string | null;
  original_name: string;
  content_type: string;
  size_bytes: number | string;
  status: string;
  uploaded_by: string;
  created_at: Instant;
}

export const ATTACHMENTS_SQL = (wo: string) => `SELECT a.id, a.file_id, a.checklist_item_id, f.original_name, f.content_type, f.size_bytes, f.status, a.uploaded_by, a.created_at
       FROM wo_attachments a JOIN files f ON f.id = a.file_id
      WHERE a.work_order_id = ${wo} AND f.deleted_at IS NULL ORDER BY a.created_at, a.id LIMIT 200`;

export const toAttachment = (r: AttachmentRow): Attachment => ({
  id: r.id, fileId: r.file_id, checklistItemId: r.checklist_item_id, fileName: r.original_name, contentType: r.content_type, size: Number(r.size_bytes),
  url: `/api/v1/files/${r.file_id}/download`, thumbnailUrl: r.status === 'PROCESSED' && r.content_type.startsWith('image/') ? `/api/v1/files/${r.file_id}/thumbnail` : null,
  uploadedBy: r.uploaded_by, createdAt: toIso(r.created_at) ?? '',
});

export async function attachments(tx: Queryable, woId: string): Promise<Attachment[]> {
  const { rows } = await tx.query<AttachmentRow>(ATTACHMENTS_SQL('$1'), [woId]);
  return rows.map(toAttachment);
}

export async function insertAttachment(tx: Queryable, a: { id: string; woId: string; warehouseId: string; checklistItemId: string | null; fileId: string; by: string }): Promise<void> {
  await tx.query(
    `INSERT INTO wo_attachments (id, work_order_id, warehouse_id, checklist_item_id, file_id, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6)`,
    [a.id, a.woId, a.warehouseId, a.checklistItemId, a.fileId, a.by],
  );
}

export interface CommentRow {
  id: string;
  user_id: string;
  who: string | null;
  body: string;
  created_at: Instant;
}

export const COMMENTS_SQL = (wo: string) => `SELECT c.id, c.user_id, p.first_name || ' ' || p.last_name AS who, c.body, c.created_at
       FROM wo_comments c LEFT JOIN profiles p ON p.id = c.user_id WHERE c.work_order_id = ${wo} ORDER BY c.created_at, c.id LIMIT 500`;

export const toComment = (r: CommentRow): Comment => ({ id: r.id, userId: r.user_id, userName: r.who ?? '', body: r.body, createdAt: toIso(r.created_at) ?? '' });

export async function comments(tx: Queryable, woId: string): Promise<Comment[]> {
  const { rows } = await tx.query<CommentRow>(COMMENTS_SQL('$1'), [woId]);
  return rows.map(toComment);
}

export async function insertComment(tx: Queryable, c: { id: string; woId: string; warehouseId: string; userId: string; body: string }): Promise<Comment> {
  await tx.query(`INSERT INTO wo_comments (id, work_order_id, warehouse_id, user_id, body) VALUES ($1, $2, $3, $4, $5)`, [c.id, c.woId, c.warehouseId, c.userId, c.body]);
  return (await comments(tx, c.woId)).find((x) => x.id === c.id)!;
}
