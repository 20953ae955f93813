import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, expectError, json, login, type Session, type TestContext } from './harness.js';

let t: TestContext;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin@plantops.local');
});
afterAll(async () => t?.close());

const start = (s: Session, payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/exports', headers: bearer(s), payload });
const status = (s: Session, id: string) => t.app.inject({ url: `/api/v1/exports/${id}`, headers: bearer(s) });

async function runJobsUntil(done: () => Promise<boolean>) {
  for (let i = 0; i < 50 && !(await done()); i++) {
    await t.app.plantops.jobs.tick();
    await t.app.plantops.jobs.drain();
  }
}

describe('background exports', () => {
  it('builds a large export as a job with progress, then lets only its requester download it', async () => {
    const res = await start(admin, { list: 'users', format: 'csv', filters: { role: 'TECHNICIAN' } });
    expect(res.statusCode).toBe(202);
    const queued = json(res).data;
    expect(queued).toMatchObject({ list: 'users', format: 'csv', status: 'QUEUED', downloadUrl: null });

    await runJobsUntil(async () => json(await status(admin, queued.id)).data.status === 'SUCCEEDED');
    const done = json(await status(admin, queued.id)).data;
    expect(done).toMatchObject({ status: 'SUCCEEDED', progress: 100, rows: 2, truncated: false, downloadUrl: `/api/v1/exports/${queued.id}/download` });
    expect(done.fileName).toMatch(/^users-\d{4}-\d{2}-\d{2}\.csv$/);

    const file = await t.app.inject({ url: done.downloadUrl, headers: bearer(admin) });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toMatch(/text\/csv/);
    const lines = file.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^Email,/);
    expect(lines).toHaveLength(3);
    expect(file.body).toContain('technician-north@plantops.local');

    const manager = await login(t.app, 'manager@plantops.local');
    expectError(await status(manager, queued.id), 404);
    expectError(await t.app.inject({ url: done.downloadUrl, headers: bearer(manager) }), 404);

    const notes = json(await t.app.inject({ url: '/api/v1/notifications?type=EXPORT_READY', headers: bearer(admin) })).data.notifications;
    expect(notes[0]).toMatchObject({ type: 'EXPORT_READY', data: { exportId: queued.id } });
  });

  it('exports as the requester: row-level security scopes a manager to what they may see', async () => {
    const manager = await login(t.app, 'manager@plantops.local');
    const id = json(await start(manager, { list: 'users', format: 'xlsx', filters: {} })).data.id;
    await runJobsUntil(async () => json(await status(manager, id)).data.status === 'SUCCEEDED');
    expect(json(await status(manager, id)).data.rows).toBe(12);
    const file = await t.app.inject({ url: `/api/v1/exports/${id}/download`, headers: bearer(manager) });
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses unknown lists, bad filters, and lists the caller may not export', async () => {
    expectError(await start(admin, { list: 'secrets', format: 'csv' }), 422);
    const bad = expectError(await start(admin, { list: 'users', format: 'csv', filters: { role: 'KING' } }), 422);
    expect(bad.details?.[0]?.field).toBe('filters.role');
    expectError(await start(admin, { list: 'users', format: 'docx' }), 422);
    const tech = await login(t.app, 'technician@plantops.local');
    expectError(await start(tech, { list: 'users', format: 'csv' }), 403);
    const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM job_runs WHERE job_name = 'export-builder'`);
    expect(rows[0]!.n).toBe(2);
  });

  it('says when an export is not ready yet', async () => {
    const id = json(await start(admin, { list: 'audit-logs', format: 'pdf' })).data.id;
    expectError(await t.app.inject({ url: `/api/v1/exports/${id}/download`, headers: bearer(admin) }), 409, 'BUSINESS_WORKFLOW_ERROR');
  });
});
