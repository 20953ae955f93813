import { paginationSchema } from '@plantops/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.js';
import { actorOf } from '../../../platform/http/access.js';
import { envelope, ok, pageQuery, pagination, toIso } from '../../../platform/http/envelope.js';
import { notFound } from '../../../platform/http/errors.js';
import { audit } from '../audit/audit.writer.js';

const tags = ['admin: jobs'];
const access = { anyOf: ['jobs:manage'] as const };
const runStatus = z.enum(['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'DEAD']);

const runSchema = z.object({
  id: z.string(),
  jobName: z.string(),
  status: runStatus,
  attempts: z.number(),
  maxAttempts: z.number(),
  progress: z.number().nullable(),
  scheduledFor: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  error: z.string().nullable(),
  result: z.unknown().nullable(),
});

interface RunRow {
  id: string; job_name: string; status: z.infer<typeof runStatus>; attempts: number; max_attempts: number; progress: number | null;
  scheduled_for: Date; started_at: Date | null; finished_at: Date | null; duration_ms: number | null; error: string | null; result: unknown; total?: number;
}

const toRun = (r: RunRow) => ({
  id: r.id, jobName: r.job_name, status: r.status, attempts: r.attempts, maxAttempts: r.max_attempts, progress: r.progress,
  scheduledFor: toIso(r.scheduled_for) ?? '', startedAt: toIso(r.started_at), finishedAt: toIso(r.finished_at),
  durationMs: r.duration_ms, error: r.error, result: r.result ?? null,
});

/** Jobs are platform-wide, so these read through the owner connection; the route guard limits them to ADMIN. */
export async function jobRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/admin/jobs', {
    config: { access },
    schema: {
      tags,
      summary: 'Job definitions with schedule, next run and the latest run',
      response: {
        200: envelope(z.object({ jobs: z.array(z.object({ name: z.string(), description: z.string(), schedule: z.string().nullable(), enabled: z.boolean(), nextRunAt: z.string().nullable(), lastRun: runSchema.nullable() })) })),
      },
    },
    handler: async () => {
      const { rows } = await deps.db.query<{ name: string; description: string; schedule: string | null; enabled: boolean; next_run_at: Date | null; last: RunRow | null }>(
        `SELECT d.name, d.description, d.schedule, d.enabled, d.next_run_at,
                (SELECT row_to_json(r) FROM job_runs r WHERE r.job_name = d.name ORDER BY r.created_at DESC LIMIT 1) AS last
           FROM job_definitions d ORDER BY d.name`,
      );
      return ok({
        jobs: rows.map((d) => ({ name: d.name, description: d.description, schedule: d.schedule, enabled: d.enabled, nextRunAt: toIso(d.next_run_at), lastRun: d.last ? toRun(d.last) : null })),
      });
    },
  });

  r.get('/api/v1/admin/jobs/runs', {
    config: { access },
    schema: {
      tags,
      querystring: z.strictObject({ ...pageQuery, jobName: z.string().max(64).optional(), status: runStatus.optional() }),
      response: { 200: envelope(z.object({ runs: z.array(runSchema), pagination: paginationSchema })) },
    },
    handler: async (request) => {
      const q = request.query;
      const { rows } = await deps.db.query<RunRow>(
        `SELECT *, count(*) OVER () AS total FROM job_runs
          WHERE ($1::text IS NULL OR job_name = $1) AND ($2::text IS NULL OR status = $2)
          ORDER BY created_at DESC, id DESC LIMIT $3 OFFSET $4`,
        [q.jobName ?? null, q.status ?? null, q.limit, (q.page - 1) * q.limit],
      );
      return ok({ runs: rows.map(toRun), pagination: pagination(q.page, q.limit, rows[0] ? Number(rows[0].total) : 0) });
    },
  });

  r.post('/api/v1/admin/jobs/:name/run', {
    config: { access },
    schema: { tags, summary: 'Queue a run now', params: z.strictObject({ name: z.string().max(64) }), response: { 202: envelope(z.object({ runId: z.string() })) } },
    handler: async (request, reply) => {
      if (!deps.jobs.definitions().some((d) => d.name === request.params.name)) throw notFound('Job');
      const runId = await deps.jobs.enqueue(request.params.name, {}, { triggeredBy: actorOf(request).userId });
      await deps.scoped(request, (ctx) => audit(ctx, { action: 'JOB_TRIGGERED', tableName: 'job_runs', recordId: runId, warehouseId: null, description: request.params.name }));
      return reply.status(202).send(ok({ runId }));
    },
  });
}
