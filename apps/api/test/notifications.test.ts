import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissionsOf } from '@plantops/contracts';
import { inActorScope, type Actor } from '../src/platform/db/unit-of-work.js';
import { notify } from '../src/modules/core/notifications/notifications.service.js';
import { queueNotificationEmails } from '../src/modules/core/notifications/notification-sender.js';
import { bearer, createTestApp, expectError, json, login, type Session, type TestContext } from './harness.js';
import { startSmtpServer } from './smtp-server.js';

let t: TestContext;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let supervisor: Actor;
let tech: Session;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ env: { SMTP_URL: smtp.url } });
  const s = await login(t.app, 'supervisor@plantops.local');
  supervisor = { userId: s.user.id, email: s.user.email, role: 'SUPERVISOR', homeWarehouseId: s.user.warehouseId, warehouseId: s.user.warehouseId, allWarehouses: false, sessionId: s.sessionId, permissions: permissionsOf('SUPERVISOR') };
  tech = await login(t.app, 'technician@plantops.local');
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

/** A supervisor's use case notifies the technician, in its own RLS-scoped transaction. */
const notifyTech = (title: string, type: 'WO_ASSIGNED' | 'PM_DUE' = 'WO_ASSIGNED') =>
  inActorScope(t.db, supervisor, { requestId: 'test', ip: '127.0.0.1' }, (ctx) =>
    notify(ctx.tx, { userIds: [tech.user.id], warehouseId: supervisor.warehouseId, type, title, message: `${title} message`, link: '/work-orders/1' }),
  );

const list = (s: Session, query = '') => t.app.inject({ url: `/api/v1/notifications${query}`, headers: bearer(s) }).then((r) => json(r).data);

describe('notifications', () => {
  it('are listed for their recipient only, with an unread count and filter', async () => {
    await notifyTech('Pump P-101 assigned');
    const mine = await list(tech, '?unread=true');
    expect(mine.unreadCount).toBe(1);
    expect(mine.notifications[0]).toMatchObject({ type: 'WO_ASSIGNED', title: 'Pump P-101 assigned', read: false, link: '/work-orders/1' });
    const supervisorSession = await login(t.app, 'supervisor@plantops.local');
    expect((await list(supervisorSession)).notifications).toEqual([]);
  });

  it('are marked read one by one or all at once, only by their owner', async () => {
    await notifyTech('Second');
    const [first] = (await list(tech)).notifications;
    const other = await login(t.app, 'assembler@plantops.local');
    expectError(await t.app.inject({ method: 'PUT', url: `/api/v1/notifications/${first.id}/read`, headers: bearer(other) }), 404);
    const read = await t.app.inject({ method: 'PUT', url: `/api/v1/notifications/${first.id}/read`, headers: bearer(tech) });
    expect(json(read).data.read).toBe(true);
    const all = await t.app.inject({ method: 'PUT', url: '/api/v1/notifications/read-all', headers: bearer(tech) });
    expect(json(all).data.updated).toBeGreaterThanOrEqual(1);
    expect((await list(tech)).unreadCount).toBe(0);
  });

  it('stores preferences and validates them', async () => {
    const defaults = await list(tech, '/preferences');
    expect(defaults).toEqual({ inApp: true, email: true, types: {}, quietHours: null, timezone: 'UTC' });
    const put = (payload: object) => t.app.inject({ method: 'PUT', url: '/api/v1/notifications/preferences', headers: bearer(tech), payload });
    expectError(await put({ timezone: 'Nowhere/City' }), 422);
    expectError(await put({ quietHours: { start: '25:00', end: '07:00' } }), 422);
    // a type the technician's role never receives is refused, naming it (contracts' recipient table)
    const foreign = expectError(await put({ types: { PM_DUE: { inApp: false }, TASK_ASSIGNED: { email: false } } }), 422, 'VALIDATION_ERROR');
    expect(foreign.details).toEqual([expect.objectContaining({ field: 'types.TASK_ASSIGNED' })]);
    const saved = json(await put({ types: { PM_DUE: { inApp: false } } })).data;
    expect(saved.types).toEqual({ PM_DUE: { inApp: false } });
    // A type switched off in-app is not listed (its e-mail still follows the e-mail switch).
    await notifyTech('PM for compressor due', 'PM_DUE');
    expect((await list(tech)).notifications.some((n: { type: string }) => n.type === 'PM_DUE')).toBe(false);
  });
});

describe('notification sender', () => {
  it('delivers e-mail over SMTP, skips users who opted out, and retries a refused delivery', async () => {
    await t.db.query(`UPDATE notifications SET email_status = 'SKIPPED'`);
    await notifyTech('Mail me');
    const result = await queueNotificationEmails(t.db, 'http://plant.example');
    expect(result.queued).toBe(1);
    expect(await t.app.plantops.mail.deliverPending()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.data).toContain('Subject: PlantOps: Mail me');
    expect(smtp.received[0]!.to[0]).toContain('technician@plantops.local');
    expect(smtp.received[0]!.data).toContain('http://plant.example/work-orders/1');

    await t.app.inject({ method: 'PUT', url: '/api/v1/notifications/preferences', headers: bearer(tech), payload: { email: false } });
    await notifyTech('Do not mail me');
    expect(await queueNotificationEmails(t.db, 'http://plant.example')).toEqual({ queued: 0, skipped: 1 });

    await t.app.inject({ method: 'PUT', url: '/api/v1/notifications/preferences', headers: bearer(tech), payload: { email: true } });
    smtp.state.reject = true;
    await notifyTech('Retry me');
    await queueNotificationEmails(t.db, 'http://plant.example');
    expect(await t.app.plantops.mail.deliverPending()).toBe(0);
    const { rows } = await t.db.query<{ status: string; attempts: number; last_error: string }>(`SELECT status, attempts, last_error FROM mail_outbox WHERE subject = 'PlantOps: Retry me'`);
    expect(rows[0]).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(rows[0]!.last_error).toMatch(/451/);
    smtp.state.reject = false;
  });

  it('holds e-mail during quiet hours', async () => {
    await t.app.inject({ method: 'PUT', url: '/api/v1/notifications/preferences', headers: bearer(tech), payload: { quietHours: { start: '00:00', end: '23:59' }, timezone: 'UTC' } });
    await notifyTech('Quiet please');
    await queueNotificationEmails(t.db, 'http://plant.example');
    const { rows } = await t.db.query<{ next_attempt_at: Date }>(`SELECT next_attempt_at FROM mail_outbox WHERE subject = 'PlantOps: Quiet please'`);
    // Unless the test runs in the last minute of the UTC day, the mail waits until 23:59.
    if (new Date().getUTCHours() * 60 + new Date().getUTCMinutes() < 1439) {
      expect(new Date(rows[0]!.next_attempt_at).getTime()).toBeGreaterThan(Date.now());
    }
  });
});
