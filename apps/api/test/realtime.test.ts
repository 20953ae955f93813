import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import WebSocket from 'ws';
import { permissionsOf } from '@plantops/contracts';
import { inActorScope, type Actor } from '../src/platform/db/unit-of-work.js';
import { publish } from '../src/platform/realtime/publish.js';
import { notify } from '../src/modules/core/notifications/notifications.service.js';
import { bearer, createTestApp, expectError, login, type Session, type TestContext } from './harness.js';

let t: TestContext;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  base = (await t.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
});
afterAll(async () => t?.close());

interface Client {
  ws: WebSocket;
  messages: any[];
  next(predicate: (m: any) => boolean, timeoutMs?: number): Promise<any>;
  close(): void;
}

async function connect(token: string | undefined, viaHeader = false): Promise<Client> {
  const url = `${base}/api/v1/realtime${token && !viaHeader ? `?token=${encodeURIComponent(token)}` : ''}`;
  const ws = new WebSocket(url, viaHeader && token ? { headers: { authorization: `Bearer ${token}` } } : {});
  const messages: any[] = [];
  const waiters: { predicate: (m: any) => boolean; resolve: (m: any) => void }[] = [];
  ws.on('message', (raw) => {
    const m = JSON.parse(String(raw));
    messages.push(m);
    for (const w of [...waiters]) {
      if (!w.predicate(m)) continue;
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(m);
    }
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { statusCode: res.statusCode })));
    ws.once('error', reject);
  });
  return {
    ws,
    messages,
    next: (predicate, timeoutMs = 3000) =>
      new Promise((resolve, reject) => {
        const found = messages.find(predicate);
        if (found) return resolve(found);
        const timer = setTimeout(() => reject(new Error(`timed out; got ${JSON.stringify(messages)}`)), timeoutMs);
        waiters.push({ predicate, resolve: (m) => (clearTimeout(timer), resolve(m)) });
      }),
    close: () => ws.close(),
  };
}

const subscribe = async (c: Client, channels: string[], lastEventId?: number) => {
  c.ws.send(JSON.stringify({ type: 'subscribe', channels, ...(lastEventId !== undefined ? { lastEventId } : {}) }));
  return c.next((m) => m.type === 'subscribed');
};

const actorOf = (s: Session): Actor => ({ userId: s.user.id, email: s.user.email, role: s.user.role as Actor['role'], homeWarehouseId: s.user.warehouseId, warehouseId: s.user.warehouseId, allWarehouses: false, sessionId: s.sessionId, permissions: permissionsOf(s.user.role as Actor['role']) });
const meta = { requestId: 'rt', ip: '127.0.0.1' };

describe('real-time WebSocket', () => {
  it('refuses a connection without a token, or with a bad or expired one, before the upgrade', async () => {
    await expect(connect(undefined)).rejects.toMatchObject({ statusCode: 401 });
    await expect(connect('not-a-jwt')).rejects.toMatchObject({ statusCode: 401 });
    const s = await login(t.app, 'technician@plantops.local');
    const claims = JSON.parse(Buffer.from(s.token.split('.')[1]!, 'base64url').toString());
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ role: claims.role, wid: claims.wid, sid: claims.sid })
      .setProtectedHeader({ alg: 'HS256' }).setSubject(claims.sub).setIssuer('plantops').setAudience('plantops-api')
      .setIssuedAt(now - 3600).setExpirationTime(now - 60).sign(new TextEncoder().encode(t.jwtSecret));
    await expect(connect(expired)).rejects.toMatchObject({ statusCode: 401 });
  });

  it('pushes a committed notification to its recipient only, and nothing for a rolled-back one', async () => {
    const tech = await login(t.app, 'technician@plantops.local');
    const other = await login(t.app, 'assembler@plantops.local');
    const supervisor = await login(t.app, 'supervisor@plantops.local');
    const a = await connect(tech.token);
    const b = await connect(other.token, true);
    await subscribe(a, ['notifications']);
    await subscribe(b, ['notifications']);

    await inActorScope(t.db, actorOf(supervisor), meta, async (ctx) => {
      await notify(ctx.tx, { userIds: [tech.user.id], warehouseId: tech.user.warehouseId, type: 'SYSTEM', title: 'rolled back', message: 'never sent' });
      throw new Error('abort');
    }).catch(() => undefined);
    await inActorScope(t.db, actorOf(supervisor), meta, (ctx) =>
      notify(ctx.tx, { userIds: [tech.user.id], warehouseId: tech.user.warehouseId, type: 'WO_ASSIGNED', title: 'committed', message: 'hello' }),
    );
    const event = await a.next((m) => m.type === 'event');
    expect(event).toMatchObject({ channel: 'notifications', payload: { title: 'committed', type: 'WO_ASSIGNED' } });
    await new Promise((r) => setTimeout(r, 200));
    expect(a.messages.filter((m) => m.type === 'event').map((m) => m.payload.title)).toEqual(['committed']);
    expect(b.messages.filter((m) => m.type === 'event')).toEqual([]);
    a.close();
    b.close();
  });

  it('lets only ADMIN subscribe to system_logs, and streams audit entries to it', async () => {
    const manager = await login(t.app, 'manager@plantops.local');
    const m = await connect(manager.token);
    m.ws.send(JSON.stringify({ type: 'subscribe', channels: ['system_logs', 'nope'] }));
    const refused = await m.next((x) => x.type === 'error' && x.channel === 'system_logs');
    expect(refused.code).toBe('AUTH_INSUFFICIENT_PERMISSIONS');
    expect((await m.next((x) => x.type === 'error' && x.channel === 'nope')).code).toBe('RESOURCE_NOT_FOUND');
    m.close();

    const admin = await login(t.app, 'admin@plantops.local');
    const c = await connect(admin.token);
    await subscribe(c, ['system_logs']);
    await t.app.inject({ method: 'PUT', url: '/api/v1/auth/profile', headers: bearer(manager), payload: { firstName: 'Morgana' } });
    const event = await c.next((x) => x.type === 'event' && x.payload.tableName === 'profiles');
    expect(event.payload).toMatchObject({ action: 'UPDATE', recordId: manager.user.id });
    c.close();
  });

  it('filters site-bound events by warehouse', async () => {
    const main = await login(t.app, 'supervisor@plantops.local');
    const north = await login(t.app, 'technician-north@plantops.local');
    const c = await connect(main.token);
    await subscribe(c, ['work_orders']);
    await t.db.transaction((tx) => publish(tx, { channel: 'work_orders', warehouseId: north.user.warehouseId, payload: { n: 'north' } }));
    await t.db.transaction((tx) => publish(tx, { channel: 'work_orders', warehouseId: main.user.warehouseId, payload: { n: 'main' } }));
    const event = await c.next((m) => m.type === 'event');
    expect(event.payload).toEqual({ n: 'main' });
    await new Promise((r) => setTimeout(r, 150));
    expect(c.messages.filter((m) => m.type === 'event')).toHaveLength(1);
    c.close();
  });

  it('replays what a reconnecting client missed since its last event id', async () => {
    const tech = await login(t.app, 'technician@plantops.local');
    const supervisor = await login(t.app, 'supervisor@plantops.local');
    const send = (title: string) =>
      inActorScope(t.db, actorOf(supervisor), meta, (ctx) => notify(ctx.tx, { userIds: [tech.user.id], warehouseId: tech.user.warehouseId, type: 'SYSTEM', title, message: title }));
    const first = await connect(tech.token);
    await subscribe(first, ['notifications']);
    await send('before disconnect');
    const seen = await first.next((m) => m.type === 'event' && m.payload.title === 'before disconnect');
    first.close();
    await send('missed 1');
    await send('missed 2');
    const again = await connect(tech.token);
    await subscribe(again, ['notifications'], seen.id);
    await again.next((m) => m.type === 'event' && m.payload.title === 'missed 2');
    expect(again.messages.filter((m) => m.type === 'event').map((m) => m.payload.title)).toEqual(['missed 1', 'missed 2']);
    again.close();
  });

  it('answers malformed messages with an error and keeps the connection', async () => {
    const tech = await login(t.app, 'technician@plantops.local');
    const c = await connect(tech.token);
    c.ws.send('not json');
    expect((await c.next((m) => m.type === 'error')).code).toBe('VALIDATION_INVALID_FORMAT');
    c.ws.send(JSON.stringify({ type: 'ping' }));
    await c.next((m) => m.type === 'pong');
    // Names of Object's built-ins are unknown channels, not a server error.
    c.ws.send(JSON.stringify({ type: 'subscribe', channels: ['constructor', '__proto__'] }));
    expect((await c.next((m) => m.type === 'error' && m.channel === 'constructor')).code).toBe('RESOURCE_NOT_FOUND');
    c.close();
  });

  it('tells a plain HTTP GET to upgrade, in the error format', async () => {
    const tech = await login(t.app, 'technician@plantops.local');
    expectError(await t.app.inject({ url: '/api/v1/realtime', headers: bearer(tech) }), 426, 'VALIDATION_ERROR');
  });
});
