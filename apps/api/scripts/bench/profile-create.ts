import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { benchDatabaseUrl, printTimings, profiledApp, timings } from './profile-db.js';

/**
 * Profiles POST /api/v1/parts statement by statement (decision 0010): the app runs in this process
 * against the bench database, one client at a time, and every SQL statement's round trip is timed
 * (on loopback that is PostgreSQL's time plus ~0.05 ms). Prints the statements of one create in
 * order with their mean time, and the process CPU per create.
 *   npx tsx scripts/bench/profile-create.ts --database-url postgres://postgres@127.0.0.1:5432/plantops_bench_<you> --creates 300
 */
const { values } = parseArgs({ options: { 'database-url': { type: 'string' }, creates: { type: 'string', default: '300' }, quantity: { type: 'string', default: '10' } } });
const url = benchDatabaseUrl(values['database-url']);

async function main() {
  const { app, headers, close } = await profiledApp(url, 'inventory-clerk@plantops.local');
  const run = `P${Date.now().toString(36).toUpperCase()}`;
  const create = (i: number) => app.inject({ method: 'POST', url: '/api/v1/parts', headers, payload: { partNumber: `${run}-${i}`, name: `Profile part ${i}`, description: 'Profiled create', cost: 12.5, reorderPoint: 2, quantityOnHand: Number(values.quantity) || undefined } });
  for (let i = 0; i < 20; i++) await create(-i - 1); // warm-up: prepared plans, JIT
  timings.clear();
  const n = Number(values.creates);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const res = await create(i);
    if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
  }
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const sqlMs = printTimings(n, `creates (quantityOnHand ${values.quantity})`);
  console.log(`\nper create: wall ${(wall / n).toFixed(2)} ms, SQL round trips ${sqlMs.toFixed(2)} ms, API process CPU ${((cpu.user + cpu.system) / 1000 / n).toFixed(2)} ms`);
  await close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
