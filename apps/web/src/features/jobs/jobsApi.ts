import type { Pagination } from '@plantops/contracts';
import { api } from '../../api/client';
import { toQuery } from '../../api/types';

export type RunStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'DEAD';
export const RUN_STATUSES: RunStatus[] = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'DEAD'];

export interface JobRun {
  id: string;
  jobName: string;
  status: RunStatus;
  attempts: number;
  maxAttempts: number;
  progress: number | null;
  scheduledFor: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  error: string | null;
  result: unknown;
}

export interface Job {
  name: string;
  description: string;
  schedule: string | null;
  enabled: boolean;
  nextRunAt: string | null;
  lastRun: JobRun | null;
  /** False for jobs that run only for a request (exports). */
  manualRun: boolean;
}

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
  list: () => api.get<{ jobs: Job[] }>('/api/v1/admin/jobs'),
  runs: (f: RunFilters) => api.get<{ runs: JobRun[]; pagination: Pagination }>(`/api/v1/admin/jobs/runs${toQuery({ ...f })}`),
  runNow: (name: string) => api.post<{ runId: string }>(`/api/v1/admin/jobs/${encodeURIComponent(name)}/run`),
};
