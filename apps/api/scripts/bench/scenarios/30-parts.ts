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

/** Follows nextCursor `pages` times from the first page: the cursor of a deep page, as a scrolling client holds it. */
async function deepCursor(ctx: BenchContext, headers: Record<string, string>, query: string, pages: number): Promise<string> {
  let url = `/api/v1/parts?limit=20&${query}`;
  let cursor = '';
  for (let i = 0; i < pages; i++) {
    const res = await fetch(`${ctx.base}${url}`, { headers });
    const body = (await res.json()) as { data: { pagination: { nextCursor: string | null } } };
    if (!body.data.pagination.nextCursor) break;
    cursor = body.data.pagination.nextCursor;
    url = `/api/v1/parts?limit=20&${query}&cursor=${encodeURIComponent(cursor)}`;
  }
  return url;
}

/**
 * List pages people open, as a clerk (one site) and the admin (every site): first pages of each
 * sort, filters, a text filter, page 2 by number, and pages 100 and 500 reached by cursor.
 */
const partsList = async (ctx: BenchContext): Promise<BenchRequest[]> => {
  const clerk = await ctx.signIn('inventory-clerk@plantops.local');
  const admin = await ctx.admin();
  const firstPages = [
    '', 'sortBy=updatedAt&sortOrder=desc', 'sortBy=quantityOnHand', 'lowStock=true', 'kind=SERVICE_PART', 'search=gasket',
    'page=2', 'sortBy=partNumber&sortOrder=desc&page=3',
  ];
  const requests: BenchRequest[] = [];
  for (const headers of [clerk, admin]) {
    for (const q of firstPages) requests.push({ path: `/api/v1/parts?limit=20${q ? `&${q}` : ''}`, headers });
    requests.push({ path: await deepCursor(ctx, headers, 'sortBy=partNumber', 100), headers });
    requests.push({ path: await deepCursor(ctx, headers, 'sortBy=updatedAt&sortOrder=desc', 500), headers });
  }
  return requests;
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
          // Numbered among the catalog's own (GEN-0012345-B…), as a plant's new parts are: numbers that
          // all sorted first made every later run's filtered list pages walk past them. (seed:large
          // counts only GEN-<7 digits> as its own.)
          const slot = String(Math.floor(random() * 100_000)).padStart(7, '0');
          return jsonRequest('POST', '/api/v1/parts', auth, {
            partNumber: `GEN-${slot}-${run}-${n}`, name: `Bench part ${n}`, description: 'Created by the benchmark', cost: Math.round(random() * 10_000) / 100,
            reorderPoint: 5, quantityOnHand: 10 + (n % 20), defaultBin: `B-${n % 100}`,
          });
        },
      };
    },
  },
];
