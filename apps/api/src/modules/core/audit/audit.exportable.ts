import type { AuditLog } from '@plantops/contracts';
import { z } from 'zod';
import { queryDateValue } from '../../../platform/http/date-range.js';
import type { ExportableList } from '../../../platform/exports/index.js';
import { listAuditLogs } from './audit.repo.js';

const filters = z.strictObject({
  action: z.string().max(64).optional(),
  tableName: z.string().max(64).optional(),
  recordId: z.uuid().optional(),
  userId: z.uuid().optional(),
  warehouseId: z.uuid().optional(),
  dateFrom: queryDateValue.optional(),
  dateTo: queryDateValue.optional(),
});

/** The audit trail (same filters, same row-level security as the list) as an export. */
export const auditExport: ExportableList<typeof filters, AuditLog> = {
  name: 'audit-logs',
  title: 'Audit log',
  filename: 'audit-log',
  access: ['audit:read'],
  filters,
  // Before/after snapshots stay out: nested JSON that neither a sheet nor a page shows well.
  columns: [
    { header: 'Time', value: (l) => new Date(l.timestamp), width: 1.5 },
    { header: 'Action', value: (l) => l.action },
    { header: 'Table', value: (l) => l.tableName },
    { header: 'Record', value: (l) => l.recordId, width: 2 },
    { header: 'User', value: (l) => l.userEmail ?? l.userId, width: 2 },
    { header: 'Warehouse', value: (l) => l.warehouseId, width: 2 },
    { header: 'Description', value: (l) => l.description, width: 2.5 },
    { header: 'Request', value: (l) => l.requestId, width: 1.5 },
  ],
  async fetchPage(ctx, f, page, limit) {
    const { logs, page: info } = await listAuditLogs(ctx.tx, { ...f, page, limit });
    return { rows: logs, total: info.total };
  },
};
