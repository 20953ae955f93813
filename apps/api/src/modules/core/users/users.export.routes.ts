import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../app-deps.js';
import { exportRoute } from '../../../platform/exports/index.js';
import { usersExport } from './users.exportable.js';

/** GET /api/v1/users/export: the user list as a file. */
export async function userExportRoutes(app: FastifyInstance, deps: AppDeps) {
  exportRoute(app, deps, '/api/v1/users/export', usersExport);
}
