import { auditLogSchema, paginationSchema } from '@plantops/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { queryDateValue } from '../../../platform/http/date-range.js';
import { cursorQuery, envelope, keysetPagination, ok, pageQuery } from '../../../platform/http/envelope.js';
import type { AppDeps } from '../../../app-deps.js';
import { listAuditLogs } from './audit.repo.js';

const querySchema = z.strictObject({
  ...pageQuery,
  ...cursorQuery,
  action: z.string().max(64).optional(),
  tableName: z.string().max(64).optional(),
  recordId: z.uuid().optional(),
  userId: z.uuid().optional(),
  warehouseId: z.uuid().optional(),
  dateFrom: queryDateValue.optional(),
  dateTo: queryDateValue.optional(),
});

export async function auditRoutes(app: FastifyInstance, deps: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/audit-logs', {
    config: { access: { anyOf: ['audit:read'] } },
    schema: {
      tags: ['audit'],
      summary: 'Audit trail (system_logs), newest first; row-level security limits it to visible sites. Pass pagination.nextCursor as cursor for the next page; totalIsEstimate says when totalItems is an estimate',
      querystring: querySchema,
      response: { 200: envelope(z.object({ logs: z.array(auditLogSchema), pagination: paginationSchema })) },
    },
    handler: async (request) => {
      const q = request.query;
      const { logs, page } = await deps.scoped(request, (ctx) => listAuditLogs(ctx.tx, q));
      return ok({ logs, pagination: keysetPagination(page) });
    },
  });
}
