import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.js';
import { actorOf } from '../../../platform/http/access.js';
import { envelope, ok, uuidParam } from '../../../platform/http/envelope.js';
import { EXPORT_FORMATS } from '../../../platform/exports/columns.js';
import { EXPORT_CONTENT_TYPES } from '../../../platform/exports/send.js';
import { errorResponses, fileResponse } from '../../../platform/http/openapi.js';
import { exportStatus as toStatus } from './exports.repo.js';
import { loadOwnExport, openExportFile, startExport } from './exports.service.js';

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

export async function exportRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/exports', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Start a background export of a list; follow its progress at /api/v1/exports/{id}',
      body: z.strictObject({ list: z.string().max(64), format: z.enum(EXPORT_FORMATS).default('csv'), filters: z.record(z.string(), z.unknown()).default({}) }),
      response: { 202: envelope(statusSchema) },
    },
    handler: async (request, reply) => reply.status(202).send(ok(toStatus(await startExport(deps, actorOf(request), request.body)))),
  });

  r.get('/api/v1/exports/:id', {
    config: { access: 'authenticated' },
    schema: { tags, params: z.strictObject({ id: uuidParam }), response: { 200: envelope(statusSchema) } },
    handler: async (request) => ok(toStatus(await loadOwnExport(deps.db, actorOf(request), request.params.id))),
  });

  r.get('/api/v1/exports/:id/download', {
    config: { access: 'authenticated' },
    schema: { tags, params: z.strictObject({ id: uuidParam }), response: { 200: fileResponse('The finished export (attachment)', EXPORT_CONTENT_TYPES), ...errorResponses(409) } },
    handler: async (request, reply) => {
      const file = await openExportFile(deps.db, deps.storage, actorOf(request), request.params.id);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.stream);
    },
  });
}
