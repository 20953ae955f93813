import { cold, cycle } from '../helpers.js';
import type { BenchRequest, ScenarioDefinition } from '../types.js';

const queries = ['gasket', 'stainless valve', 'seal', 'bracket 316l', 'drian', 'hose clamp', 'sensor', 'nozzle', 'GEN-00123', 'filter'];

async function searchRequests(auth: Record<string, string>): Promise<BenchRequest[]> {
  return queries.map((q) => ({ path: `/api/v1/inventory/search?query=${encodeURIComponent(q)}&limit=20`, headers: auth }));
}

export const scenarios: ScenarioDefinition[] = [
  {
    name: 'inventory search',
    target: { p95Ms: 50 },
    async prepare(ctx) {
      return { next: cycle(await searchRequests(await ctx.admin())) };
    },
  },
  {
    name: 'inventory search, cold (no-cache)',
    async prepare(ctx) {
      return { next: cycle((await searchRequests(await ctx.admin())).map(cold)) };
    },
  },
];
