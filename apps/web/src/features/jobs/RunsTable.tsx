import { DataTable } from '../../ui/DataTable';
import type { JobRun } from './jobsApi';
import { formatDuration, formatTime, RunProgress, RunStatusBadge } from './runFormat';

export function RunsTable({ runs }: { runs: JobRun[] }) {
  return (
    <DataTable<JobRun>
      caption="Job runs"
      rows={runs}
      rowKey={(r) => r.id}
      empty="No runs match these filters."
      tableFrom="3xl"
      expanded={(r) =>
        r.error ? (
          <p className="whitespace-pre-wrap break-words font-mono text-xs text-red-800 dark:text-red-300" data-testid={`run-error-${r.id}`}>
            {r.error}
          </p>
        ) : null
      }
      columns={[
        {
          header: 'Job',
          primary: true,
          cell: (r) => (
            <span data-testid={`run-${r.id}`} data-status={r.status} className="font-mono">
              {r.jobName}
            </span>
          ),
        },
        {
          header: 'Status',
          cell: (r) => (
            <span className="flex flex-wrap items-center gap-2">
              <RunStatusBadge status={r.status} />
              <RunProgress run={r} />
            </span>
          ),
        },
        { header: 'Attempts', cell: (r) => `${r.attempts} / ${r.maxAttempts}` },
        { header: 'Scheduled', cell: (r) => formatTime(r.scheduledFor) },
        { header: 'Started', cell: (r) => formatTime(r.startedAt) },
        { header: 'Duration', cell: (r) => formatDuration(r.durationMs) },
      ]}
    />
  );
}
