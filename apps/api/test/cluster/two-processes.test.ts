import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Database } from '../../src/platform/db/database.js';
import { createTestDatabase, DEMO_PASSWORD } from '../harness.js';

/**
 * Two real server processes on one PostgreSQL database (this file runs only in the PostgreSQL
 * suite): events cross processes through LISTEN/NOTIFY, and a scheduled job runs once in total.
 */
const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

interface Proc {
  url: string;
  child: ChildProcess;
  output: () => string;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

async function startServer(databaseUrl: string, dataDir: string): Promise<Proc> {
  const port = await freePort();
  let log = '';
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (b) => (log += b));
  child.stderr!.on('data', (b) => (log += b));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${log}`);
    const ok = await fetch(`${url}/ready`).then((r) => r.ok, () => false);
    if (ok) return { url, child, output: () => log };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server not ready: ${log}`);
}

let db: Database;
let drop: () => Promise<void>;
let a: Proc;
let b: Proc;
let dataDir: string;

beforeAll(async () => {
  const created = await createTestDatabase();
  db = created.db;
  drop = created.drop;
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'plantops-cluster-'));
  // Both start at once: migrations and the demo seed must serialise between them.
  [a, b] = await Promise.all([startServer(created.url!, dataDir), startServer(created.url!, dataDir)]);
}, 120_000);

afterAll(async () => {
  for (const p of [a, b]) {
    if (p && p.child.exitCode === null) {
      p.child.kill('SIGTERM');
      await new Promise((r) => p.child.once('exit', r));
    }
  }
  await drop?.();
  await rm(dataDir, { recursive: true, force: true });
});

const loginVia = async (p: Proc, email: string) => {
  const res = await fetch(`${p.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: { accessToken: string } }).data.accessToken;
};

/** A clerk's view of one demo part through either process: its page, stock change and sign-out. */
async function partViewer(partNumber: string) {
  const auth = { authorization: `Bearer ${await loginVia(a, 'inventory-clerk@plantops.local')}` };
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM items WHERE part_number = $1`, [partNumber]);
  const partPath = `/api/v1/inventory/parts/${rows[0]!.id}`;
  const url = (p: Proc) => `${p.url}${partPath}`;
  const send = (p: Proc, path: string, method: string, body: object) =>
    fetch(`${p.url}${path}`, { method, headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return {
    url,
    auth,
    async read(p: Proc) {
      const res = await fetch(url(p), { headers: auth });
      return { cache: res.headers.get('x-cache'), onHand: ((await res.json()) as { data: { quantityOnHand: number } }).data.quantityOnHand };
    },
    adjust: (p: Proc, quantityChange: number, reason: string) => send(p, `${partPath}/quantity`, 'PUT', { quantityChange, reason }),
    logout: (p: Proc) => send(p, '/api/v1/auth/logout', 'POST', {}),
  };
}

describe('two server processes on one PostgreSQL', () => {
  it('migrated and seeded once', async () => {
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM profiles`);
    expect(rows[0]!.n).toBe(13);
  });

  it('delivers an event written through one process to a WebSocket client of the other', async () => {
    const adminToken = await loginVia(b, 'admin@plantops.local');
    const ws = new WebSocket(`${b.url.replace('http', 'ws')}/api/v1/realtime?token=${adminToken}`);
    const received: any[] = [];
    ws.on('message', (m) => received.push(JSON.parse(String(m))));
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ type: 'subscribe', channels: ['system_logs'] }));
    await expect.poll(() => received.some((m) => m.type === 'subscribed')).toBe(true);

    const managerToken = await loginVia(a, 'manager@plantops.local');
    const put = await fetch(`${a.url}/api/v1/auth/profile`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${managerToken}` },
      body: JSON.stringify({ lastName: 'Crossed' }),
    });
    expect(put.status).toBe(200);
    await expect
      .poll(() => received.find((m) => m.type === 'event' && m.payload.tableName === 'profiles' && m.payload.action === 'UPDATE'), { timeout: 5000 })
      .toBeTruthy();
    ws.close();
  });

  it('drops cached part pages and sessions in one process when the other changes them', async () => {
    const clerk = await partViewer('GASKET-DRAIN-3');
    const before = await clerk.read(a);
    await expect.poll(async () => (await clerk.read(a)).cache).toBe('hit');

    expect((await clerk.adjust(b, 5, 'Found in returns')).status).toBe(200);
    await expect.poll(async () => (await clerk.read(a)).onHand, { timeout: 2000 }).toBe(before.onHand + 5);

    expect((await clerk.logout(b)).status).toBe(200);
    await expect.poll(async () => (await fetch(clerk.url(a), { headers: clerk.auth })).status, { timeout: 2000 }).toBe(401);
  });

  it('re-establishes its LISTEN connections after they drop; caching and invalidation work again', async () => {
    const clerk = await partViewer('DRAIN-3-CENTER');
    const listeners = async () =>
      (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'`)).rows[0]!.n;
    await expect.poll(async () => (await clerk.read(a)).cache).toBe('hit');
    const before = await listeners();
    expect(before).toBe(4); // events and cache channels, in each process

    await db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'`);
    await expect.poll(listeners, { timeout: 10_000 }).toBe(before);
    await expect.poll(async () => (await clerk.read(a)).cache, { timeout: 5000 }).toBe('hit');

    const onHand = (await clerk.read(a)).onHand;
    expect((await clerk.adjust(b, -1, 'Used for a repair')).status).toBe(200);
    await expect.poll(async () => (await clerk.read(a)).onHand, { timeout: 2000 }).toBe(onHand - 1);
  });

  it('runs a due scheduled job exactly once across both processes', async () => {
    await db.query(`UPDATE job_definitions SET next_run_at = now() WHERE name = 'metrics-aggregator'`);
    await expect
      .poll(async () => (await db.query(`SELECT 1 FROM job_runs WHERE job_name = 'metrics-aggregator' AND status = 'SUCCEEDED'`)).rows.length, { timeout: 15_000 })
      .toBe(1);
    // Give the other process several polls to (wrongly) run it again.
    await new Promise((r) => setTimeout(r, 3000));
    const runs = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM job_runs WHERE job_name = 'metrics-aggregator'`);
    expect(runs.rows[0]!.n).toBe(1);
    const snaps = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM metrics_snapshots WHERE metric = 'users.active_by_role'`);
    expect(snaps.rows[0]!.n).toBe(2);
  });
});
