import { benchUserEmail } from '../../seed-large/steps/30-users.js';
import { cold, seededRandom, zipf } from '../helpers.js';
import { buildQueryMix } from '../search-mix.js';
import type { AuthHeaders, BenchContext, BenchRequest, PreparedScenario, ScenarioDefinition } from '../types.js';

const DISTINCT_QUERIES = 2500;
const USERS = 20;

/**
 * The realistic mix: 2,500 distinct queries (catalog words, 1-3 words, 10% misspelt, part
 * numbers and prefixes) drawn with Zipf frequencies (a few popular, most rare), each sent by one
 * of 20 users picked at random (read caches are per user), 20 results per page.
 */
async function searchMix(ctx: BenchContext, noCache: boolean): Promise<PreparedScenario> {
  const { rows: words } = await ctx.db.query<{ word: string }>(`SELECT word FROM search_vocabulary ORDER BY word`);
  const { rows: numbers } = await ctx.db.query<{ part_number: string }>(
    `(SELECT part_number FROM items WHERE part_number NOT LIKE 'GEN-%' ORDER BY part_number LIMIT 300)
     UNION ALL (SELECT part_number FROM items WHERE part_number LIKE 'GEN-%' ORDER BY id LIMIT 300)`,
  );
  const queries = buildQueryMix({ catalogWords: words.map((w) => w.word), partNumbers: numbers.map((n) => n.part_number), size: DISTINCT_QUERIES });
  if (queries.length < 2000) throw new Error(`only ${queries.length} distinct queries could be built`);
  const users: AuthHeaders[] = [];
  for (let i = 1; i <= USERS; i++) users.push(await ctx.signIn(benchUserEmail(i)));
  const query = zipf(queries, 1, noCache ? 11 : 7);
  const random = seededRandom(noCache ? 5 : 3);
  return {
    next: (): BenchRequest => {
      const req = { path: `/api/v1/inventory/search?query=${encodeURIComponent(query())}&limit=20`, headers: users[Math.floor(random() * users.length)]! };
      return noCache ? cold(req) : req;
    },
  };
}

export const scenarios: ScenarioDefinition[] = [
  { name: 'search: realistic mix (2,500 queries, 20 users)', target: { p95Ms: 50 }, prepare: (ctx) => searchMix(ctx, false) },
  { name: 'search: realistic mix, no-cache', target: { p95Ms: 150, dbCpuMs: 5 }, prepare: (ctx) => searchMix(ctx, true) },
];
