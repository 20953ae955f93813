import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { randomToken } from '../../src/platform/crypto/tokens.js';
import { createPostgresDatabase, type Database, type PreparedSql, type Queryable } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrator.js';
import { DEMO_PASSWORD } from '../../src/seed/demo.js';
import { benchUserEmail } from '../seed-large/steps/30-users.js';
import { processCpuMs } from './cpu.js';
import { zipf } from './helpers.js';
import { buildQueryMix } from './search-mix.js';

/**
 * Profiles the search mix (issue 9) with one client and no read cache: the app runs in this
 * process against a bench database over one pooled connection, and for every search the
 * database backend's CPU (from /proc) and the wall time are recorded. Less sensitive to a shared
 * machine than the 50-client bench: prints DB CPU per search, latency percentiles, the time per
 * statement kind and the slowest queries.
 *   npx tsx scripts/bench/profile-search.ts --database-url postgres://postgres@127.0.0.1:5432/plantops_bench_<you> --searches 500
 */
const { values } = parseArgs({ options: { 'database-url': { type: 'string' }, searches: { type: 'string', default: '500' } } });
const url = values['database-url'] ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/plantops_bench';

let current: string[] = [];
const timings = new Map<string, { n: number; ms: number; cpu: number }>();
let backendPid = 0;
const label = (sql: string | PreparedSql, params?: unknown[]) => {
  const text = (typeof sql === 'string' ? sql : sql.text).replace(/\s+/g, ' ').trim().slice(0, 90);
  // Search attempts apart: numbers only, all words, any word.
  if (!text.includes('item_search_candidates')) return text;
  const words = (params?.[0] ?? null) as string | null;
  return `${words === null ? 'numbers' : words.includes('|') ? 'any' : 'all'}: ${text.slice(0, 60)}`;
};
const timed = (q: Queryable): Queryable => ({
  async query(sql, params) {
    const start = performance.now();
    const cpuStart = backendPid ? processCpuMs(backendPid) : 0;
    try {
      return await q.query(sql, params);
    } finally {
      current.push(`${(performance.now() - start).toFixed(1)}:${label(sql).slice(0, 12)}`);
      const t = timings.get(label(sql, params)) ?? { n: 0, ms: 0, cpu: 0 };
      t.n += 1;
      t.ms += performance.now() - start;
      t.cpu += backendPid ? processCpuMs(backendPid) - cpuStart : 0;
      timings.set(label(sql, params), t);
    }
  },
  exec: (sql) => q.exec(sql),
});
const profiled = (db: Database): Database => ({ ...db, ...timed(db), transaction: (fn, prelude) => db.transaction((tx) => fn(timed(tx)), prelude) }) as Database;

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function main() {
  const raw = createPostgresDatabase(url, 1);
  await migrate(raw); // as the server does at start
  const { rows: [backend] } = await raw.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  backendPid = backend!.pid;
  const db = profiled(raw);
  const config = loadConfig({ DATA_DIR: '/tmp/plantops-profile-search', LOG_LEVEL: process.env.PROFILE_LOG ?? 'silent', SEED_DEMO: 'never', RATE_LIMIT_MULTIPLIER: '100000' });
  const app = await buildApp({ config, db, jwtSecret: randomToken(48), webDist: null });
  await app.ready();
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: benchUserEmail(1), password: DEMO_PASSWORD } });
  const headers = { authorization: `Bearer ${login.json().data.accessToken as string}`, 'cache-control': 'no-cache' };

  const { rows: words } = await raw.query<{ word: string }>(`SELECT word FROM search_vocabulary ORDER BY word`);
  const { rows: numbers } = await raw.query<{ part_number: string }>(
    `(SELECT part_number FROM items WHERE part_number NOT LIKE 'GEN-%' ORDER BY part_number LIMIT 300)
     UNION ALL (SELECT part_number FROM items WHERE part_number LIKE 'GEN-%' ORDER BY id LIMIT 300)`,
  );
  const queries = buildQueryMix({ catalogWords: words.map((w) => w.word), partNumbers: numbers.map((n) => n.part_number), size: 2500 });
  const draw = zipf(queries, 1, 11);
  const search = (query: string) => app.inject({ url: `/api/v1/inventory/search?query=${encodeURIComponent(query)}&limit=20`, headers });
  for (let i = 0; i < 20; i++) await search(draw());
  timings.clear();

  const n = Number(values.searches);
  const samples: { query: string; ms: number; dbMs: number; sql: string[] }[] = [];
  const cpu0 = process.cpuUsage();
  const db0 = processCpuMs(backend!.pid);
  for (let i = 0; i < n; i++) {
    const query = draw();
    const t0 = performance.now();
    const before = processCpuMs(backend!.pid);
    current = [];
    const res = await search(query);
    if (res.statusCode !== 200) throw new Error(`${query}: ${res.statusCode} ${res.body}`);
    samples.push({ query, ms: performance.now() - t0, dbMs: processCpuMs(backend!.pid) - before, sql: current });
  }
  const dbTotal = processCpuMs(backend!.pid) - db0;
  const cpu = process.cpuUsage(cpu0);
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  console.log(`\n${n} searches, one client, no cache`);
  console.log(`latency ms: p50 ${pct(ms, 50).toFixed(1)}  p95 ${pct(ms, 95).toFixed(1)}  p99 ${pct(ms, 99).toFixed(1)}  max ${ms.at(-1)!.toFixed(1)}`);
  console.log(`CPU ms per search: PostgreSQL backend ${(dbTotal / n).toFixed(2)}, API process ${((cpu.user + cpu.system) / 1000 / n).toFixed(2)}`);
  console.log('\nper search by statement: backend CPU ms (10 ms ticks, summed), wall ms, calls:');
  for (const [sql, t] of [...timings].sort((a, b) => b[1].cpu - a[1].cpu).slice(0, 12)) console.log(`${(t.cpu / n).toFixed(2).padStart(7)}  ${(t.ms / n).toFixed(2).padStart(7)}  x${(t.n / n).toFixed(2)}  ${sql}`);
  console.log('\nslowest searches:');
  for (const s of [...samples].sort((a, b) => b.ms - a.ms).slice(0, 12)) console.log(`${s.ms.toFixed(1).padStart(8)} ms  db ${s.dbMs.toFixed(0).padStart(4)} ms  ${s.query.padEnd(32)} ${s.sql.join(' ')}`);
  await app.close();
  await raw.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
