import { Table } from '../../ui/Table';
import type { JobRun } from './jobsApi';
import { formatDuration, formatTime, RunProgress, RunStatusBadge } from './runFormat';

export function RunsTable({ runs }: { runs: JobRun[] }) {
  return (
    <Table<JobRun>
      caption="Job runs"
      rows={runs}
      rowKey={(r) => r.id}
      empty="No runs match these filters."
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
        { header: 'Attempts', cell: (r) => `${r.attempts} / ${r.maxAttempts}`, className: 'hidden md:table-cell' },
        { header: 'Scheduled', cell: (r) => formatTime(r.scheduledFor), className: 'hidden lg:table-cell' },
        { header: 'Started', cell: (r) => formatTime(r.startedAt), className: 'hidden md:table-cell' },
        { header: 'Duration', cell: (r) => formatDuration(r.durationMs) },
      ]}
    />
  );
}
