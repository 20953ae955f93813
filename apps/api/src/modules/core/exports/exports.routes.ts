import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.js';
import { actorOf } from '../../../platform/http/access.js';
import { envelope, ok, toIso, uuidParam } from '../../../platform/http/envelope.js';
import { AppError, forbidden, notFound, validation } from '../../../platform/http/errors.js';
import { EXPORT_FORMATS } from '../../../platform/exports/columns.js';
import type { ExportJobPayload, ExportJobResult } from './export-builder.job.js';
import { EXPORTABLE_LISTS } from './exports.registry.js';

const tags = ['exports'];
const statusSchema = z.object({
  id: z.string(),
  list: z.string(),
  format: z.enum(EXPORT_FORMATS),
  status: z.enum(['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'DEAD']),
  progress: z.number().nullable(),
  rows: z.number().nullable(),
  truncated: z.boolean().nullable(),
  fileName: z.string().nullable(),
  downloadUrl: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
});

interface RunRow {
  id: string;
  status: z.infer<typeof statusSchema>['status'];
  progress: number | null;
  payload: ExportJobPayload;
  result: ExportJobResult | null;
  error: string | null;
  created_at: Date;
}

export async function exportRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** Only the requester sees an export: it carries what their access allowed at the time. */
  async function loadOwn(userId: string, id: string): Promise<RunRow> {
    const { rows } = await deps.db.query<RunRow>(
      `SELECT id, status, progress, payload, result, error, created_at FROM job_runs
        WHERE id = $1 AND job_name = 'export-builder' AND triggered_by = $2`,
      [id, userId],
    );
    if (!rows[0]) throw notFound('Export');
    return rows[0];
  }

  const toStatus = (run: RunRow) => ({
    id: run.id, list: run.payload.list, format: run.payload.format, status: run.status, progress: run.progress,
    rows: run.result?.rows ?? null, truncated: run.result?.truncated ?? null, fileName: run.result?.fileName ?? null,
    downloadUrl: run.status === 'SUCCEEDED' ? `/api/v1/exports/${run.id}/download` : null,
    error: run.status === 'DEAD' || run.status === 'FAILED' ? run.error : null, createdAt: toIso(run.created_at) ?? '',
  });

  r.post('/api/v1/exports', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Start a background export of a list; follow its progress at /api/v1/exports/{id}',
      body: z.strictObject({ list: z.string().max(64), format: z.enum(EXPORT_FORMATS).default('csv'), filters: z.record(z.string(), z.unknown()).default({}) }),
      response: { 202: envelope(statusSchema) },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const list = EXPORTABLE_LISTS[request.body.list];
      if (!list) throw validation('Unknown list', [{ field: 'list', message: `One of: ${Object.keys(EXPORTABLE_LISTS).join(', ')}`, code: 'INVALID_VALUE' }]);
      if (!list.access.some((p) => actor.permissions.includes(p))) throw forbidden();
      const parsed = list.filters.safeParse(request.body.filters);
      if (!parsed.success) {
        throw new AppError(422, 'VALIDATION_ERROR', 'Invalid export filters', parsed.error.issues.map((i) => ({ field: `filters.${i.path.join('.')}`, message: i.message, code: 'INVALID_VALUE' })));
      }
      const payload: ExportJobPayload = { list: list.name, format: request.body.format, filters: request.body.filters, userId: actor.userId, warehouseId: actor.warehouseId, allWarehouses: actor.allWarehouses };
      const id = await deps.jobs.enqueue('export-builder', payload as unknown as Record<string, unknown>, { triggeredBy: actor.userId });
      return reply.status(202).send(ok(toStatus(await loadOwn(actor.userId, id))));
    },
  });

  r.get('/api/v1/exports/:id', {
    config: { access: 'authenticated' },
    schema: { tags, params: z.strictObject({ id: uuidParam }), response: { 200: envelope(statusSchema) } },
    handler: async (request) => ok(toStatus(await loadOwn(actorOf(request).userId, request.params.id))),
  });

  r.get('/api/v1/exports/:id/download', {
    config: { access: 'authenticated' },
    schema: { tags, params: z.strictObject({ id: uuidParam }) },
    handler: async (request, reply) => {
      const run = await loadOwn(actorOf(request).userId, request.params.id);
      if (run.status !== 'SUCCEEDED' || !run.result) throw new AppError(409, 'BUSINESS_WORKFLOW_ERROR', `The export is ${run.status.toLowerCase()}, not ready`);
      if (!(await deps.storage.exists(run.result.key))) throw notFound('Export file');
      return reply
        .type(run.result.contentType)
        .header('content-disposition', `attachment; filename="${run.result.fileName}"`)
        .header('cache-control', 'no-store')
        .send(deps.storage.read(run.result.key));
    },
  });
}
