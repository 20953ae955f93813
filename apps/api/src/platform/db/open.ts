import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../config.js';
import { createPgliteDatabase, createPostgresDatabase, type Database } from './database.js';

/** DATABASE_URL selects PostgreSQL; without it the embedded PGlite database lives in DATA_DIR. */
export async function openDatabase(config: Config): Promise<Database> {
  if (config.DATABASE_URL) return createPostgresDatabase(config.DATABASE_URL, config.DATABASE_POOL_SIZE);
  const dir = path.join(config.dataDir, 'pglite');
  await mkdir(dir, { recursive: true });
  return createPgliteDatabase(dir);
}
