import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../app-deps.js';
import { exportRoute } from '../../../platform/exports/index.js';
import { auditExport } from './audit.exportable.js';

/** GET /api/v1/audit-logs/export: the audit trail as a file. */
export async function auditExportRoutes(app: FastifyInstance, deps: AppDeps) {
  exportRoute(app, deps, '/api/v1/audit-logs/export', auditExport);
}
