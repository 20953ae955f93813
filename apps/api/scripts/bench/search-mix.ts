import { ADJECTIVES, MATERIALS, NOUNS } from '../seed-large/steps/10-items.js';
import { seededRandom } from './helpers.js';

/**
 * A realistic search query mix (issue 9): distinct queries built from the catalog's vocabulary,
 * one to three words, 10% with a typo, some exact part numbers and part-number prefixes.
 * Deterministic (seeded), so runs compare.
 */
export interface QueryMixInput {
  /** Words of the catalog (the search vocabulary table). */
  catalogWords: string[];
  /** Part numbers of the catalog (demo and generated). */
  partNumbers: string[];
  /** How many distinct queries to build. */
  size: number;
  seed?: number;
}

/** One typo: a dropped, doubled or swapped letter inside the word (never the first letter). */
export function misspell(word: string, random: () => number): string {
  if (word.length < 5) return word;
  const i = 1 + Math.floor(random() * (word.length - 2));
  const kind = Math.floor(random() * 3);
  if (kind === 0) return word.slice(0, i) + word.slice(i + 1);
  if (kind === 1) return word.slice(0, i) + word[i] + word.slice(i);
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

export function buildQueryMix(input: QueryMixInput): string[] {
  const random = seededRandom(input.seed ?? 9);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  // Item-name words weigh more than description words: people search for what a part is.
  const nameWords = [...NOUNS, ...MATERIALS.flatMap((m) => m.split(' ')), ...ADJECTIVES].map((w) => w.toLowerCase());
  const words = [...new Set([...nameWords, ...input.catalogWords.filter((w) => /^[a-z]{3,20}$/.test(w))])];
  const word = () => (random() < 0.5 ? pick(nameWords) : pick(words));
  const queries = new Set<string>();
  let guard = 0;
  while (queries.size < input.size && guard++ < input.size * 50) {
    const r = random();
    let q: string;
    if (r < 0.05) {
      q = pick(input.partNumbers); // an exact part number
    } else if (r < 0.1) {
      const pn = pick(input.partNumbers); // a part-number prefix, as typed so far
      q = pn.slice(0, Math.max(3, Math.min(pn.length - 1, 3 + Math.floor(random() * 6)))).toLowerCase();
    } else {
      const n = random() < 0.45 ? 1 : random() < 0.7 ? 2 : 3;
      const parts = Array.from({ length: n }, word);
      if (random() < 0.1) {
        const i = Math.floor(random() * parts.length);
        parts[i] = misspell(parts[i]!, random);
      }
      q = parts.join(' ');
    }
    queries.add(q);
  }
  return [...queries];
}
