import type { WoPriority, WoStatus } from '@plantops/contracts';
import { prepared, type Queryable } from '../../../platform/db/database.js';
import { toIso } from '../../../platform/http/envelope.js';
import * as details from './work-order-details.repo.js';
import { SELECT, toWorkOrder, type WoRecord, type WoRow } from './work-orders.repo.js';
import type { Attachment, ChecklistItem, Comment, HistoryEntry, PartMovement, PartUsage, TimeLog } from './work-orders.schema.js';

// The work order page's read: the work order and every list it shows, in one statement.
// It used to take ten statements (eleven round trips with BEGIN and COMMIT), ~15 ms of round
// trips and planning per request on the bench database; row-level security still applies to each
// list (their policies ask work_orders' policy), as it did statement by statement.

type Brief = { id: string; foNumber: string; title: string; status: WoStatus; priority: WoPriority };

interface HistoryRow {
  id: string;
  action: string;
  user_id: string | null;
  who: string | null;
  description: string | null;
  before_data: unknown;
  after_data: unknown;
  timestamp: Date | string;
}

interface BriefRow {
  id: string;
  fo_number: string;
  title: string;
  status: WoStatus;
  priority: WoPriority;
}

interface DetailRow extends WoRow {
  checklist: details.ItemRow[];
  time_logs: details.TimeRow[];
  parts: details.PartUsageRow[];
  part_movements: details.MovementRow[];
  attachments: details.AttachmentRow[];
  comments: details.CommentRow[];
  history: HistoryRow[];
  follow_ups: BriefRow[];
  parent: BriefRow | null;
}

export interface WorkOrderView {
  wo: WoRecord;
  checklist: ChecklistItem[];
  timeLogs: TimeLog[];
  parts: PartUsage[];
  partMovements: PartMovement[];
  attachments: Attachment[];
  comments: Comment[];
  history: HistoryEntry[];
  followUps: Brief[];
  parentWorkOrder: Brief | null;
}

/** A list's rows as one JSON array, in the list's own order (json_agg keeps no order by itself). */
const rowsOf = (sql: string, order: string) => `(SELECT coalesce(json_agg(x ORDER BY ${order}), '[]') FROM (${sql}) x)`;

const BRIEF_COLUMNS = 'id, fo_number, title, status, priority';

const HISTORY_SQL = (wo: string) => `SELECT l.id, l.action, l.user_id, p.first_name || ' ' || p.last_name AS who, l.description, l.before_data, l.after_data, l."timestamp"
       FROM system_logs l LEFT JOIN profiles p ON p.id = l.user_id
      WHERE l.table_name = 'work_orders' AND l.record_id = ${wo} ORDER BY l."timestamp", l.id LIMIT 200`;

const WO_VIEW = prepared(
  'work_order_view',
  `${SELECT.replace(
    ' FROM work_orders w',
    `,
    ${rowsOf(details.CHECKLIST_SQL('w.id'), 'x.position, x.id')} AS checklist,
    ${rowsOf(details.TIME_LOGS_SQL('w.id'), 'x.start_time, x.id')} AS time_logs,
    ${rowsOf(details.PART_USAGE_SQL('w.id'), 'x.part_number')} AS parts,
    ${rowsOf(details.MOVEMENTS_SQL('w.id'), 'x.created_at, x.id')} AS part_movements,
    ${rowsOf(details.ATTACHMENTS_SQL('w.id'), 'x.created_at, x.id')} AS attachments,
    ${rowsOf(details.COMMENTS_SQL('w.id'), 'x.created_at, x.id')} AS comments,
    ${rowsOf(HISTORY_SQL('w.id'), 'x."timestamp", x.id')} AS history,
    ${rowsOf(`SELECT ${BRIEF_COLUMNS}, created_at FROM work_orders WHERE parent_work_order_id = w.id ORDER BY created_at, id LIMIT 50`, 'x.created_at, x.id')} AS follow_ups,
    (SELECT json_build_object('id', p.id, 'fo_number', p.fo_number, 'title', p.title, 'status', p.status, 'priority', p.priority)
       FROM work_orders p WHERE p.id = w.parent_work_order_id) AS parent
  FROM work_orders w`,
  )} WHERE w.id = $1 AND ($2::uuid IS NULL OR w.warehouse_id = $2)`,
);

const toBrief = (r: BriefRow): Brief => ({ id: r.id, foNumber: r.fo_number, title: r.title, status: r.status, priority: r.priority });

const toHistory = (r: HistoryRow): HistoryEntry => ({
  id: r.id, action: r.action, userId: r.user_id, userName: r.who, description: r.description, before: r.before_data ?? null, after: r.after_data ?? null, timestamp: toIso(r.timestamp) ?? '',
});

/** The work order with everything its page lists, or undefined when it is not there (or not visible). */
export async function findWorkOrderView(tx: Queryable, id: string, warehouseId: string | undefined): Promise<WorkOrderView | undefined> {
  const { rows } = await tx.query<DetailRow>(WO_VIEW, [id, warehouseId ?? null]);
  const r = rows[0];
  if (!r) return undefined;
  return {
    wo: toWorkOrder(r),
    checklist: r.checklist.map(details.toItem),
    timeLogs: r.time_logs.map(details.toTimeLog),
    parts: r.parts.map(details.toPartUsage),
    partMovements: r.part_movements.map(details.toMovement),
    attachments: r.attachments.map(details.toAttachment),
    comments: r.comments.map(details.toComment),
    history: r.history.map(toHistory),
    followUps: r.follow_ups.map(toBrief),
    parentWorkOrder: r.parent && toBrief(r.parent),
  };
}
