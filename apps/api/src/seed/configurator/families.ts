import { readFileSync } from 'node:fs';
import path from 'node:path';
import { API_ROOT } from '../../paths.js';
import type { Queryable } from '../../platform/db/database.js';

/**
 * The configurator's product families as data (decision 0012): one JSON document per family,
 * seeded into `configurator_families`. Adding a family is adding a file here and its catalog items.
 */
export const FAMILY_FILES = ['cleanstation-pro.json', 'cleanstation-standard.json', 'mdrd-t2.json'] as const;

const DIR = path.join(API_ROOT, 'src/seed/configurator');

/** The family documents as stored (parsed JSON, unchecked: the configurator checks their shape). */
export function readFamilyDocuments(): unknown[] {
  return FAMILY_FILES.map((file) => JSON.parse(readFileSync(path.join(DIR, file), 'utf8')) as unknown);
}

interface SeedDoc {
  id: string;
  code: string;
  name: string;
  isActive: boolean;
  templates?: { id: string; name: string; description: string; category: string; configuration: unknown; popularity: number; lastUsed?: string; createdAt: string }[];
}

/**
 * Stores the family documents (templates apart, in their own table) that the database does not
 * have yet: product data shipped with the server, synced at every start (main.ts), never
 * overwriting a stored family.
 */
export async function seedConfiguratorFamilies(tx: Queryable): Promise<void> {
  for (const raw of readFamilyDocuments()) {
    const { templates = [], ...doc } = raw as SeedDoc;
    await tx.query(`INSERT INTO configurator_families (id, code, name, document, is_active) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`, [doc.id, doc.code, doc.name, JSON.stringify(doc), doc.isActive]);
    for (const t of templates) {
      await tx.query(
        `INSERT INTO configuration_templates (id, family_id, name, description, category, configuration, popularity, last_used_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
        [t.id, doc.id, t.name, t.description, t.category, JSON.stringify(t.configuration), t.popularity, t.lastUsed ?? null, t.createdAt],
      );
    }
  }
}
