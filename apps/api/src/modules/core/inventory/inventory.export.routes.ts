import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../app-deps.js';
import { exportRoute } from '../../../platform/exports/index.js';
import { inventorySearchExport, lowStockExport } from './inventory.exportable.js';

/** CSV/XLSX/PDF downloads of the inventory lists. */
export async function inventoryExportRoutes(app: FastifyInstance, deps: AppDeps) {
  exportRoute(app, deps, '/api/v1/inventory/low-stock/export', lowStockExport);
  exportRoute(app, deps, '/api/v1/inventory/search/export', inventorySearchExport);
}
