import { benchTechEmail } from '../../seed-large/steps/50-work-orders.js';
import { cold, cycle } from '../helpers.js';
import type { AuthHeaders, BenchContext, BenchRequest, ScenarioDefinition } from '../types.js';

/** Ten generated technicians of Main (odd numbers), each asking for its own open work. */
async function technicians(ctx: BenchContext): Promise<AuthHeaders[]> {
  return Promise.all([1, 3, 5, 7, 9, 11, 13, 15, 17, 19].map((i) => ctx.signIn(benchTechEmail(i))));
}

const supervisor = (ctx: BenchContext) => ctx.signIn('supervisor@plantops.local');

export const scenarios: ScenarioDefinition[] = [
  {
    name: 'work-order list, technician assignee=me',
    target: { p95Ms: 20 },
    async prepare(ctx) {
      const auth = await technicians(ctx);
      const paths = ['/api/v1/work-orders?assignee=me', '/api/v1/work-orders?assignee=me&status=ASSIGNED,IN_PROGRESS,ON_HOLD&sort=priority'];
      return { next: cycle(auth.flatMap((headers) => paths.map((path): BenchRequest => ({ path, headers })))) };
    },
  },
  {
    name: 'work-order list, supervisor filtered',
    target: { p95Ms: 20 },
    async prepare(ctx) {
      const headers = await supervisor(ctx);
      const paths = [
        '/api/v1/work-orders?status=IN_PROGRESS,ON_HOLD&priority=HIGH,CRITICAL',
        '/api/v1/work-orders?status=NEW&sort=priority',
        '/api/v1/work-orders?type=EMERGENCY&status=ASSIGNED',
        '/api/v1/work-orders?overdue=true',
      ];
      return { next: cycle(paths.map((path): BenchRequest => ({ path, headers }))) };
    },
  },
  {
    name: 'work-order detail',
    target: { p95Ms: 15 },
    async prepare(ctx) {
      const headers = await supervisor(ctx);
      const { rows } = await ctx.db.query<{ id: string }>(
        `SELECT w.id FROM work_orders w JOIN warehouses s ON s.id = w.warehouse_id WHERE s.code = 'MAIN' AND w.title LIKE 'Bench work %' ORDER BY w.fo_number LIMIT 200`,
      );
      return { next: cycle(rows.map((r): BenchRequest => ({ path: `/api/v1/work-orders/${r.id}`, headers }))) };
    },
  },
  {
    name: 'work-order create',
    target: { p95Ms: 25 },
    async prepare(ctx) {
      const headers = { ...(await supervisor(ctx)), 'content-type': 'application/json' };
      const body = JSON.stringify({ type: 'CORRECTIVE', title: 'Bench create', description: 'Created by the benchmark', priority: 'MEDIUM' });
      return { next: () => ({ method: 'POST', path: '/api/v1/work-orders', headers, body }), okStatus: [201] };
    },
  },
];

/** The same reads with `Cache-Control: no-cache`: what each costs when it runs its queries (the rows above are served from the read caches, decision 0018). */
const uncached = (name: string): ScenarioDefinition => {
  const base = scenarios.find((s) => s.name === name)!;
  return { name: `${name}, no-cache`, prepare: async (ctx) => {
    const source = await base.prepare(ctx);
    return { ...source, next: () => cold(source.next()) };
  } };
};
scenarios.push(uncached('work-order list, technician assignee=me'), uncached('work-order list, supervisor filtered'), uncached('work-order detail'));
