import { cold, cycle } from '../helpers.js';
import type { BenchRequest, ScenarioDefinition } from '../types.js';

/**
 * Customer orders on 100,000 generated orders (`--orders`): the coordinator's list with the
 * spec's filters and sorts and free-text search, the assembler's assigned list, and the detail;
 * each as clients see it (repeat reads from the read cache, decision 0018) and with
 * `Cache-Control: no-cache`, so every request runs its queries.
 */
const coordinator = (ctx: Parameters<ScenarioDefinition['prepare']>[0]) => ctx.signIn('production-coordinator@plantops.local');

const coordinatorLists = async (ctx: Parameters<ScenarioDefinition['prepare']>[0]) => {
  const headers = await coordinator(ctx);
  const paths = [
    '/api/v1/orders',
    '/api/v1/orders?status=IN_PRODUCTION,PRE_QC&sortBy=updatedAt',
    '/api/v1/orders?priority=RUSH&sortBy=orderNumber&sortOrder=asc',
    '/api/v1/orders?dateFrom=2026-01-01&dateTo=2026-06-30',
    '/api/v1/orders?search=bench%20hospital%2042',
    '/api/v1/orders?search=bn-b00012',
    '/api/v1/orders?page=50&limit=20',
  ];
  return paths.map((path): BenchRequest => ({ path, headers }));
};
const orderPages = async (ctx: Parameters<ScenarioDefinition['prepare']>[0]) => {
  const headers = await coordinator(ctx);
  const { rows } = await ctx.db.query<{ id: string }>(
    `SELECT o.id FROM orders o JOIN warehouses w ON w.id = o.warehouse_id WHERE w.code = 'MAIN' AND o.order_number LIKE 'TOR-%-B%' ORDER BY o.order_number LIMIT 200`,
  );
  return rows.map((r): BenchRequest => ({ path: `/api/v1/orders/${r.id}`, headers }));
};

export const scenarios: ScenarioDefinition[] = [
  { name: 'order list, coordinator filtered and sorted', target: { p95Ms: 30 }, prepare: async (ctx) => ({ next: cycle(await coordinatorLists(ctx)) }) },
  { name: 'order list, coordinator, no-cache', prepare: async (ctx) => ({ next: cycle((await coordinatorLists(ctx)).map(cold)) }) },
  {
    name: 'order list, assembler assigned',
    target: { p95Ms: 30 },
    async prepare(ctx) {
      const headers = await ctx.signIn('assembler@plantops.local');
      return { next: cycle(['/api/v1/orders', '/api/v1/orders?status=IN_PRODUCTION'].map((path): BenchRequest => ({ path, headers }))) };
    },
  },
  { name: 'order detail', target: { p95Ms: 20 }, prepare: async (ctx) => ({ next: cycle(await orderPages(ctx)) }) },
  { name: 'order detail, no-cache', prepare: async (ctx) => ({ next: cycle((await orderPages(ctx)).map(cold)) }) },
];
