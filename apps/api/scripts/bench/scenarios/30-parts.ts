import { cold, cycle } from '../helpers.js';
import type { BenchContext, BenchRequest, ScenarioDefinition } from '../types.js';

/** 200 generated parts' detail pages, as the admin. */
async function detailRequests(ctx: BenchContext): Promise<BenchRequest[]> {
  const auth = await ctx.admin();
  const { rows } = await ctx.db.query<{ id: string }>(`SELECT id FROM items WHERE part_number LIKE 'GEN-%' ORDER BY part_number LIMIT 200`);
  return rows.map((r) => ({ path: `/api/v1/inventory/parts/${r.id}`, headers: auth }));
}

export const scenarios: ScenarioDefinition[] = [
  {
    name: 'part detail',
    target: { p95Ms: 20 },
    async prepare(ctx) {
      return { next: cycle(await detailRequests(ctx)) };
    },
  },
  {
    name: 'part detail, cold (no-cache)',
    async prepare(ctx) {
      return { next: cycle((await detailRequests(ctx)).map(cold)) };
    },
  },
];
