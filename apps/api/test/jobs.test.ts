import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRunner } from '../src/platform/jobs/job-runner.js';
import { bearer, createTestApp, expectError, json, login, type TestContext } from './harness.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function runUntil(runner: JobRunner, done: () => Promise<boolean>, maxTicks = 50) {
  for (let i = 0; i < maxTicks && !(await done()); i++) {
    await runner.tick();
    await runner.drain();
    await new Promise((r) => setTimeout(r, 5));
  }
}

const runOf = async (id: string) =>
  (await t.db.query<{ status: string; attempts: number; error: string | null; result: unknown }>(`SELECT status, attempts, error, result FROM job_runs WHERE id = $1`, [id])).rows[0]!;

describe('job runner', () => {
  it('retries a throwing job with back-off and then dead-letters it', async () => {
    const runner = new JobRunner(t.db, { backoffBaseMs: 1 });
    let calls = 0;
    runner.register({ name: 'always-fails', description: 'test', maxAttempts: 3, handler: async () => { calls += 1; throw new Error(`boom ${calls}`); } });
    await runner.sync();
    const id = await runner.enqueue('always-fails');
    await runUntil(runner, async () => (await runOf(id)).status === 'DEAD');
    expect(await runOf(id)).toMatchObject({ status: 'DEAD', attempts: 3, error: 'boom 3' });
    expect(calls).toBe(3);
  });

  it('runs a job that succeeds once, recording its result', async () => {
    const runner = new JobRunner(t.db);
    runner.register({ name: 'adds', description: 'test', handler: async (ctx) => ({ sum: (ctx.payload.a as number) + 2 }) });
    await runner.sync();
    const id = await runner.enqueue('adds', { a: 40 });
    await runUntil(runner, async () => (await runOf(id)).status === 'SUCCEEDED');
    expect(await runOf(id)).toMatchObject({ status: 'SUCCEEDED', attempts: 1, result: { sum: 42 } });
  });

  it('does not run a delayed job before its time', async () => {
    const runner = new JobRunner(t.db);
    let ran = false;
    runner.register({ name: 'later', description: 'test', handler: async () => { ran = true; } });
    await runner.sync();
    const id = await runner.enqueue('later', {}, { runAt: new Date(Date.now() + 3_600_000) });
    await runner.tick();
    await runner.drain();
    expect(ran).toBe(false);
    expect((await runOf(id)).status).toBe('QUEUED');
  });

  it('queues a due scheduled slot once even when two runners tick together', async () => {
    let runs = 0;
    const make = () => {
      const r = new JobRunner(t.db);
      r.register({ name: 'every-minute', description: 'test', schedule: '* * * * *', handler: async () => { runs += 1; } });
      return r;
    };
    const a = make();
    const b = make();
    await a.sync();
    await b.sync();
    await t.db.query(`UPDATE job_definitions SET next_run_at = now() - interval '1 second' WHERE name = 'every-minute'`);
    await Promise.all([a.tick(), b.tick()]);
    await Promise.all([a.drain(), b.drain()]);
    await Promise.all([a.tick(), b.tick()]);
    await Promise.all([a.drain(), b.drain()]);
    expect(runs).toBe(1);
    const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM job_runs WHERE job_name = 'every-minute'`);
    expect(rows[0]!.n).toBe(1);
    const next = await t.db.query<{ next_run_at: Date }>(`SELECT next_run_at FROM job_definitions WHERE name = 'every-minute'`);
    expect(new Date(next.rows[0]!.next_run_at).getTime()).toBeGreaterThan(Date.now());
  });

  it('reclaims a run whose lease expired (its process died)', async () => {
    const runner = new JobRunner(t.db);
    let ran = 0;
    runner.register({ name: 'orphaned', description: 'test', handler: async () => { ran += 1; } });
    await runner.sync();
    const id = await runner.enqueue('orphaned');
    await t.db.query(`UPDATE job_runs SET status = 'RUNNING', attempts = 1, lease_until = now() - interval '1 minute' WHERE id = $1`, [id]);
    await runUntil(runner, async () => (await runOf(id)).status === 'SUCCEEDED');
    expect(ran).toBe(1);
    expect((await runOf(id)).attempts).toBe(2);
  });

  it('stop() waits for a running job to finish', async () => {
    const runner = new JobRunner(t.db, { pollMs: 10 });
    let finished = false;
    runner.register({ name: 'slow', description: 'test', handler: async () => { await new Promise((r) => setTimeout(r, 200)); finished = true; } });
    await runner.start();
    await runner.enqueue('slow');
    await expect.poll(async () => (await t.db.query(`SELECT 1 FROM job_runs WHERE job_name = 'slow' AND status = 'RUNNING'`)).rows.length).toBe(1);
    await runner.stop();
    expect(finished).toBe(true);
  });
});

describe('jobs admin API', () => {
  it('lists definitions, runs one by hand and shows its run', async () => {
    await t.app.plantops.jobs.sync();
    const admin = await login(t.app, 'admin@plantops.local');
    const defs = json(await t.app.inject({ url: '/api/v1/admin/jobs', headers: bearer(admin) })).data.jobs;
    expect(defs.map((d: { name: string }) => d.name)).toEqual(expect.arrayContaining(['notification-sender', 'audit-processor', 'metrics-aggregator']));
    expect(defs.find((d: { name: string }) => d.name === 'audit-processor').schedule).toBe('15 2 * * *');

    const started = await t.app.inject({ method: 'POST', url: '/api/v1/admin/jobs/metrics-aggregator/run', headers: bearer(admin) });
    expect(started.statusCode).toBe(202);
    const runId = json(started).data.runId;
    await runUntil(t.app.plantops.jobs, async () => (await runOf(runId)).status === 'SUCCEEDED');
    const runs = json(await t.app.inject({ url: '/api/v1/admin/jobs/runs?jobName=metrics-aggregator', headers: bearer(admin) })).data.runs;
    expect(runs[0]).toMatchObject({ id: runId, status: 'SUCCEEDED', jobName: 'metrics-aggregator' });
    expect(runs[0].durationMs).toBeGreaterThanOrEqual(0);
    const { rows } = await t.db.query(`SELECT value FROM metrics_snapshots WHERE metric = 'users.active_by_role'`);
    expect(rows.length).toBe(2);

    expectError(await t.app.inject({ method: 'POST', url: '/api/v1/admin/jobs/nope/run', headers: bearer(admin) }), 404);
    const manager = await login(t.app, 'manager@plantops.local');
    expectError(await t.app.inject({ url: '/api/v1/admin/jobs', headers: bearer(manager) }), 403);
  });

  it('the audit processor summarises security events and alerts admins', async () => {
    for (let i = 0; i < 5; i++) await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'contractor@plantops.local', password: `bad-${i}-password` } });
    const result = await (await import('../src/modules/core/audit/audit-processor.js')).processAudit(t.db);
    expect(result.summary.SECURITY_ACCOUNT_LOCKED).toBe(1);
    const admin = await login(t.app, 'admin@plantops.local');
    const list = json(await t.app.inject({ url: '/api/v1/notifications?unread=true', headers: bearer(admin) })).data;
    expect(list.notifications.some((n: { type: string }) => n.type === 'SECURITY_ALERT')).toBe(true);
  });
});
