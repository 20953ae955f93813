import { receivesNotification, type Notification, type NotificationPreferences, type NotificationType } from '@plantops/contracts';
import type { Sort } from '../../../platform/db/keyset.js';
import { pagedQuery } from '../../../platform/db/paged-query.js';
import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '../../../platform/db/database.js';
import type { Ctx } from '../../../platform/db/unit-of-work.js';
import { notFound, validation } from '../../../platform/http/errors.js';
import { toIso } from '../../../platform/http/envelope.js';
import { publish } from '../../../platform/realtime/publish.js';

export interface NewNotification {
  userIds: string[];
  warehouseId: string;
  type: NotificationType;
  title: string;
  message: string;
  link?: string;
  workOrderId?: string;
  partId?: string;
  data?: Record<string, unknown>;
}

/**
 * Notifies users in the caller's transaction: stores one row per recipient, pushes it on the
 * notifications channel when the recipient wants the type in-app, and leaves e-mail to the
 * notification sender (preferences, quiet hours, retries). Other modules call only this.
 */
export async function notify(tx: Queryable, n: NewNotification): Promise<void> {
  if (n.userIds.length === 0) return;
  const { rows: prefs } = await tx.query<{ user_id: string; in_app: boolean }>(
    `SELECT user_id, in_app FROM notification_in_app($1::uuid[], $2)`,
    [n.userIds, n.type],
  );
  for (const { user_id, in_app } of prefs) {
    const id = uuidv7();
    const createdAt = new Date();
    await tx.query(
      `INSERT INTO notifications (id, user_id, warehouse_id, type, title, message, link, data, work_order_id, part_id, in_app, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [id, user_id, n.warehouseId, n.type, n.title, n.message, n.link ?? null, JSON.stringify(n.data ?? {}), n.workOrderId ?? null, n.partId ?? null, in_app, createdAt],
    );
    if (in_app) {
      const payload: Notification = {
        id, type: n.type, title: n.title, message: n.message, link: n.link ?? null, read: false, readAt: null,
        workOrderId: n.workOrderId ?? null, partId: n.partId ?? null, data: n.data ?? {}, createdAt: createdAt.toISOString(),
      };
      await publish(tx, { channel: 'notifications', warehouseId: n.warehouseId, userId: user_id, payload });
    }
  }
}

interface Row {
  id: string;
  type: NotificationType;
  title: string;
  message: string;
  link: string | null;
  read: boolean;
  read_at: Date | null;
  work_order_id: string | null;
  part_id: string | null;
  data: Record<string, unknown>;
  created_at: Date;
}

const toNotification = (r: Row): Notification => ({
  id: r.id, type: r.type, title: r.title, message: r.message, link: r.link, read: r.read, readAt: toIso(r.read_at),
  workOrderId: r.work_order_id, partId: r.part_id, data: r.data ?? {}, createdAt: toIso(r.created_at) ?? '',
});

/** Newest first; uuidv7 ids break ties (keyset order, decision 0011). */
const NEWEST_FIRST: Sort = { name: 'newest', keys: [{ expr: 'created_at', type: 'timestamptz' }, { expr: 'id', type: 'uuid' }], dir: 'desc' };

/** The caller's own notifications (row-level security already limits rows to them), a keyset page. */
export async function listNotifications(ctx: Ctx, f: { unread?: boolean; type?: NotificationType; page: number; limit: number; cursor?: string }) {
  const { rows, page } = await pagedQuery<Row>(
    ctx.tx,
    {
      select: 'SELECT *', from: 'FROM notifications', sort: NEWEST_FIRST,
      where: ['user_id = $1', 'in_app', '($2::boolean IS NULL OR read = NOT $2)', '($3::text IS NULL OR type = $3)'],
      params: [ctx.actor.userId, f.unread ?? null, f.type ?? null],
    },
    f,
  );
  const unread = await ctx.tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND in_app AND NOT read`, [ctx.actor.userId]);
  return { notifications: rows.map(toNotification), page, unreadCount: unread.rows[0]?.n ?? 0 };
}

export async function markRead(ctx: Ctx, id: string): Promise<Notification> {
  const { rows } = await ctx.tx.query<Row>(
    `UPDATE notifications SET read = true, read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING *`,
    [id, ctx.actor.userId],
  );
  if (!rows[0]) throw notFound('Notification');
  return toNotification(rows[0]);
}

export async function markAllRead(ctx: Ctx): Promise<number> {
  const r = await ctx.tx.query(`UPDATE notifications SET read = true, read_at = now() WHERE user_id = $1 AND NOT read`, [ctx.actor.userId]);
  return r.rowCount;
}

interface PrefRow {
  in_app: boolean;
  email: boolean;
  types: NotificationPreferences['types'];
  quiet_hours_start: string | null;
  quiet_hours_end: string | null;
  timezone: string;
}

const hhmm = (t: string | null) => (t ? t.slice(0, 5) : null);

export function toPreferences(r: PrefRow | undefined): NotificationPreferences {
  if (!r) return { inApp: true, email: true, types: {}, quietHours: null, timezone: 'UTC' };
  const start = hhmm(r.quiet_hours_start);
  const end = hhmm(r.quiet_hours_end);
  return { inApp: r.in_app, email: r.email, types: r.types ?? {}, quietHours: start && end ? { start, end } : null, timezone: r.timezone };
}

export async function getPreferences(ctx: Ctx): Promise<NotificationPreferences> {
  const { rows } = await ctx.tx.query<PrefRow>(`SELECT * FROM notification_preferences WHERE user_id = $1`, [ctx.actor.userId]);
  return toPreferences(rows[0]);
}

export async function updatePreferences(ctx: Ctx, p: Partial<NotificationPreferences>): Promise<NotificationPreferences> {
  // A setting for a type the role never receives would be a switch that does nothing: refuse it.
  const foreign = Object.keys(p.types ?? {}).filter((t) => !receivesNotification(ctx.actor.role, t as NotificationType));
  if (foreign.length) {
    throw validation(
      'Preferences name notification types your role does not receive',
      foreign.map((t) => ({ field: `types.${t}`, message: `Your role does not receive ${t} notifications`, code: 'INVALID_VALUE' })),
    );
  }
  const merged = { ...(await getPreferences(ctx)), ...p };
  await ctx.tx.query(
    `INSERT INTO notification_preferences (user_id, in_app, email, types, quiet_hours_start, quiet_hours_end, timezone, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now())
     ON CONFLICT (user_id) DO UPDATE SET in_app = EXCLUDED.in_app, email = EXCLUDED.email, types = EXCLUDED.types,
       quiet_hours_start = EXCLUDED.quiet_hours_start, quiet_hours_end = EXCLUDED.quiet_hours_end,
       timezone = EXCLUDED.timezone, updated_at = now()`,
    [ctx.actor.userId, merged.inApp, merged.email, JSON.stringify(merged.types), merged.quietHours?.start ?? null, merged.quietHours?.end ?? null, merged.timezone],
  );
  return merged;
}
