import type { Database } from '../../src/platform/db/database.js';

/** Ids every step may need, read once after the demo data is in. */
export interface SeedContext {
  adminId: string;
  warehouses: { MAIN: string; NORTH: string };
  /** Non-root inventory category ids, by name. */
  categoryIds: string[];
  log(msg: string): void;
}

/**
 * One part of the large data set, with its own command-line option (`--<option> N`). Files in
 * ./steps export `step: LargeSeedStep` and run in file-name order (10-items before 20-ledger), so a
 * domain adds e.g. `40-equipment.ts` without editing the others. Steps must be idempotent: they
 * top up to `count` and do nothing when it is already there.
 */
export interface LargeSeedStep {
  option: string;
  default: number;
  description: string;
  run(db: Database, count: number, ctx: SeedContext): Promise<void>;
}
