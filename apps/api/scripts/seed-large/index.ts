import { readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Database } from '../../src/platform/db/database.js';
import { createPostgresDatabase } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrator.js';
import { seedDemoData } from '../../src/seed/demo.js';
import type { LargeSeedStep, SeedContext } from './types.js';

/**
 * Fills a PostgreSQL database with realistic volumes for benchmarks. Each volume is a step in
 * ./steps (one file each, run in file-name order, each with its `--<option> N`); set-based SQL,
 * idempotent: running it again tops up to the asked counts.
 */
export async function loadSeedSteps(): Promise<LargeSeedStep[]> {
  const dir = new URL('./steps/', import.meta.url);
  const files = readdirSync(dir).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort();
  return Promise.all(files.map(async (f) => ((await import(new URL(f, dir).href)) as { step: LargeSeedStep }).step));
}

/** parseArgs options for every step: `--items 100000`, `--transactions ...`, ... */
export function seedOptions(steps: LargeSeedStep[]) {
  return Object.fromEntries(steps.map((s) => [s.option, { type: 'string' as const, default: String(s.default) }]));
}

/** Runs every step with the counts given (a step's default when its option is missing). */
export async function seedLarge(db: Database, counts: Record<string, string | number | boolean | undefined>, log: (msg: string) => void = console.log): Promise<void> {
  const steps = await loadSeedSteps();
  await migrate(db);
  await seedDemoData(db);
  const { rows: [meta] } = await db.query<{ admin: string; main: string; north: string; cats: string[] }>(
    `SELECT (SELECT id FROM profiles WHERE role = 'ADMIN' ORDER BY created_at LIMIT 1) AS admin,
            (SELECT id FROM warehouses WHERE code = 'MAIN') AS main, (SELECT id FROM warehouses WHERE code = 'NORTH') AS north,
            (SELECT array_agg(id ORDER BY name) FROM inventory_categories WHERE parent_id IS NOT NULL) AS cats`,
  );
  if (!meta) throw new Error('demo data missing');
  const ctx: SeedContext = { adminId: meta.admin, warehouses: { MAIN: meta.main, NORTH: meta.north }, categoryIds: meta.cats, log };
  for (const s of steps) {
    const count = Number(counts[s.option] ?? s.default);
    if (!Number.isInteger(count) || count < 0) throw new Error(`--${s.option} must be a whole number`);
    await s.run(db, count, ctx);
  }
  // What autovacuum gives a running database: statistics, and visibility maps, without which no
  // index-only scan pays off (a freshly loaded table has none, so the bench measured a state that
  // no database in use is in).
  await db.exec('VACUUM (ANALYZE)');
  log('large seed complete');
}

async function main() {
  const steps = await loadSeedSteps();
  const { values } = parseArgs({ options: { ...seedOptions(steps), 'database-url': { type: 'string' } } });
  const url = values['database-url'] ?? process.env.DATABASE_URL;
  if (!url) throw new Error('Give --database-url or DATABASE_URL (a PostgreSQL database)');
  const db = createPostgresDatabase(url, 2);
  try {
    await seedLarge(db, values);
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
