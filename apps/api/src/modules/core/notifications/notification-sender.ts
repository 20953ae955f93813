import type { NotificationPreferences, NotificationType } from '@plantops/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../../platform/db/database.js';
import type { JobDefinition } from '../../../platform/jobs/job-types.js';
import type { MailDispatcher } from '../mail/mail.dispatcher.js';
import { toPreferences } from './notifications.service.js';
import { quietHoursEnd } from './quiet-hours.js';

interface PendingNotification {
  id: string;
  type: NotificationType;
  title: string;
  message: string;
  link: string | null;
  email: string;
  first_name: string;
  pref_in_app: boolean | null;
  pref_email: boolean | null;
  types: NotificationPreferences['types'] | null;
  quiet_hours_start: string | null;
  quiet_hours_end: string | null;
  timezone: string | null;
}

const wantsEmail = (p: NotificationPreferences, type: NotificationType) => p.types[type]?.email ?? p.email;

/** Turns pending notifications into outbox mail according to each recipient's preferences. */
export async function queueNotificationEmails(db: Database, publicUrl: string): Promise<{ queued: number; skipped: number }> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<PendingNotification>(
      `SELECT n.id, n.type, n.title, n.message, n.link, p.email, p.first_name,
              np.in_app AS pref_in_app, np.email AS pref_email, np.types, np.quiet_hours_start, np.quiet_hours_end, np.timezone
         FROM notifications n JOIN profiles p ON p.id = n.user_id
         LEFT JOIN notification_preferences np ON np.user_id = n.user_id
        WHERE n.email_status = 'PENDING' AND p.active
        ORDER BY n.created_at LIMIT 200 FOR UPDATE OF n SKIP LOCKED`,
    );
    let queued = 0;
    for (const n of rows) {
      const prefs = toPreferences(
        n.pref_email === null ? undefined : { in_app: n.pref_in_app ?? true, email: n.pref_email, types: n.types ?? {}, quiet_hours_start: n.quiet_hours_start, quiet_hours_end: n.quiet_hours_end, timezone: n.timezone ?? 'UTC' },
      );
      if (!wantsEmail(prefs, n.type)) {
        await tx.query(`UPDATE notifications SET email_status = 'SKIPPED' WHERE id = $1`, [n.id]);
        continue;
      }
      const sendAt = quietHoursEnd(new Date(), prefs.quietHours, prefs.timezone) ?? new Date();
      const link = n.link ? `\n\nOpen: ${publicUrl.replace(/\/$/, '')}${n.link}` : '';
      await tx.query(
        `INSERT INTO mail_outbox (id, to_address, subject, body_text, next_attempt_at, notification_id) VALUES ($1, $2, $3, $4, $5, $6)`,
        [uuidv7(), n.email, `PlantOps: ${n.title}`, `Hello ${n.first_name},\n\n${n.message}${link}\n\nYou can change which notifications you receive by e-mail in your PlantOps profile.\n`, sendAt, n.id],
      );
      await tx.query(`UPDATE notifications SET email_status = 'QUEUED' WHERE id = $1`, [n.id]);
      queued += 1;
    }
    return { queued, skipped: rows.length - queued };
  });
}

export function notificationSenderJob(db: Database, mail: MailDispatcher, publicUrl: string): JobDefinition {
  return {
    name: 'notification-sender',
    description: 'Queues e-mail for new notifications by user preference and quiet hours, then delivers the mail outbox (SMTP or .eml files) with retries',
    schedule: '* * * * *',
    timeoutSeconds: 120,
    async handler() {
      const queued = await queueNotificationEmails(db, publicUrl);
      const sent = await mail.deliverPending();
      return { ...queued, sent };
    },
  };
}
