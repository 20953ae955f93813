import type { JobRun, RunStatus } from './jobsApi';

const tone: Record<RunStatus, string> = {
  QUEUED: 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100',
  RUNNING: 'bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100',
  SUCCEEDED: 'bg-green-100 text-green-900 dark:bg-green-900 dark:text-green-100',
  FAILED: 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100',
  DEAD: 'bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100',
};

export function RunStatusBadge({ status }: { status: RunStatus }) {
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${tone[status]}`}>{status}</span>;
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export const formatTime = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

/** Progress (0–100) as the job reports it; nothing when it reports none. */
export function RunProgress({ run }: { run: JobRun }) {
  if (run.progress === null) return null;
  const pct = Math.max(0, Math.min(100, Math.round(run.progress)));
  return (
    <span className="inline-flex items-center gap-2">
      <progress className="h-2 w-20" max={100} value={pct} aria-label={`Progress of ${run.jobName}`} />
      <span className="text-xs">{pct}%</span>
    </span>
  );
}
