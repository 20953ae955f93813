import { cold, cycle, jsonRequest, seededRandom } from '../helpers.js';
import type { BenchContext, BenchRequest, ScenarioDefinition } from '../types.js';

/**
 * The template for every domain's read and write scenarios: a detail page by id, a list page
 * (filters, sorts, deep pages) and a create. Copy this file for a domain's own records.
 */

async function sampleIds(ctx: BenchContext, n = 200): Promise<string[]> {
  const { rows } = await ctx.db.query<{ id: string }>(`SELECT id FROM items WHERE part_number LIKE 'GEN-%' ORDER BY part_number LIMIT $1`, [n]);
  return rows.map((r) => r.id);
}

/** Manufacturing part page (spec 3.3): path, used-in, stock per site, history, documents. */
const partDetail = async (ctx: BenchContext): Promise<BenchRequest[]> => {
  const auth = await ctx.admin();
  return (await sampleIds(ctx)).map((id) => ({ path: `/api/v1/inventory/parts/${id}`, headers: auth }));
};

/** CMMS part by id as a clerk of one site. */
const partById = async (ctx: BenchContext): Promise<BenchRequest[]> => {
  const auth = await ctx.signIn('inventory-clerk@plantops.local');
  return (await sampleIds(ctx)).map((id) => ({ path: `/api/v1/parts/${id}`, headers: auth }));
};

/** List pages people open: first pages of each sort, filters, a search, and deep pages. */
const partsList = async (ctx: BenchContext): Promise<BenchRequest[]> => {
  const clerk = await ctx.signIn('inventory-clerk@plantops.local');
  const admin = await ctx.admin();
  const pages = [
    '', 'sortBy=updatedAt&sortOrder=desc', 'sortBy=quantityOnHand', 'lowStock=true', 'kind=SERVICE_PART', 'search=gasket',
    'page=2', 'page=50', 'page=400', 'sortBy=partNumber&sortOrder=desc&page=3',
  ];
  return pages.flatMap((q) => [clerk, admin].map((headers) => ({ path: `/api/v1/parts?limit=20${q ? `&${q}` : ''}`, headers })));
};

export const scenarios: ScenarioDefinition[] = [
  { name: 'part detail (manufacturing page)', target: { p95Ms: 20 }, prepare: async (ctx) => ({ next: cycle(await partDetail(ctx)) }) },
  { name: 'part detail, no-cache', prepare: async (ctx) => ({ next: cycle((await partDetail(ctx)).map(cold)) }) },
  { name: 'part by id (CMMS)', target: { p95Ms: 20 }, prepare: async (ctx) => ({ next: cycle(await partById(ctx)) }) },
  { name: 'parts list, 20 per page', target: { p95Ms: 50, serverCpuMs: 3 }, prepare: async (ctx) => ({ next: cycle(await partsList(ctx)) }) },
  {
    name: 'part create (audited, ledger, event, RLS)',
    target: { serverCpuMs: 3 },
    async prepare(ctx) {
      const auth = await ctx.signIn('inventory-clerk@plantops.local');
      const run = `B${Date.now().toString(36).toUpperCase()}`;
      const random = seededRandom(17);
      let n = 0;
      return {
        okStatus: [201],
        next: () => {
          n += 1;
          return jsonRequest('POST', '/api/v1/parts', auth, {
            partNumber: `${run}-${n}`, name: `Bench part ${n}`, description: 'Created by the benchmark', cost: Math.round(random() * 10_000) / 100,
            reorderPoint: 5, quantityOnHand: 10 + (n % 20), defaultBin: `B-${n % 100}`,
          });
        },
      };
    },
  },
];
