import type { AuditLog } from '@plantops/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.js';
import { collectPages, exportFormatSchema, rowCapFor, sendExport, type ExportColumn } from '../../../platform/exports/index.js';
import { listAuditLogs } from './audit.repo.js';

// Before/after snapshots stay out: they are nested JSON that neither a sheet nor a page shows well.
const COLUMNS: ExportColumn<AuditLog>[] = [
  { header: 'Time', value: (l) => new Date(l.timestamp), width: 1.5 },
  { header: 'Action', value: (l) => l.action },
  { header: 'Table', value: (l) => l.tableName },
  { header: 'Record', value: (l) => l.recordId, width: 2 },
  { header: 'User', value: (l) => l.userEmail ?? l.userId, width: 2 },
  { header: 'Warehouse', value: (l) => l.warehouseId, width: 2 },
  { header: 'Description', value: (l) => l.description, width: 2.5 },
  { header: 'Request', value: (l) => l.requestId, width: 1.5 },
];

/** GET /api/v1/audit-logs/export: the audit list (same filters, same row-level security) as a file. */
export async function auditExportRoutes(app: FastifyInstance, deps: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/audit-logs/export', {
    config: { access: { anyOf: ['audit:read'] } },
    schema: {
      tags: ['audit'],
      summary: 'Export the audit trail as CSV, XLSX or PDF (newest first, at most 10,000 rows, PDF 1,000)',
      querystring: z.strictObject({
        format: exportFormatSchema,
        action: z.string().max(64).optional(),
        tableName: z.string().max(64).optional(),
        recordId: z.uuid().optional(),
        userId: z.uuid().optional(),
        warehouseId: z.uuid().optional(),
        dateFrom: z.coerce.date().optional(),
        dateTo: z.coerce.date().optional(),
      }),
    },
    handler: async (request, reply) => {
      const { format, ...filter } = request.query;
      const { rows, truncated } = await deps.scoped(request, (ctx) =>
        collectPages(async (page, limit) => {
          const { logs, total } = await listAuditLogs(ctx.tx, { ...filter, page, limit });
          return { rows: logs, total };
        }, rowCapFor(format)),
      );
      return sendExport(reply, format, 'audit-log', { title: 'Audit log', columns: COLUMNS, rows, truncated });
    },
  });
}
