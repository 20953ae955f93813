import { z } from 'zod';
import { paginationSchema } from '../api.js';

/**
 * Response shapes of the jobs admin (/api/v1/admin/jobs): the API validates and documents its
 * responses with these, the web app takes its types from them with `import type`.
 */

export const JOB_RUN_STATUSES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'DEAD'] as const;
export const jobRunStatusSchema = z.enum(JOB_RUN_STATUSES);
export type JobRunStatus = z.infer<typeof jobRunStatusSchema>;

export const jobRunSchema = z.object({
  id: z.string(),
  jobName: z.string(),
  status: jobRunStatusSchema,
  attempts: z.number(),
  maxAttempts: z.number(),
  progress: z.number().nullable(),
  scheduledFor: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  error: z.string().nullable(),
  result: z.unknown().nullable(),
});
export type JobRun = z.infer<typeof jobRunSchema>;

export const jobSchema = z.object({
  name: z.string(),
  description: z.string(),
  schedule: z.string().nullable(),
  enabled: z.boolean(),
  nextRunAt: z.string().nullable(),
  lastRun: jobRunSchema.nullable(),
  /** False for jobs that run only for a request (exports). */
  manualRun: z.boolean(),
});
export type Job = z.infer<typeof jobSchema>;

/** GET /api/v1/admin/jobs. */
export const jobListSchema = z.object({ jobs: z.array(jobSchema) });
export type JobList = z.infer<typeof jobListSchema>;

/** GET /api/v1/admin/jobs/runs. */
export const jobRunListSchema = z.object({ runs: z.array(jobRunSchema), pagination: paginationSchema });
export type JobRunList = z.infer<typeof jobRunListSchema>;

/** POST /api/v1/admin/jobs/:name/run (202). */
export const jobRunQueuedSchema = z.object({ runId: z.string() });
export type JobRunQueued = z.infer<typeof jobRunQueuedSchema>;
