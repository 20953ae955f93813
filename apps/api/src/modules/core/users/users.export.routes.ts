import { roleSchema, type UserSummary } from '@plantops/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.js';
import { collectPages, exportFormatSchema, rowCapFor, sendExport, type ExportColumn } from '../../../platform/exports/index.js';
import { queryBoolean } from '../../../platform/http/envelope.js';
import { audit } from '../audit/audit.writer.js';
import * as users from './users.service.js';

const COLUMNS: ExportColumn<UserSummary>[] = [
  { header: 'Email', value: (u) => u.email, width: 2 },
  { header: 'First name', value: (u) => u.firstName },
  { header: 'Last name', value: (u) => u.lastName },
  { header: 'Role', value: (u) => u.role },
  { header: 'Warehouse', value: (u) => u.warehouseId, width: 2 },
  { header: 'Phone', value: (u) => u.phone },
  { header: 'Active', value: (u) => u.active },
  { header: 'Last login', value: (u) => (u.lastLogin ? new Date(u.lastLogin) : null), width: 1.5 },
  { header: 'Created', value: (u) => new Date(u.createdAt), width: 1.5 },
];

/** GET /api/v1/users/export: the user list (same filters, sorting and site scoping) as a file. */
export async function userExportRoutes(app: FastifyInstance, deps: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/users/export', {
    config: { access: { anyOf: ['user:manage', 'user:manage:warehouse'] } },
    schema: {
      tags: ['users'],
      summary: 'Export users as CSV, XLSX or PDF (at most 10,000 rows, PDF 1,000; X-Export-Truncated tells)',
      querystring: z.strictObject({
        format: exportFormatSchema,
        search: z.string().trim().max(100).optional(),
        role: roleSchema.optional(),
        warehouseId: z.uuid().optional(),
        active: queryBoolean.optional(),
        sortBy: z.enum(['createdAt', 'email', 'lastName', 'role']).default('lastName'),
        sortOrder: z.enum(['asc', 'desc']).default('asc'),
      }),
    },
    handler: async (request, reply) => {
      const { format, ...filter } = request.query;
      const { rows, truncated } = await deps.scoped(request, async (ctx) => {
        const result = await collectPages(async (page, limit) => {
          const { users: list, total } = await users.listUsers(ctx, { ...filter, page, limit });
          return { rows: list, total };
        }, rowCapFor(format));
        // Bulk reads of personal data leave a trace, as changes do.
        await audit(ctx, { action: 'EXPORT', tableName: 'profiles', recordId: null, warehouseId: ctx.actor.warehouseId, description: `${result.rows.length} users as ${format}` });
        return result;
      });
      return sendExport(reply, format, 'users', { title: 'Users', columns: COLUMNS, rows, truncated });
    },
  });
}
