import type { Queryable } from '../../../platform/db/database.js';
import { toIso } from '../../../platform/http/envelope.js';

/**
 * Read side of the jobs admin. Jobs are platform-wide, so callers pass the owner connection;
 * the route guard limits these to ADMIN.
 */
export type RunStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'DEAD';

interface RunRow {
  id: string; job_name: string; status: RunStatus; attempts: number; max_attempts: number; progress: number | null;
  scheduled_for: Date | string; started_at: Date | string | null; finished_at: Date | string | null; duration_ms: number | null;
  error: string | null; result: unknown; total?: number;
}

const toRun = (r: RunRow) => ({
  id: r.id, jobName: r.job_name, status: r.status, attempts: r.attempts, maxAttempts: r.max_attempts, progress: r.progress,
  scheduledFor: toIso(r.scheduled_for) ?? '', startedAt: toIso(r.started_at), finishedAt: toIso(r.finished_at),
  durationMs: r.duration_ms, error: r.error, result: r.result ?? null,
});

/** Job definitions with their schedule, next run and latest run. */
export async function listJobDefinitions(q: Queryable) {
  const { rows } = await q.query<{ name: string; description: string; schedule: string | null; enabled: boolean; next_run_at: Date | null; last: RunRow | null }>(
    `SELECT d.name, d.description, d.schedule, d.enabled, d.next_run_at,
            (SELECT row_to_json(r) FROM job_runs r WHERE r.job_name = d.name ORDER BY r.created_at DESC LIMIT 1) AS last
       FROM job_definitions d ORDER BY d.name`,
  );
  return rows.map((d) => ({ name: d.name, description: d.description, schedule: d.schedule, enabled: d.enabled, nextRunAt: toIso(d.next_run_at), lastRun: d.last ? toRun(d.last) : null }));
}

export async function listJobRuns(q: Queryable, f: { jobName?: string; status?: RunStatus; page: number; limit: number }) {
  const { rows } = await q.query<RunRow>(
    `SELECT *, count(*) OVER () AS total FROM job_runs
      WHERE ($1::text IS NULL OR job_name = $1) AND ($2::text IS NULL OR status = $2)
      ORDER BY created_at DESC, id DESC LIMIT $3 OFFSET $4`,
    [f.jobName ?? null, f.status ?? null, f.limit, (f.page - 1) * f.limit],
  );
  return { runs: rows.map(toRun), total: rows[0] ? Number(rows[0].total) : 0 };
}
