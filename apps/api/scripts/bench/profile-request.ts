import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { randomToken } from '../../src/platform/crypto/tokens.js';
import { createPostgresDatabase } from '../../src/platform/db/database.js';
import { DEMO_PASSWORD } from '../../src/seed/demo.js';
import { printTimings, profiled, timings } from './profile-db.js';

/**
 * Profiles requests statement by statement, as profile-create does for a create: the app runs
 * in this process against the bench database, one request at a time, each SQL round trip timed.
 *   npx tsx scripts/bench/profile-request.ts --email production-coordinator@plantops.local --path /api/v1/orders --path /api/v1/orders?status=PENDING
 * `--body '<json>'` sends each as a POST with that JSON body (e.g. /api/v1/configurations/validate).
 * A path may hold `{sql}` to be replaced by the first column of `--sample "<SELECT ...>"` (one row per request, cycled).
 */
const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' }, email: { type: 'string', default: 'admin@plantops.local' }, path: { type: 'string', multiple: true },
    sample: { type: 'string' }, requests: { type: 'string', default: '200' }, body: { type: 'string' },
  },
});
const url = values['database-url'] ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/plantops_bench';

async function main() {
  const raw = createPostgresDatabase(url, 4);
  const db = profiled(raw);
  const config = loadConfig({ DATA_DIR: '/tmp/plantops-profile', LOG_LEVEL: 'silent', SEED_DEMO: 'never', RATE_LIMIT_MULTIPLIER: '100000' });
  const app = await buildApp({ config, db, jwtSecret: randomToken(48), webDist: null });
  await app.ready();
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: values.email, password: DEMO_PASSWORD } });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.body}`);
  const headers = { authorization: `Bearer ${login.json().data.accessToken as string}` };
  const ids = values.sample ? (await raw.query<Record<string, string>>(values.sample)).rows.map((r) => String(Object.values(r)[0])) : [''];
  const paths = (values.path ?? ['/api/v1/auth/me']).flatMap((p) => (p.includes('{sql}') ? ids.map((id) => p.replace('{sql}', id)) : [p]));
  const body = values.body ? (JSON.parse(values.body) as object) : undefined;
  const get = (i: number) => app.inject({ method: body ? 'POST' : 'GET', url: paths[i % paths.length]!, headers, ...(body ? { payload: body } : {}) });
  for (let i = 0; i < 20; i++) await get(i); // warm-up: prepared plans, caches
  timings.clear();
  const n = Number(values.requests);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const res = await get(i);
    if (res.statusCode !== 200) throw new Error(`${paths[i % paths.length]}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  }
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const sqlMs = printTimings(n, `requests as ${values.email}`);
  console.log(`\nper request: wall ${(wall / n).toFixed(2)} ms, SQL round trips ${sqlMs.toFixed(2)} ms, API process CPU ${((cpu.user + cpu.system) / 1000 / n).toFixed(2)} ms`);
  await app.close();
  await raw.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
