import type { Database } from '../db/database.js';

export interface JobContext {
  db: Database;
  runId: string;
  payload: Record<string, unknown>;
  attempt: number;
  /** Records progress (0-100) visible in the jobs admin while the job runs. */
  progress(percent: number): Promise<void>;
}

export interface JobDefinition {
  name: string;
  description: string;
  /** Cron expression (croner syntax, UTC); omit for jobs that only run when enqueued. */
  schedule?: string;
  maxAttempts?: number;
  timeoutSeconds?: number;
  /** Runs only for a request that carries its payload (an export); nobody starts it by hand. */
  requestOnly?: boolean;
  handler(ctx: JobContext): Promise<unknown>;
}
