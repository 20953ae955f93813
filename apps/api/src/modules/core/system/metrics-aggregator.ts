import type { Database, Queryable } from '../../../platform/db/database.js';
import type { JobDefinition } from '../../../platform/jobs/job-types.js';

/** A metric computed from real records, per warehouse (or platform-wide with warehouseId null). */
export interface MetricCollector {
  metric: string;
  collect(tx: Queryable): Promise<{ warehouseId: string | null; value: unknown }[]>;
}

/** Platform metrics; the domain issues register their KPIs (MTBF, MTTR, cycle time...) here. */
export const CORE_METRICS: MetricCollector[] = [
  {
    metric: 'users.active_by_role',
    async collect(tx) {
      const { rows } = await tx.query<{ warehouse_id: string; value: Record<string, number> }>(
        `SELECT warehouse_id, jsonb_object_agg(role, n) AS value
           FROM (SELECT warehouse_id, role, count(*)::int AS n FROM profiles WHERE active GROUP BY 1, 2) t GROUP BY warehouse_id`,
      );
      return rows.map((r) => ({ warehouseId: r.warehouse_id, value: r.value }));
    },
  },
  {
    metric: 'auth.logins_24h',
    async collect(tx) {
      const { rows } = await tx.query<{ warehouse_id: string; n: number }>(
        `SELECT warehouse_id, count(*)::int AS n FROM system_logs WHERE action = 'LOGIN' AND "timestamp" > now() - interval '24 hours' GROUP BY 1`,
      );
      return rows.map((r) => ({ warehouseId: r.warehouse_id, value: { count: r.n } }));
    },
  },
];

export async function aggregateMetrics(db: Database, collectors: MetricCollector[] = CORE_METRICS) {
  return db.transaction(async (tx) => {
    let written = 0;
    for (const c of collectors) {
      for (const point of await c.collect(tx)) {
        await tx.query(`INSERT INTO metrics_snapshots (metric, warehouse_id, value) VALUES ($1, $2, $3)`, [c.metric, point.warehouseId, JSON.stringify(point.value)]);
        written += 1;
      }
    }
    return { written };
  });
}

export const metricsAggregatorJob = (db: Database): JobDefinition => ({
  name: 'metrics-aggregator',
  description: 'Snapshots KPIs per warehouse every 15 minutes (platform metrics now; domain KPIs join as they land)',
  schedule: '*/15 * * * *',
  handler: () => aggregateMetrics(db),
});
