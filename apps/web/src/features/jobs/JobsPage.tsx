import { useState } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, PageTitle } from '../../ui/Card';
import { ErrorBanner, SuccessBanner } from '../../ui/ErrorBanner';
import { Pagination } from '../../ui/Pagination';
import { isActive, jobKeys, jobsApi, type RunFilters } from './jobsApi';
import { JobsTable } from './JobsTable';
import { RunFiltersBar } from './RunFiltersBar';
import { RunsTable } from './RunsTable';

const POLL_MS = 2_000;

/** Background jobs: definitions with their latest run, "Run now", and the run history (polled while runs are open). */
export function JobsPage() {
  const qc = useQueryClient();
  const [filters, setFilters] = useState<RunFilters>({ page: 1, limit: 20, jobName: '', status: '' });
  const [notice, setNotice] = useState<string | null>(null);

  const jobs = useQuery({
    queryKey: jobKeys.list,
    queryFn: jobsApi.list,
    refetchInterval: (q) => (q.state.data?.jobs.some((j) => isActive(j.lastRun)) ? POLL_MS : false),
  });
  const runs = useQuery({
    queryKey: jobKeys.runs(filters),
    queryFn: () => jobsApi.runs(filters),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.runs.some(isActive) ? POLL_MS : false),
  });

  const runNow = useMutation({
    mutationFn: jobsApi.runNow,
    onMutate: () => setNotice(null),
    onSuccess: async ({ runId }, name) => {
      setNotice(`Queued ${name} (run ${runId.slice(0, 8)}).`);
      await qc.invalidateQueries({ queryKey: jobKeys.all });
    },
  });

  return (
    <div className="space-y-6">
      <PageTitle>Jobs</PageTitle>
      <SuccessBanner>{notice}</SuccessBanner>
      <ErrorBanner error={runNow.error} title="The job could not be started." />
      <ErrorBanner error={jobs.error} title="The jobs could not be loaded." />
      {jobs.isPending ? <p>Loading jobs…</p> : null}
      {jobs.data ? (
        <JobsTable jobs={jobs.data.jobs} starting={runNow.isPending ? (runNow.variables ?? null) : null} onRun={(name) => runNow.mutate(name)} />
      ) : null}
      <Card title="Runs">
        <div className="space-y-4">
          <RunFiltersBar value={filters} jobNames={jobs.data?.jobs.map((j) => j.name) ?? []} onChange={(p) => setFilters((f) => ({ ...f, ...p }))} />
          <ErrorBanner error={runs.error} title="The runs could not be loaded." />
          {runs.isPending ? <p>Loading runs…</p> : null}
          {runs.data ? (
            <>
              <RunsTable runs={runs.data.runs} />
              <Pagination label="Job run pages" meta={runs.data.pagination} onPage={(page) => setFilters((f) => ({ ...f, page }))} />
            </>
          ) : null}
        </div>
      </Card>
    </div>
  );
}
