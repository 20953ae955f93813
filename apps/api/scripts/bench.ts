import autocannon from 'autocannon';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createPostgresDatabase } from '../src/platform/db/database.js';
import { DEMO_PASSWORD } from '../src/seed/demo.js';
import { seedLarge } from './seed-large.js';

/**
 * `npm run bench`: seeds a large data set into PostgreSQL, starts the server as a child process,
 * drives it over loopback with autocannon and prints each scenario beside a bare primary-key
 * SELECT measured in the same run. Targets: search p95 < 50 ms, part detail p95 < 20 ms at 50
 * concurrent clients.
 */
const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '100000' },
    transactions: { type: 'string', default: '1000000' },
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '10' },
    'database-url': { type: 'string' },
    /** Runs only the scenarios whose name contains this text (the baseline always runs). */
    only: { type: 'string' },
  },
});
const serverUrl = values['database-url'] ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/plantops_bench';

async function ensureDatabase(url: string) {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!exists.rowCount) await c.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  await c.end();
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

interface Scenario {
  name: string;
  target?: string;
  requests: { path: string; headers?: Record<string, string> }[];
}

const CLOCK_TICKS_PER_MS = 100 / 1000; // Linux USER_HZ

/** CPU time (ms) a process has used, from /proc; 0 where it cannot be read. */
function processCpuMs(pid: number | string): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_MS;
  } catch {
    return 0;
  }
}

/** CPU time per PostgreSQL process on this machine (the benchmark is the only client). */
function postgresCpuMs(): Map<string, number> {
  const byPid = new Map<string, number>();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') byPid.set(pid, processCpuMs(pid));
    } catch {
      // The process ended between listing and reading.
    }
  }
  return byPid;
}

/** Where the CPU went during a scenario, per request: load generator, API server, PostgreSQL. */
function cpuMeter(serverPid: number) {
  const genMs = () => (process.cpuUsage().user + process.cpuUsage().system) / 1000;
  const start = { gen: genMs(), api: processCpuMs(serverPid), db: postgresCpuMs() };
  return (requests: number) => {
    // Backends that started during the run count from zero; ones that ended are not counted.
    let db = 0;
    for (const [pid, ms] of postgresCpuMs()) db += ms - (start.db.get(pid) ?? 0);
    const per = (ms: number) => Math.round((ms / Math.max(1, requests)) * 100) / 100;
    return { genCpu: per(genMs() - start.gen), apiCpu: per(processCpuMs(serverPid) - start.api), dbCpu: per(db) };
  };
}

async function run(url: string, s: Scenario, serverPid: number) {
  const meter = cpuMeter(serverPid);
  const times: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: Number(values.connections), duration: Number(values.duration), requests: s.requests.map((r) => ({ method: 'GET', path: r.path, headers: r.headers })) },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    // Every response's latency, so that p95 is exact (autocannon's summary has p90 and p97.5).
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status !== 200) errors += 1;
      times.push(ms);
    });
  });
  times.sort((a, b) => a - b);
  const ms = (v: number) => Math.round(v * 10) / 10;
  return { name: s.name, target: s.target ?? '', ...meter(times.length), rps: Math.round(result.requests.average), p50: ms(percentile(times, 50)), p95: ms(percentile(times, 95)), p99: ms(percentile(times, 99)), errors };
}

/** The server runs in its own process, so the load generator does not share its event loop. */
async function startServer(databaseUrl: string): Promise<{ base: string; pid: number; stop(): Promise<void> }> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../src/main.ts', import.meta.url))], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'never', RATE_LIMIT_MULTIPLIER: '100000', BENCH_BASELINE_ROUTE: 'on', DATA_DIR: '/tmp/plantops-bench' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error('server exited');
    if (await fetch(`${base}/ready`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return { base, pid: child.pid!, stop: async () => { child.kill('SIGTERM'); await new Promise((r) => child.once('exit', r)); } };
}

async function main() {
  await ensureDatabase(serverUrl);
  const db = createPostgresDatabase(serverUrl, 2);
  await seedLarge(db, { items: Number(values.items), transactions: Number(values.transactions), log: (m) => process.stderr.write(`${m}\n`) });
  const { rows: sample } = await db.query<{ id: string }>(`SELECT id FROM items WHERE part_number LIKE 'GEN-%' ORDER BY part_number LIMIT 200`);
  await db.close();
  const server = await startServer(serverUrl);
  const base = server.base;

  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@plantops.local', password: DEMO_PASSWORD }) });
  const token = ((await login.json()) as { data: { accessToken: string } }).data.accessToken;
  const auth = { authorization: `Bearer ${token}` };
  const queries = ['gasket', 'stainless valve', 'seal', 'bracket 316l', 'drian', 'hose clamp', 'sensor', 'nozzle', 'GEN-00123', 'filter'];

  const search = queries.map((q) => `/api/v1/inventory/search?query=${encodeURIComponent(q)}&limit=20`);
  const detail = sample.map((s) => `/api/v1/inventory/parts/${s.id}`);
  // "Cold" rows send Cache-Control: no-cache, so every request runs its queries (decision 0006).
  const cold = { ...auth, 'cache-control': 'no-cache' };
  const scenarios: Scenario[] = [
    { name: 'baseline: PK select, no auth', requests: sample.map((s) => ({ path: `/bench/baseline/${s.id}` })) },
    // Diagnostic: what signing in costs on every request (token check, live session), no other query.
    { name: 'authenticated no-op', requests: [{ path: '/api/v1/auth/permissions', headers: auth }] },
    { name: 'inventory search', target: 'p95 < 50 ms', requests: search.map((path) => ({ path, headers: auth })) },
    { name: 'inventory search, cold (no-cache)', requests: search.map((path) => ({ path, headers: cold })) },
    { name: 'part detail', target: 'p95 < 20 ms', requests: detail.map((path) => ({ path, headers: auth })) },
    { name: 'part detail, cold (no-cache)', requests: detail.map((path) => ({ path, headers: cold })) },
  ];
  const results = [];
  for (const s of scenarios.filter((x, i) => i === 0 || !values.only || x.name.includes(values.only))) {
    results.push(await run(base, s, server.pid));
    // Let the server drain what the last scenario left queued before measuring the next one.
    await new Promise((r) => setTimeout(r, 5000));
  }
  await server.stop();

  const baseline = results[0]!;
  console.log(`\nPlantOps benchmark: ${values.items} items, ${values.transactions} ledger rows, ${values.connections} connections, ${values.duration} s each\n`);
  console.log('| scenario | req/s | p50 ms | p95 ms | p99 ms | p95 / baseline p95 | non-200 | CPU ms/req: load gen / API / DB | target |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const ratio = (r.p95 / Math.max(0.1, baseline.p95)).toFixed(1);
    const met = r.target ? (r.p95 < Number(/<\s*(\d+)/.exec(r.target)![1]) ? 'met' : 'MISSED') : '';
    console.log(`| ${r.name} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${ratio}x | ${r.errors} | ${r.genCpu} / ${r.apiCpu} / ${r.dbCpu} | ${r.target} ${met} |`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
