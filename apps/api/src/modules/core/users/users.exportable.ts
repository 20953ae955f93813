import { roleSchema, type UserSummary } from '@plantops/contracts';
import { z } from 'zod';
import type { ExportableList } from '../../../platform/exports/index.js';
import { queryBoolean } from '../../../platform/http/envelope.js';
import { audit } from '../audit/audit.writer.js';
import * as users from './users.service.js';

const filters = z.strictObject({
  search: z.string().trim().max(100).optional(),
  role: roleSchema.optional(),
  warehouseId: z.uuid().optional(),
  active: z.union([z.boolean(), queryBoolean]).optional(),
  sortBy: z.enum(['createdAt', 'email', 'lastName', 'role']).default('lastName'),
  sortOrder: z.enum(['asc', 'desc']).default('asc'),
});

/** The user list (same filters, sorting and site scoping as GET /api/v1/users) as an export. */
export const usersExport: ExportableList<typeof filters, UserSummary> = {
  name: 'users',
  title: 'Users',
  filename: 'users',
  access: ['user:manage', 'user:manage:warehouse'],
  filters,
  columns: [
    { header: 'Email', value: (u) => u.email, width: 2 },
    { header: 'First name', value: (u) => u.firstName },
    { header: 'Last name', value: (u) => u.lastName },
    { header: 'Role', value: (u) => u.role },
    { header: 'Warehouse', value: (u) => u.warehouseId, width: 2 },
    { header: 'Phone', value: (u) => u.phone },
    { header: 'Active', value: (u) => u.active },
    { header: 'Last login', value: (u) => (u.lastLogin ? new Date(u.lastLogin) : null), width: 1.5 },
    { header: 'Created', value: (u) => new Date(u.createdAt), width: 1.5 },
  ],
  async fetchPage(ctx, f, page, limit) {
    const { users: rows, total } = await users.listUsers(ctx, { ...f, page, limit });
    return { rows, total };
  },
  // Bulk reads of personal data leave a trace, as changes do.
  afterRead: (ctx, count, format) =>
    audit(ctx, { action: 'EXPORT', tableName: 'profiles', recordId: null, warehouseId: ctx.actor.warehouseId, description: `${count} users as ${format}` }),
};
