import { jobListSchema, jobRunListSchema, jobRunQueuedSchema, jobRunStatusSchema } from '@plantops/contracts/responses/jobs';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.js';
import { actorOf } from '../../../platform/http/access.js';
import { envelope, ok, pageQuery, pagination } from '../../../platform/http/envelope.js';
import { audit } from '../audit/audit.writer.js';
import { listJobRuns } from './jobs.repo.js';
import { listJobs, queueManualRun } from './jobs.service.js';

const tags = ['admin: jobs'];
const access = { anyOf: ['jobs:manage'] as const };

/** The jobs admin: definitions, runs, and a manual run (ADMIN only). */
export async function jobRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/admin/jobs', {
    config: { access },
    schema: {
      tags,
      summary: 'Job definitions with schedule, next run and the latest run',
      response: {
        200: envelope(jobListSchema),
      },
    },
    handler: async () => ok({ jobs: await listJobs(deps.db, deps.jobs) }),
  });

  r.get('/api/v1/admin/jobs/runs', {
    config: { access },
    schema: {
      tags,
      querystring: z.strictObject({ ...pageQuery, jobName: z.string().max(64).optional(), status: jobRunStatusSchema.optional() }),
      response: { 200: envelope(jobRunListSchema) },
    },
    handler: async (request) => {
      const q = request.query;
      const { runs, total } = await listJobRuns(deps.db, q);
      return ok({ runs, pagination: pagination(q.page, q.limit, total) });
    },
  });

  r.post('/api/v1/admin/jobs/:name/run', {
    config: { access },
    schema: { tags, summary: 'Queue a run now', params: z.strictObject({ name: z.string().max(64) }), response: { 202: envelope(jobRunQueuedSchema) } },
    handler: async (request, reply) => {
      const runId = await queueManualRun(deps.jobs, request.params.name, actorOf(request).userId);
      await deps.scoped(request, (ctx) => audit(ctx, { action: 'JOB_TRIGGERED', tableName: 'job_runs', recordId: runId, warehouseId: null, description: request.params.name }));
      return reply.status(202).send(ok({ runId }));
    },
  });
}
