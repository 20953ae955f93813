import { warehouseExists } from '../warehouses/warehouses.service.js';
import type { Database } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/db/unit-of-work.js';
import type { ExportFormat } from '../../../platform/exports/index.js';
import { AppError, forbidden, notFound, validation } from '../../../platform/http/errors.js';
import type { JobRunner } from '../../../platform/jobs/job-runner.js';
import type { FileStorage } from '../../../platform/storage/file-storage.js';
import type { ExportJobPayload } from './export-builder.job.js';
import { EXPORTABLE_LISTS } from './exports.registry.js';
import { findOwnExport, type ExportRun } from './exports.repo.js';

export async function loadOwnExport(db: Database, actor: Actor, id: string): Promise<ExportRun> {
  const run = await findOwnExport(db, actor.userId, id);
  if (!run) throw notFound('Export');
  return run;
}

/** Checks the list, the caller's right to export it and the filters, then queues the export job. */
export async function startExport(
  deps: { db: Database; jobs: JobRunner },
  actor: Actor,
  input: { list: string; format: ExportFormat; filters: Record<string, unknown> },
): Promise<ExportRun> {
  // Own keys only: "constructor" or "__proto__" must not find Object's built-ins.
  const list = Object.hasOwn(EXPORTABLE_LISTS, input.list) ? EXPORTABLE_LISTS[input.list] : undefined;
  if (!list) throw validation('Unknown list', [{ field: 'list', message: `One of: ${Object.keys(EXPORTABLE_LISTS).join(', ')}`, code: 'INVALID_VALUE' }]);
  if (!list.access.some((p) => actor.permissions.includes(p))) throw forbidden();
  const parsed = list.filters.safeParse(input.filters);
  if (!parsed.success) {
    throw new AppError(422, 'VALIDATION_ERROR', 'Invalid export filters', parsed.error.issues.map((i) => ({ field: `filters.${i.path.join('.')}`, message: i.message, code: 'INVALID_VALUE' })));
  }
  // The job runs later as this actor: a picked site that does not exist is refused now, not then.
  if (!(await warehouseExists(deps.db, actor.warehouseId))) throw validation('Unknown warehouse', [{ field: 'X-Warehouse-Id', message: 'Warehouse not found', code: 'INVALID_REFERENCE' }]);
  const payload: ExportJobPayload = { list: list.name, format: input.format, filters: input.filters, userId: actor.userId, warehouseId: actor.warehouseId, allWarehouses: actor.allWarehouses };
  const id = await deps.jobs.enqueue('export-builder', payload as unknown as Record<string, unknown>, { triggeredBy: actor.userId });
  return loadOwnExport(deps.db, actor, id);
}

/** The finished file of one's own export. */
export async function openExportFile(db: Database, storage: FileStorage, actor: Actor, id: string) {
  const run = await loadOwnExport(db, actor, id);
  if (run.status !== 'SUCCEEDED' || !run.result) throw new AppError(409, 'BUSINESS_WORKFLOW_ERROR', `The export is ${run.status.toLowerCase()}, not ready`);
  if (!(await storage.exists(run.result.key))) throw notFound('Export file');
  return { fileName: run.result.fileName, contentType: run.result.contentType, stream: storage.read(run.result.key) };
}
