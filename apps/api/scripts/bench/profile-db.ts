import { performance } from 'node:perf_hooks';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { randomToken } from '../../src/platform/crypto/tokens.js';
import { createPostgresDatabase, type Database, type PreparedSql, type Queryable } from '../../src/platform/db/database.js';
import { DEMO_PASSWORD } from '../../src/seed/demo.js';
import { processCpuMs } from './cpu.js';

/**
 * Times every SQL round trip the app makes through a wrapped Database (decision 0010), so a
 * profiling script can print one request's statements in order with their mean time.
 */
export const timings = new Map<string, { n: number; ms: number; order: number }>();
let order = 0;
const label = (sql: string | PreparedSql) => (typeof sql === 'string' ? sql : sql.text).replace(/\s+/g, ' ').trim().slice(0, 110);
function record(sql: string | PreparedSql, ms: number) {
  const key = label(sql);
  const t = timings.get(key) ?? { n: 0, ms: 0, order: order++ };
  t.n += 1;
  t.ms += ms;
  timings.set(key, t);
}
const timed = (q: Queryable): Queryable => ({
  async query(sql, params) {
    const start = performance.now();
    try {
      return await q.query(sql, params);
    } finally {
      record(sql, performance.now() - start);
    }
  },
  exec: (sql) => q.exec(sql),
});
export function profiled(db: Database): Database {
  return {
    ...db,
    ...timed(db),
    transaction: (fn, prelude) => {
      const start = performance.now();
      return db.transaction((tx) => {
        record(`BEGIN + RLS settings (${prelude ? 'prelude' : 'none'})`, performance.now() - start);
        return fn(timed(tx));
      }, prelude);
    },
  } as Database;
}

/** Prints the statements recorded since the last clear, in first-seen order, per request; returns the SQL ms per request. */
export function printTimings(requests: number, what: string): number {
  let sqlMs = 0;
  console.log(`\n${requests} ${what}: statements in order, mean ms per request\n`);
  for (const [sql, t] of [...timings].sort((a, b) => a[1].order - b[1].order)) {
    sqlMs += t.ms;
    console.log(`${(t.ms / requests).toFixed(3).padStart(7)} ms  x${(t.n / requests).toFixed(1)}  ${sql}`);
  }
  return sqlMs / requests;
}

/** The bench database a profiler reads: --database-url, else BENCH_DATABASE_URL, else plantops_bench. */
export const benchDatabaseUrl = (given?: string) => given ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/plantops_bench';

/** Names the profiler's own connections, so that their backends' CPU can be told from others'. */
const APPLICATION_NAME = 'plantops-profile';
const withApplicationName = (url: string) => `${url}${url.includes('?') ? '&' : '?'}application_name=${APPLICATION_NAME}`;

/**
 * PostgreSQL CPU of the profiler's own backends (from /proc, as the bench reads it), so a profile
 * reports database CPU per request beside the API's even while others use the machine's server.
 * Call once the pool is warm; the returned function gives the ms used since.
 */
export async function dbCpuMeter(db: Queryable) {
  const pids = async () => (await db.query<{ pid: string }>(`SELECT pid::text FROM pg_stat_activity WHERE application_name = $1`, [APPLICATION_NAME])).rows.map((r) => r.pid);
  const start = new Map((await pids()).map((pid) => [pid, processCpuMs(pid)]));
  return async () => {
    let ms = 0;
    for (const pid of new Set([...start.keys(), ...(await pids())])) {
      const now = processCpuMs(pid);
      if (now > 0) ms += now - (start.get(pid) ?? 0);
    }
    return ms;
  };
}

/** The app in this process on the bench database, every statement timed, signed in as `email` (pool: the server's is 10). */
export async function profiledApp(url: string, email: string, poolSize = 4) {
  const raw = createPostgresDatabase(withApplicationName(url), poolSize);
  const config = loadConfig({ DATA_DIR: '/tmp/plantops-profile', LOG_LEVEL: 'silent', SEED_DEMO: 'never', RATE_LIMIT_MULTIPLIER: '100000' });
  const app = await buildApp({ config, db: profiled(raw), jwtSecret: randomToken(48), webDist: null });
  await app.ready();
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: DEMO_PASSWORD } });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.body}`);
  const headers = { authorization: `Bearer ${login.json().data.accessToken as string}` };
  return { app, raw, headers, close: async () => { await app.close(); await raw.close(); } };
}
