import { rolesNotifiedOf } from '@plantops/contracts';
import type { Database } from '../../../platform/db/database.js';
import type { JobDefinition } from '../../../platform/jobs/job-types.js';
import { notify } from '../notifications/notifications.service.js';
import { writeAuditRow } from './audit.writer.js';

export interface RetentionPolicy {
  auditDays: number;
  realtimeEventDays: number;
  jobRunDays: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { auditDays: 730, realtimeEventDays: 2, jobRunDays: 30 };

/**
 * Daily: summarises the last 24 hours of security events (lockouts, refresh-token reuse, failed
 * logins) into one audit row, alerts administrators when there were any, and applies retention.
 */
export async function processAudit(db: Database, retention: RetentionPolicy = DEFAULT_RETENTION) {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ action: string; n: number }>(
      `SELECT action, count(*)::int AS n FROM system_logs
        WHERE action LIKE 'SECURITY\\_%' AND "timestamp" > now() - interval '24 hours' GROUP BY action ORDER BY action`,
    );
    const summary = Object.fromEntries(rows.map((r) => [r.action, r.n]));
    await writeAuditRow(tx, { userId: null, requestId: null, ip: null }, {
      action: 'SECURITY_DAILY_SUMMARY', tableName: 'system_logs', recordId: null, warehouseId: null, after: summary,
      description: rows.length ? rows.map((r) => `${r.action}: ${r.n}`).join(', ') : 'No security events',
    });
    const alarming = (summary.SECURITY_ACCOUNT_LOCKED ?? 0) + (summary.SECURITY_REFRESH_TOKEN_REUSE ?? 0);
    if (alarming > 0) {
      const admins = await tx.query<{ id: string; warehouse_id: string }>(`SELECT id, warehouse_id FROM profiles WHERE role = ANY($1::text[]) AND active`, [rolesNotifiedOf('SECURITY_ALERT')]);
      for (const a of admins.rows) {
        await notify(tx, { userIds: [a.id], warehouseId: a.warehouse_id, type: 'SECURITY_ALERT', title: 'Security events in the last 24 hours', message: `Lockouts: ${summary.SECURITY_ACCOUNT_LOCKED ?? 0}, refresh-token reuse: ${summary.SECURITY_REFRESH_TOKEN_REUSE ?? 0}.`, link: '/audit?action=SECURITY_ACCOUNT_LOCKED' });
      }
    }
    const deleted = {
      auditLogs: (await tx.query(`DELETE FROM system_logs WHERE "timestamp" < now() - make_interval(days => $1)`, [retention.auditDays])).rowCount,
      realtimeEvents: (await tx.query(`DELETE FROM realtime_events WHERE created_at < now() - make_interval(days => $1)`, [retention.realtimeEventDays])).rowCount,
      jobRuns: (await tx.query(`DELETE FROM job_runs WHERE finished_at < now() - make_interval(days => $1) AND status IN ('SUCCEEDED','DEAD')`, [retention.jobRunDays])).rowCount,
      resetTokens: (await tx.query(`DELETE FROM password_reset_tokens WHERE expires_at < now() - interval '1 day'`)).rowCount,
      sessions: (await tx.query(`DELETE FROM user_sessions WHERE NOT is_active AND updated_at < now() - interval '30 days'`)).rowCount,
    };
    return { summary, deleted };
  });
}

export const auditProcessorJob = (db: Database): JobDefinition => ({
  name: 'audit-processor',
  description: 'Daily security-event summary (lockouts, refresh-token reuse) with admin alerts, and retention of logs, events, runs and sessions',
  schedule: '15 2 * * *',
  handler: () => processAudit(db),
});
