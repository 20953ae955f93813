import type { Database } from '../../../platform/db/database.js';
import { notFound, workflow } from '../../../platform/http/errors.js';
import type { JobRunner } from '../../../platform/jobs/job-runner.js';
import { listJobDefinitions } from './jobs.repo.js';

/** The definitions with their latest run; `manualRun` is false for request-only jobs (exports). */
export async function listJobs(db: Database, runner: JobRunner) {
  const requestOnly = new Set(runner.definitions().filter((d) => d.requestOnly).map((d) => d.name));
  return (await listJobDefinitions(db)).map((j) => ({ ...j, manualRun: !requestOnly.has(j.name) }));
}

/** Queues a run started by hand; a job that needs a request's payload cannot be. */
export async function queueManualRun(runner: JobRunner, name: string, triggeredBy: string): Promise<string> {
  const definition = runner.definitions().find((d) => d.name === name);
  if (!definition) throw notFound('Job');
  if (definition.requestOnly) throw workflow(`${definition.name} runs only for the requests that need it, not by hand`);
  return runner.enqueue(name, {}, { triggeredBy });
}
