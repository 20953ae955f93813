import type { Queryable } from '../../../platform/db/database.js';

export interface LowStockRow {
  id: string;
  part_number: string;
  name: string;
  quantity_on_hand: number;
  reorder_level: number;
  cost: string;
  lead_time_days: number | null;
  supplier_name: string | null;
  supplier_phone: string | null;
  last_used: Date | null;
  used_90d: number;
  total?: number;
}

/**
 * Items at or below `threshold` percent of their reorder point in the visible warehouses (one
 * row per item, stock summed across them), with usage figures from the ledger's last 90 days.
 */
export async function listLowStock(
  q: Queryable,
  f: { thresholdPct: number; categoryId?: string; urgent: boolean; page: number; limit: number },
): Promise<{ rows: LowStockRow[]; total: number; totals: { value: number; high: number; medium: number; low: number } }> {
  const limitPct = f.urgent ? Math.min(50, f.thresholdPct) : f.thresholdPct;
  const base = `WITH low AS (
      SELECT s.item_id, sum(s.quantity_on_hand)::bigint AS on_hand, sum(s.reorder_point)::bigint AS reorder_level
        FROM stock s GROUP BY s.item_id
      HAVING sum(s.reorder_point) > 0 AND sum(s.quantity_on_hand) * 100 <= sum(s.reorder_point) * $1::numeric),
    picked AS (
      SELECT i.*, low.on_hand, low.reorder_level, (low.on_hand * 100.0 / low.reorder_level) AS pct
        FROM low JOIN items i ON i.id = low.item_id
       WHERE i.is_active AND ($2::uuid IS NULL OR i.category_id IN (
         WITH RECURSIVE tree AS (SELECT id FROM inventory_categories WHERE id = $2
           UNION ALL SELECT c.id FROM inventory_categories c JOIN tree t ON c.parent_id = t.id) SELECT id FROM tree)))`;
  const { rows } = await q.query<LowStockRow>(
    `${base}
     SELECT p.id, p.part_number, p.name, p.on_hand AS quantity_on_hand, p.reorder_level, p.cost, p.lead_time_days, p.supplier_name,
            (SELECT v.phone FROM vendors v WHERE v.name = p.supplier_name ORDER BY v.created_at LIMIT 1) AS supplier_phone,
            (SELECT max(t.created_at) FROM stock_transactions t WHERE t.item_id = p.id AND t.type IN ('USED','SHIPPED')) AS last_used,
            (SELECT coalesce(-sum(t.quantity), 0)::bigint FROM stock_transactions t
              WHERE t.item_id = p.id AND t.type IN ('USED','SHIPPED') AND t.created_at > now() - interval '90 days') AS used_90d,
            count(*) OVER () AS total
       FROM picked p ORDER BY p.pct, p.part_number LIMIT $3 OFFSET $4`,
    [limitPct, f.categoryId ?? null, f.limit, (f.page - 1) * f.limit],
  );
  const agg = await q.query<{ value: string; high: number; medium: number; low: number }>(
    `${base}
     SELECT coalesce(sum(cost * on_hand), 0) AS value, count(*) FILTER (WHERE pct <= 50)::int AS high,
            count(*) FILTER (WHERE pct > 50 AND pct <= 75)::int AS medium, count(*) FILTER (WHERE pct > 75)::int AS low
       FROM picked`,
    [limitPct, f.categoryId ?? null],
  );
  const a = agg.rows[0];
  return { rows, total: rows[0] ? Number(rows[0].total) : 0, totals: { value: Number(a?.value ?? 0), high: a?.high ?? 0, medium: a?.medium ?? 0, low: a?.low ?? 0 } };
}

export const urgencyOf = (pct: number): 'HIGH' | 'MEDIUM' | 'LOW' => (pct <= 50 ? 'HIGH' : pct <= 75 ? 'MEDIUM' : 'LOW');
