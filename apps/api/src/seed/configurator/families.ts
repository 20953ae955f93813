import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The configurator's product families as data (decision 0012): one JSON document per family,
 * seeded into `configurator_families`. Adding a family is adding a file here and its catalog items.
 */
export const FAMILY_FILES = ['cleanstation-pro.json', 'cleanstation-standard.json', 'mdrd-t2.json'] as const;

const DIR = path.dirname(fileURLToPath(import.meta.url));

/** The family documents as stored (parsed JSON, unchecked: the configurator checks their shape). */
export function readFamilyDocuments(): unknown[] {
  return FAMILY_FILES.map((file) => JSON.parse(readFileSync(path.join(DIR, file), 'utf8')) as unknown);
}
