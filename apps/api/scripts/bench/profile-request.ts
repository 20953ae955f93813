import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { benchDatabaseUrl, dbCpuMeter, printTimings, profiledApp, timings } from './profile-db.js';

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
const url = benchDatabaseUrl(values['database-url']);

async function main() {
  const { app, raw, headers, close } = await profiledApp(url, values.email);
  const ids = values.sample ? (await raw.query<Record<string, string>>(values.sample)).rows.map((r) => String(Object.values(r)[0])) : [''];
  const paths = (values.path ?? ['/api/v1/auth/me']).flatMap((p) => (p.includes('{sql}') ? ids.map((id) => p.replace('{sql}', id)) : [p]));
  const body = values.body ? (JSON.parse(values.body) as object) : undefined;
  // no-cache: profile the statements, not the read caches' hits
  const get = (i: number) => app.inject({ method: body ? 'POST' : 'GET', url: paths[i % paths.length]!, headers: { ...headers, 'cache-control': 'no-cache' }, ...(body ? { payload: body } : {}) });
  for (let i = 0; i < 20; i++) await get(i); // warm-up: prepared plans, caches
  timings.clear();
  const n = Number(values.requests);
  const dbCpu = await dbCpuMeter(raw);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const res = await get(i);
    if (res.statusCode !== 200) throw new Error(`${paths[i % paths.length]}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  }
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const db = await dbCpu();
  const sqlMs = printTimings(n, `requests as ${values.email}`);
  console.log(`\nper request: wall ${(wall / n).toFixed(2)} ms, SQL round trips ${sqlMs.toFixed(2)} ms, API process CPU ${((cpu.user + cpu.system) / 1000 / n).toFixed(2)} ms, PostgreSQL backends CPU ${(db / n).toFixed(2)} ms`);
  await close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
