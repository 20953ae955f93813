import type { JobList, JobRun, JobRunList, JobRunQueued, JobRunStatus } from '@plantops/contracts/responses/jobs';
import { api } from '../../api/client';
import { toQuery } from '../../api/types';

/* Response shapes come from the API's own schemas (packages/contracts/src/responses/jobs.ts). */
export type { Job, JobRun } from '@plantops/contracts/responses/jobs';
export type RunStatus = JobRunStatus;
/** The status filter's choices, in the contract's order (checked against it by the compiler). */
export const RUN_STATUSES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'DEAD'] as const satisfies readonly RunStatus[];

export interface RunFilters {
  page: number;
  limit: number;
  jobName: string;
  status: RunStatus | '';
}

export const isActive = (r: Pick<JobRun, 'status'> | null | undefined) => r?.status === 'QUEUED' || r?.status === 'RUNNING';

export const jobKeys = {
  all: ['jobs'] as const,
  list: ['jobs', 'list'] as const,
  runs: (f: RunFilters) => ['jobs', 'runs', f] as const,
};

export const jobsApi = {
  list: () => api.get<JobList>('/api/v1/admin/jobs'),
  runs: (f: RunFilters) => api.get<JobRunList>(`/api/v1/admin/jobs/runs${toQuery({ ...f })}`),
  runNow: (name: string) => api.post<JobRunQueued>(`/api/v1/admin/jobs/${encodeURIComponent(name)}/run`),
};
