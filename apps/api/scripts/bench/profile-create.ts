import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { defaultPoolSize } from '../../src/platform/db/database.js';
import { benchDatabaseUrl, dbCpuMeter, printTimings, profiledApp, timings } from './profile-db.js';

/**
 * Profiles a create statement by statement (decision 0010): the app runs in this process against
 * the bench database, one client at a time, and every SQL statement's round trip is timed (on
 * loopback that is PostgreSQL's time plus ~0.05 ms). Prints the statements of one create in order
 * with their mean time, the API process CPU and the CPU of its PostgreSQL backends per create.
 *   npx tsx scripts/bench/profile-create.ts --scenario part --creates 300 [--quantity 10]
 *   npx tsx scripts/bench/profile-create.ts --scenario work-order --creates 300
 * `work-order` sends the bench's create (scenarios/40-work-orders.ts) as the bench's supervisor.
 * `--clients 50` runs that many creates at a time and adds latency percentiles: what a lock held
 * across round trips costs shows there (the statement timings then include waits).
 */
const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' }, scenario: { type: 'string', default: 'part' }, creates: { type: 'string', default: '300' }, clients: { type: 'string', default: '1' }, quantity: { type: 'string', default: '10' },
  },
});
const url = benchDatabaseUrl(values['database-url']);

interface Scenario {
  email: string;
  path: string;
  body: (run: string, i: number) => object;
  what: string;
}

const SCENARIOS: Record<string, Scenario> = {
  part: {
    email: 'inventory-clerk@plantops.local',
    path: '/api/v1/parts',
    body: (run, i) => ({ partNumber: `${run}-${i}`, name: `Profile part ${i}`, description: 'Profiled create', cost: 12.5, reorderPoint: 2, quantityOnHand: Number(values.quantity) || undefined }),
    what: `part creates (quantityOnHand ${values.quantity})`,
  },
  'work-order': {
    email: 'supervisor@plantops.local',
    path: '/api/v1/work-orders',
    body: () => ({ type: 'CORRECTIVE', title: 'Bench create', description: 'Created by the benchmark', priority: 'MEDIUM' }),
    what: 'work-order creates (the bench body)',
  },
};

async function main() {
  const scenario = SCENARIOS[values.scenario];
  if (!scenario) throw new Error(`--scenario: one of ${Object.keys(SCENARIOS).join(', ')}`);
  const { app, raw, headers, close } = await profiledApp(url, scenario.email, Number(values.clients) > 1 ? defaultPoolSize() : 4); // concurrent clients share the server's pool size (decision 0022)
  const run = `P${Date.now().toString(36).toUpperCase()}`;
  const create = (i: number) => app.inject({ method: 'POST', url: scenario.path, headers, payload: scenario.body(run, i) });
  for (let i = 0; i < 20; i++) await create(-i - 1); // warm-up: prepared plans, JIT
  timings.clear();
  const n = Number(values.creates);
  const dbCpu = await dbCpuMeter(raw);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const latencies: number[] = [];
  let next = 0;
  const client = async () => {
    while (next < n) {
      const i = next++;
      const start = performance.now();
      const res = await create(i);
      latencies.push(performance.now() - start);
      if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Number(values.clients)) }, client));
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const db = await dbCpu();
  const sqlMs = printTimings(n, scenario.what);
  console.log(`\nper create: wall ${(wall / n).toFixed(2)} ms, SQL round trips ${sqlMs.toFixed(2)} ms, API process CPU ${((cpu.user + cpu.system) / 1000 / n).toFixed(2)} ms, PostgreSQL backends CPU ${(db / n).toFixed(2)} ms`);
  latencies.sort((a, b) => a - b);
  const pct = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
  if (Number(values.clients) > 1) console.log(`${values.clients} clients: latency p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, throughput ${((n / wall) * 1000).toFixed(0)}/s`);
  await close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
