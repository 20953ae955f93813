import { Button } from '../../ui/Button';
import { DataTable } from '../../ui/DataTable';
import { isActive, type Job } from './jobsApi';
import { formatDuration, formatTime, RunStatusBadge } from './runFormat';

interface Props {
  jobs: Job[];
  starting: string | null;
  onRun: (name: string) => void;
}

export function JobsTable({ jobs, starting, onRun }: Props) {
  return (
    <DataTable<Job>
      caption="Jobs"
      rows={jobs}
      rowKey={(j) => j.name}
      empty="No jobs are defined."
      tableFrom="4xl"
      columns={[
        {
          header: 'Job',
          primary: true,
          cell: (j) => (
            <>
              <span className="font-mono font-medium" data-testid="job-name">{j.name}</span>
              <span className="block max-w-md text-xs text-slate-600 dark:text-slate-400">{j.description}</span>
            </>
          ),
        },
        {
          header: 'Schedule',
          cell: (j) => (
            <>
              <span className="font-mono text-xs">{j.schedule ?? 'on demand'}</span>
              {j.enabled ? null : <span className="block text-xs text-amber-700 dark:text-amber-400">disabled</span>}
            </>
          ),
        },
        { header: 'Next run', cell: (j) => formatTime(j.nextRunAt) },
        {
          header: 'Last run',
          cell: (j) =>
            j.lastRun ? (
              <span className="space-y-1">
                <RunStatusBadge status={j.lastRun.status} />
                <span className="block text-xs">{formatTime(j.lastRun.finishedAt ?? j.lastRun.startedAt ?? j.lastRun.scheduledFor)}</span>
                <span className="block text-xs">{formatDuration(j.lastRun.durationMs)}</span>
              </span>
            ) : (
              'Never'
            ),
        },
        {
          header: 'Actions',
          bare: true,
          cell: (j) =>
            j.manualRun ? (
              <Button variant="secondary" busy={starting === j.name} disabled={isActive(j.lastRun)} onClick={() => onRun(j.name)}>
                Run now<span className="sr-only"> {j.name}</span>
              </Button>
            ) : (
              <span className="text-xs">Runs on request</span>
            ),
        },
      ]}
    />
  );
}
