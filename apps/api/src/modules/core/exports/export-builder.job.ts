import { permissionsOf, type Role } from '@plantops/contracts';
import type { Database } from '../../../platform/db/database.js';
import { inActorScope, type Actor } from '../../../platform/db/unit-of-work.js';
import { exportContentType, exportFileName, renderExport, rowCapFor, type ExportFormat } from '../../../platform/exports/index.js';
import type { JobDefinition } from '../../../platform/jobs/job-types.js';
import type { FileStorage } from '../../../platform/storage/file-storage.js';
import { notify } from '../notifications/notifications.service.js';
import { EXPORTABLE_LISTS } from './exports.registry.js';

export interface ExportJobPayload {
  list: string;
  format: ExportFormat;
  filters: Record<string, unknown>;
  userId: string;
  warehouseId: string;
  allWarehouses: boolean;
}

export interface ExportJobResult {
  key: string;
  fileName: string;
  contentType: string;
  rows: number;
  truncated: boolean;
}

const PAGE_SIZE = 500;
export const exportKey = (runId: string, format: ExportFormat) => `exports/${runId}.${format}`;

/** Re-reads the requester so that a role change or deactivation since the request is honoured. */
async function loadActor(db: Database, p: ExportJobPayload, runId: string): Promise<Actor> {
  const { rows } = await db.query<{ email: string; role: Role; warehouse_id: string; active: boolean }>(
    `SELECT email, role, warehouse_id, active FROM profiles WHERE id = $1`,
    [p.userId],
  );
  const u = rows[0];
  if (!u?.active) throw new Error('The requesting user no longer exists or is inactive');
  const crossSite = u.role === 'ADMIN' || u.role === 'MANAGER';
  return {
    userId: p.userId, email: u.email, role: u.role, homeWarehouseId: u.warehouse_id,
    warehouseId: crossSite ? p.warehouseId : u.warehouse_id, allWarehouses: crossSite && p.allWarehouses,
    sessionId: `job:${runId}`, permissions: permissionsOf(u.role),
  };
}

/**
 * Builds a large export page by page as the requester (row-level security applies), reporting
 * progress between pages, stores the file and notifies the requester when it is ready.
 */
export function exportBuilderJob(db: Database, storage: FileStorage): JobDefinition {
  return {
    name: 'export-builder',
    description: 'Builds CSV/XLSX/PDF exports of large lists in the background, with progress, and notifies the requester',
    maxAttempts: 2,
    timeoutSeconds: 600,
    requestOnly: true,
    async handler(ctx): Promise<ExportJobResult> {
      const p = ctx.payload as unknown as ExportJobPayload;
      const list = EXPORTABLE_LISTS[p.list];
      if (!list) throw new Error(`Unknown export ${p.list}`);
      const actor = await loadActor(db, p, ctx.runId);
      if (!list.access.some((perm) => actor.permissions.includes(perm))) throw new Error('The requester may no longer export this list');
      const filters = list.filters.parse(p.filters);
      const cap = rowCapFor(p.format);
      const meta = { requestId: `job:${ctx.runId}`, ip: 'job' };
      const rows: unknown[] = [];
      let truncated = false;
      // One transaction per page keeps progress writes outside it (PGlite has a single connection).
      for (let page = 1; ; page += 1) {
        const batch = await inActorScope(db, actor, meta, (c) => list.fetchPage(c, filters, page, PAGE_SIZE));
        rows.push(...batch.rows);
        await ctx.progress((Math.min(rows.length, cap) / Math.max(1, Math.min(batch.total, cap))) * 95);
        if (rows.length >= cap) {
          truncated = batch.total > cap;
          rows.length = cap;
          break;
        }
        if (batch.rows.length < PAGE_SIZE) break;
      }
      await inActorScope(db, actor, meta, async (c) => list.afterRead?.(c, rows.length, p.format));
      const body = await renderExport(p.format, { title: list.title, columns: list.columns, rows, truncated });
      const key = exportKey(ctx.runId, p.format);
      await storage.put(key, Buffer.isBuffer(body) ? body : Buffer.from(body));
      const fileName = exportFileName(list.filename, p.format);
      await db.transaction((tx) =>
        notify(tx, {
          userIds: [p.userId], warehouseId: actor.homeWarehouseId, type: 'EXPORT_READY', title: `${list.title} export is ready`,
          message: `${rows.length} rows as ${p.format.toUpperCase()}${truncated ? ` (cut at ${cap})` : ''}.`, link: `/api/v1/exports/${ctx.runId}/download`,
          data: { exportId: ctx.runId },
        }),
      );
      return { key, fileName, contentType: exportContentType(p.format), rows: rows.length, truncated };
    },
  };
}
