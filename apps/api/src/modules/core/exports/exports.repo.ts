import type { Queryable } from '../../../platform/db/database.js';
import { toIso } from '../../../platform/http/envelope.js';
import type { ExportJobPayload, ExportJobResult } from './export-builder.job.js';

export interface ExportRun {
  id: string;
  status: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'DEAD';
  progress: number | null;
  payload: ExportJobPayload;
  result: ExportJobResult | null;
  error: string | null;
  created_at: Date;
}

/** Only the requester sees an export: it carries what their access allowed at the time. */
export async function findOwnExport(q: Queryable, userId: string, id: string): Promise<ExportRun | undefined> {
  const { rows } = await q.query<ExportRun>(
    `SELECT id, status, progress, payload, result, error, created_at FROM job_runs
      WHERE id = $1 AND job_name = 'export-builder' AND triggered_by = $2`,
    [id, userId],
  );
  return rows[0];
}

/** What the client sees of an export run; the storage key stays inside. */
export const exportStatus = (run: ExportRun) => ({
  id: run.id, list: run.payload.list, format: run.payload.format, status: run.status, progress: run.progress,
  rows: run.result?.rows ?? null, truncated: run.result?.truncated ?? null, fileName: run.result?.fileName ?? null,
  downloadUrl: run.status === 'SUCCEEDED' ? `/api/v1/exports/${run.id}/download` : null,
  error: run.status === 'DEAD' || run.status === 'FAILED' ? run.error : null, createdAt: toIso(run.created_at) ?? '',
});
