import { readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createPostgresDatabase } from '../../src/platform/db/database.js';
import { DEMO_PASSWORD } from '../../src/seed/demo.js';
import { loadSeedSteps, seedLarge, seedOptions } from '../seed-large/index.js';
import { cycle } from './helpers.js';
import { measure, table, type Measured } from './measure.js';
import { ensureDatabase, signIn, startServer } from './server.js';
import type { AuthHeaders, BenchContext, ScenarioDefinition } from './types.js';

/**
 * `npm run bench`: seeds a large data set into PostgreSQL (`npm run seed:large`'s steps), starts the
 * server as a child process, drives it over loopback with autocannon and prints each scenario
 * beside a bare primary-key SELECT measured in the same run, with CPU per request.
 *
 * Scenarios live in ./scenarios, one file per area, each exporting `scenarios: ScenarioDefinition[]`;
 * every file there is picked up (file-name order), so a new area adds a file and edits nothing else.
 * `--only <text>` runs the scenarios whose name contains the text (the baseline always runs).
 */
async function loadScenarios(): Promise<ScenarioDefinition[]> {
  const dir = new URL('./scenarios/', import.meta.url);
  const files = readdirSync(dir).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort();
  const modules = await Promise.all(files.map(async (f) => (await import(new URL(f, dir).href)) as { scenarios?: ScenarioDefinition[] }));
  return modules.flatMap((m, i) => {
    if (!Array.isArray(m.scenarios)) throw new Error(`bench/scenarios/${files[i]} must export scenarios: ScenarioDefinition[]`);
    return m.scenarios;
  });
}

async function main() {
  const steps = await loadSeedSteps();
  const { values } = parseArgs({
    options: {
      ...seedOptions(steps),
      connections: { type: 'string', default: '50' },
      duration: { type: 'string', default: '10' },
      /** Unmeasured load before each row (seconds). */
      warmup: { type: 'string', default: '3' },
      'database-url': { type: 'string' },
      only: { type: 'string' },
      /** Skips the seed step (the bench database is already filled). */
      'no-seed': { type: 'boolean', default: false },
    },
  });
  const databaseUrl = values['database-url'] ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/plantops_bench';
  const databaseName = new URL(databaseUrl).pathname.slice(1);
  const all = await loadScenarios();
  const chosen = all.filter((s) => !values.only || s.name.includes(values.only));

  await ensureDatabase(databaseUrl);
  const db = createPostgresDatabase(databaseUrl, 2);
  if (!values['no-seed']) await seedLarge(db, values, (m) => process.stderr.write(`${m}\n`));
  const server = await startServer(databaseUrl);
  const signedIn = new Map<string, Promise<AuthHeaders>>();
  const ctx: BenchContext = {
    base: server.base,
    db,
    options: values,
    signIn: (email) => {
      if (!signedIn.has(email)) signedIn.set(email, signIn(server.base, email, DEMO_PASSWORD));
      return signedIn.get(email)!;
    },
    admin: () => ctx.signIn('admin@plantops.local'),
  };
  const postgresPids = async () => (await db.query<{ pid: string }>(
    `SELECT pid::text FROM pg_stat_activity WHERE datname = $1 OR backend_type IN ('walwriter', 'background writer', 'checkpointer')`, [databaseName],
  )).rows.map((r) => r.pid);
  const load = { connections: Number(values.connections), durationSeconds: Number(values.duration), warmupSeconds: Number(values.warmup), serverPid: server.pid, postgresPids };

  const results: Measured[] = [];
  try {
    // The same-run reference every row is compared with: one primary-key SELECT, no auth, no envelope.
    const { rows: sample } = await db.query<{ id: string }>(`SELECT id FROM items ORDER BY id LIMIT 200`);
    const baseline = cycle(sample.map((s) => ({ path: `/bench/baseline/${s.id}` })));
    results.push(await measure(server.base, 'baseline: PK select, no auth', undefined, { next: baseline }, load));
    for (const s of chosen) {
      // Let the server drain what the last scenario left queued before measuring the next one.
      await new Promise((r) => setTimeout(r, 3000));
      const prepared = await s.prepare(ctx);
      results.push(await measure(server.base, s.name, s.target, prepared, load));
      process.stderr.write(`${s.name}: done\n`);
    }
  } finally {
    await server.stop();
    await db.close();
  }
  const seeded = steps.map((s) => `${(values as Record<string, unknown>)[s.option] as string} ${s.option}`).join(', ');
  console.log(table(results, `\nPlantOps benchmark: ${seeded}; ${values.connections} connections, ${values.duration} s each after ${values.warmup} s of unmeasured warm-up`));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
