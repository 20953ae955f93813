import type { Database } from '../db/database.js';
import { randomToken } from './tokens.js';

/**
 * Returns a server secret, creating it once in the database when no environment value is given,
 * so that every process of one installation signs with the same key.
 */
export async function ensureSecret(db: Database, name: string, fromEnv?: string): Promise<string> {
  if (fromEnv) return fromEnv;
  await db.query(`INSERT INTO app_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [name, randomToken(48)]);
  const { rows } = await db.query<{ value: string }>(`SELECT value FROM app_secrets WHERE name = $1`, [name]);
  return rows[0]!.value;
}
