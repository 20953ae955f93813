import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { randomToken } from '../src/platform/crypto/tokens.js';
import { createPgliteDatabase, createPostgresDatabase, type Database } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrator.js';
import { DEFAULT_RATE_LIMITS, type RateLimitConfig } from '../src/platform/http/rate-limits.js';
import { DEMO_PASSWORD, seedDemoData } from '../src/seed/demo.js';
import { installContractCheck } from './contract.js';

export { DEMO_PASSWORD };

/** Every test logs in from one IP many times; the rate-limit tests pass tight limits of their own. */
export const RELAXED_RATE_LIMITS: RateLimitConfig = {
  roles: Object.fromEntries(Object.entries(DEFAULT_RATE_LIMITS.roles).map(([role, rule]) => [role, { ...rule, limit: 100_000, burst: 100_000 }])) as RateLimitConfig['roles'],
  anonymous: { limit: 100_000, windowSeconds: 60 },
  loginPerIp: { limit: 100_000, windowSeconds: 60 },
  loginPerAccount: { limit: 100_000, windowSeconds: 60 },
};

/**
 * A fresh, migrated and seeded database per test file: in-memory PGlite by default, or a new
 * throw-away database on the PostgreSQL server named by TEST_DATABASE_URL.
 */
export async function createTestDatabase(): Promise<{ db: Database; drop(): Promise<void>; url?: string }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const db = await createPgliteDatabase();
    return { db, drop: () => db.close() };
  }
  const name = `plantops_test_${randomToken(6).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = createPostgresDatabase(url.toString());
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface TestContext {
  app: FastifyInstance;
  db: Database;
  dataDir: string;
  jwtSecret: string;
  close(): Promise<void>;
}

export async function createTestApp(opts: { rateLimits?: RateLimitConfig; env?: Record<string, string>; webDist?: string } = {}): Promise<TestContext> {
  const { db, drop } = await createTestDatabase();
  await migrate(db);
  await seedDemoData(db);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plantops-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SEED_DEMO: 'never', ...opts.env });
  const jwtSecret = randomToken(48);
  const app = await buildApp({ config, db, jwtSecret, rateLimits: opts.rateLimits ?? RELAXED_RATE_LIMITS, webDist: opts.webDist ?? null });
  // Every response the tests receive is held to the route's documented responses (test/contract.ts).
  const contract = installContractCheck(app);
  await app.ready();
  return {
    app,
    db,
    dataDir,
    jwtSecret,
    async close() {
      await app.close();
      await drop();
      await rm(dataDir, { recursive: true, force: true });
      contract.assertClean();
    },
  };
}

export const json = <T = any>(res: LightMyRequestResponse): T => res.json() as T;

export interface Session {
  token: string;
  refreshToken: string;
  sessionId: string;
  user: { id: string; role: string; warehouseId: string; email: string };
}

export async function login(app: FastifyInstance, email: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
  const data = res.json().data;
  return { token: data.accessToken, refreshToken: data.refreshToken, sessionId: data.sessionId, user: data.user };
}

export const bearer = (s: Session | string) => ({ authorization: `Bearer ${typeof s === 'string' ? s : s.token}` });

/** Asserts the spec's error format and returns its error object. */
export function expectError(res: LightMyRequestResponse, status: number, code?: string) {
  const body = res.json();
  if (res.statusCode !== status || body.success !== false || (code && body.error?.code !== code) || !body.error?.requestId || !body.error?.timestamp) {
    throw new Error(`expected ${status} ${code ?? ''} in the error format, got ${res.statusCode} ${res.body}`);
  }
  return body.error as { code: string; message: string; details?: { field: string; message: string; code: string }[]; retryAfter?: number };
}
