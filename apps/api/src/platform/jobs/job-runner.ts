import { hostname } from 'node:os';
import { Cron } from 'croner';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../db/database.js';
import type { JobDefinition } from './job-types.js';

export interface JobRunnerOptions {
  pollMs?: number;
  /** Base of the exponential retry back-off. */
  backoffBaseMs?: number;
  concurrency?: number;
  logger?: { error(obj: object, msg: string): void; info?(obj: object, msg: string): void };
}

interface ClaimedRun {
  id: string;
  job_name: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

const nextSlot = (schedule: string, after: Date) => new Cron(schedule, { timezone: 'UTC', paused: true }).nextRun(after);

/**
 * Runs jobs from PostgreSQL tables on PGlite and PostgreSQL alike, with any number of processes:
 * due scheduled slots are queued once (unique run_key), runs are claimed with FOR UPDATE SKIP
 * LOCKED under a lease, failures retry with exponential back-off and end DEAD after max attempts,
 * and a run whose process died is reclaimed when its lease expires.
 */
export class JobRunner {
  private readonly defs = new Map<string, JobDefinition>();
  private readonly workerId = `${hostname()}:${process.pid}:${uuidv7().slice(-6)}`;
  private timer: NodeJS.Timeout | undefined;
  private running = new Set<Promise<void>>();
  /** Set by stop(): no new claims. A runner that was never started can still tick() (tests). */
  private stopped = false;
  private ticking = false;

  constructor(private readonly db: Database, private readonly opts: JobRunnerOptions = {}) {}

  register(def: JobDefinition) {
    this.defs.set(def.name, def);
  }

  definitions() {
    return [...this.defs.values()];
  }

  /** Upserts definitions so the admin list and schedules live in the database. */
  async sync(): Promise<void> {
    for (const def of this.defs.values()) {
      const next = def.schedule ? nextSlot(def.schedule, new Date()) : null;
      await this.db.query(
        `INSERT INTO job_definitions (name, description, schedule, max_attempts, timeout_seconds, next_run_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (name) DO UPDATE SET description = EXCLUDED.description, max_attempts = EXCLUDED.max_attempts,
           timeout_seconds = EXCLUDED.timeout_seconds, updated_at = now(),
           next_run_at = CASE WHEN job_definitions.schedule IS DISTINCT FROM EXCLUDED.schedule
                              THEN EXCLUDED.next_run_at ELSE coalesce(job_definitions.next_run_at, EXCLUDED.next_run_at) END,
           schedule = EXCLUDED.schedule`,
        [def.name, def.description, def.schedule ?? null, def.maxAttempts ?? 5, def.timeoutSeconds ?? 300, next],
      );
    }
  }

  async start(): Promise<void> {
    await this.sync();
    this.stopped = false;
    const loop = async () => {
      if (this.stopped) return;
      await this.tick().catch((err) => this.opts.logger?.error({ err }, 'job runner tick failed'));
      if (!this.stopped) this.timer = setTimeout(loop, this.opts.pollMs ?? 1000);
    };
    this.timer = setTimeout(loop, 0);
  }

  /** Stops claiming and waits for running jobs to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    while (this.ticking || this.running.size) await Promise.allSettled([...this.running, new Promise((r) => setTimeout(r, 20))]);
  }

  /** Queues a run now (or at runAt); returns its id. */
  async enqueue(name: string, payload: Record<string, unknown> = {}, opts: { runAt?: Date; triggeredBy?: string } = {}): Promise<string> {
    const def = this.defs.get(name);
    if (!def) throw new Error(`Unknown job ${name}`);
    const id = uuidv7();
    await this.db.query(
      `INSERT INTO job_runs (id, job_name, payload, max_attempts, scheduled_for, triggered_by) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, name, JSON.stringify(payload), def.maxAttempts ?? 5, opts.runAt ?? new Date(), opts.triggeredBy ?? null],
    );
    return id;
  }

  /** One pass: queue due scheduled slots, then claim and run what is due. Exposed for tests. */
  async tick(): Promise<void> {
    this.ticking = true;
    try {
      await this.queueDueSchedules();
      const free = (this.opts.concurrency ?? 2) - this.running.size;
      for (let i = 0; i < free && !this.stopped; i++) {
        const run = await this.claim();
        if (!run) break;
        const p = this.execute(run).finally(() => this.running.delete(p));
        this.running.add(p);
      }
    } finally {
      this.ticking = false;
    }
  }

  /** Waits until every claimed run has finished (tests). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private async queueDueSchedules() {
    const { rows } = await this.db.query<{ name: string; schedule: string }>(
      `SELECT name, schedule FROM job_definitions WHERE enabled AND schedule IS NOT NULL AND next_run_at <= now()`,
    );
    for (const def of rows) {
      if (!this.defs.has(def.name)) continue;
      await this.db.transaction(async (tx) => {
        // Only the process that locks the still-due row moves next_run_at forward and queues the slot.
        const moved = await tx.query<{ slot: Date; max_attempts: number }>(
          `WITH due AS (SELECT name, next_run_at FROM job_definitions
                         WHERE name = $1 AND next_run_at <= now() FOR UPDATE SKIP LOCKED)
           UPDATE job_definitions d SET next_run_at = $2 FROM due WHERE d.name = due.name
           RETURNING due.next_run_at AS slot, d.max_attempts`,
          [def.name, nextSlot(def.schedule, new Date())],
        );
        const claimed = moved.rows[0];
        if (!claimed) return;
        await tx.query(
          `INSERT INTO job_runs (id, job_name, run_key, max_attempts, scheduled_for) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (run_key) DO NOTHING`,
          [uuidv7(), def.name, `${def.name}@${new Date(claimed.slot).toISOString()}`, claimed.max_attempts, claimed.slot],
        );
      });
    }
  }

  private async claim(): Promise<ClaimedRun | undefined> {
    const names = [...this.defs.keys()];
    const { rows } = await this.db.query<ClaimedRun>(
      `UPDATE job_runs r SET status = 'RUNNING', attempts = r.attempts + 1, locked_by = $1, started_at = now(),
         lease_until = now() + make_interval(secs => d.timeout_seconds)
        FROM job_definitions d
       WHERE d.name = r.job_name AND r.id = (
         SELECT id FROM job_runs
          WHERE job_name = ANY($2::text[])
            AND ((status = 'QUEUED' AND scheduled_for <= now()) OR (status = 'RUNNING' AND lease_until < now()))
          ORDER BY scheduled_for LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING r.id, r.job_name, r.payload, r.attempts, r.max_attempts`,
      [this.workerId, names],
    );
    return rows[0];
  }

  private async execute(run: ClaimedRun): Promise<void> {
    const def = this.defs.get(run.job_name)!;
    const started = Date.now();
    try {
      const result = await def.handler({
        db: this.db,
        runId: run.id,
        payload: run.payload ?? {},
        attempt: run.attempts,
        progress: async (percent) => {
          await this.db.query(`UPDATE job_runs SET progress = $2 WHERE id = $1`, [run.id, Math.max(0, Math.min(100, Math.round(percent)))]);
        },
      });
      await this.db.query(
        `UPDATE job_runs SET status = 'SUCCEEDED', finished_at = now(), duration_ms = $2, result = $3, progress = 100,
           error = NULL, lease_until = NULL WHERE id = $1`,
        [run.id, Date.now() - started, JSON.stringify(result ?? null)],
      );
    } catch (err) {
      const dead = run.attempts >= run.max_attempts;
      const delayMs = (this.opts.backoffBaseMs ?? 5000) * 2 ** (run.attempts - 1);
      this.opts.logger?.error({ err, job: run.job_name, runId: run.id, attempt: run.attempts }, 'job failed');
      await this.db.query(
        `UPDATE job_runs SET status = $2, finished_at = now(), duration_ms = $3, error = $4, lease_until = NULL,
           scheduled_for = CASE WHEN $2 = 'QUEUED' THEN now() + make_interval(secs => $5::double precision) ELSE scheduled_for END
         WHERE id = $1`,
        [run.id, dead ? 'DEAD' : 'QUEUED', Date.now() - started, String((err as Error)?.message ?? err).slice(0, 2000), delayMs / 1000],
      );
    }
  }
}
