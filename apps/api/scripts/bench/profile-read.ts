import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { randomToken } from '../../src/platform/crypto/tokens.js';
import { createPostgresDatabase } from '../../src/platform/db/database.js';
import { DEMO_PASSWORD } from '../../src/seed/demo.js';
import { statementTimer } from './statement-timer.js';

/**
 * Profiles GET requests statement by statement, one client at a time, the app in this process:
 * the statements each request runs (count and mean time), wall time and API CPU per request.
 * Paths are taken in turn; `--ids-sql` fills `{id}` in them from a query's first column.
 *   npx tsx scripts/bench/profile-read.ts --database-url postgres://postgres@127.0.0.1:5432/plantops_bench_<you> \
 *     --as supervisor@plantops.local --path '/api/v1/work-orders/{id}' \
 *     --ids-sql "SELECT id FROM work_orders WHERE title LIKE 'Bench work %' ORDER BY fo_number LIMIT 200"
 */
const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    as: { type: 'string', default: 'supervisor@plantops.local' },
    path: { type: 'string', multiple: true },
    'ids-sql': { type: 'string' },
    requests: { type: 'string', default: '300' },
  },
});
const url = values['database-url'] ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/plantops_bench';

async function main() {
  const raw = createPostgresDatabase(url, 4);
  const { db, timings, report } = statementTimer(raw);
  const ids = values['ids-sql'] ? (await raw.query<Record<string, string>>(values['ids-sql'])).rows.map((r) => Object.values(r)[0]!) : [''];
  const paths = (values.path ?? []).flatMap((p) => (p.includes('{id}') ? ids.map((id) => p.replace('{id}', id)) : [p]));
  if (!paths.length) throw new Error('name at least one --path');
  const config = loadConfig({ DATA_DIR: '/tmp/plantops-profile', LOG_LEVEL: 'silent', SEED_DEMO: 'never', RATE_LIMIT_MULTIPLIER: '100000' });
  const app = await buildApp({ config, db, jwtSecret: randomToken(48), webDist: null });
  await app.ready();
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: values.as, password: DEMO_PASSWORD } });
  const headers = { authorization: `Bearer ${login.json().data.accessToken as string}` };
  const get = async (i: number) => {
    const res = await app.inject({ method: 'GET', url: paths[i % paths.length]!, headers });
    if (res.statusCode !== 200) throw new Error(`GET ${paths[i % paths.length]} answered ${res.statusCode} ${res.body}`);
  };
  for (let i = 0; i < 30; i++) await get(i); // warm-up: prepared plans, caches
  timings.clear();
  const n = Number(values.requests);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await get(i);
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  console.log(`\n${n} requests as ${values.as} over ${paths.length} paths: statements in order, mean ms per request\n`);
  const sqlMs = report(n);
  const statements = [...timings.values()].reduce((s, t) => s + t.n, 0) / n;
  console.log(`\nper request: ${statements.toFixed(1)} statements, wall ${(wall / n).toFixed(2)} ms, SQL round trips ${sqlMs.toFixed(2)} ms, API process CPU ${((cpu.user + cpu.system) / 1000 / n).toFixed(2)} ms`);
  await app.close();
  await raw.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
