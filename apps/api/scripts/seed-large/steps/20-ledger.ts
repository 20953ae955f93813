import type { LargeSeedStep } from '../types.js';

/** Ledger rows over the generated items (a year of receipts and usage); stock is what the ledger says. */
export const step: LargeSeedStep = {
  option: 'transactions',
  default: 1_000_000,
  description: 'stock ledger rows over the generated items',
  async run(db, count, ctx) {
    const { rows: [tx] } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM stock_transactions`);
    if ((tx?.n ?? 0) >= count) return;
    await db.exec(`CREATE TEMP TABLE IF NOT EXISTS gen_items AS SELECT id, row_number() OVER (ORDER BY part_number) AS rn FROM items WHERE part_number ~ '^GEN-[0-9]{7}$';
                   CREATE INDEX IF NOT EXISTS gen_items_rn ON gen_items (rn);`);
    const { rows: [cnt] } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM gen_items`);
    const n = cnt?.n ?? 0;
    if (n === 0) return;
    const batch = 200_000;
    const todo = count - (tx?.n ?? 0);
    for (let start = 0; start < todo; start += batch) {
      const size = Math.min(batch, todo - start);
      // Every item gets an opening INBOUND first, then a mix of receipts and usage spread over a year.
      await db.query(
        `INSERT INTO stock_transactions (item_id, warehouse_id, type, quantity, on_hand_after, reserved_after, reason, performed_by, created_at)
         SELECT gi.id, CASE WHEN g % 3 = 0 THEN $4::uuid ELSE $3::uuid END,
                CASE WHEN g % 4 = 0 THEN 'USED' ELSE 'INBOUND' END,
                CASE WHEN g % 4 = 0 THEN -(1 + g % 3) ELSE 1 + g % 12 END,
                0, 0, CASE WHEN g % 4 = 0 THEN 'Used in production' ELSE 'Receipt' END, $5,
                now() - make_interval(secs => ($6::int - g) * 30)
           FROM generate_series($1::int, $2::int) AS g JOIN gen_items gi ON gi.rn = 1 + (g::bigint * 7919) % $7`,
        [start + 1, start + size, ctx.warehouses.MAIN, ctx.warehouses.NORTH, ctx.adminId, count, n],
      );
      ctx.log(`ledger ${start + size}/${todo}`);
    }
    // Stock is what the ledger says it is (never negative: the mix above nets upwards per item).
    await db.query(
      `INSERT INTO stock (item_id, warehouse_id, quantity_on_hand, reorder_point, default_bin, last_movement_at)
       SELECT t.item_id, t.warehouse_id, greatest(0, sum(t.quantity))::int, 5 + abs(hashtext(t.item_id::text)) % 20, 'G-' || abs(hashtext(t.item_id::text)) % 500, max(t.created_at)
         FROM stock_transactions t JOIN items i ON i.id = t.item_id WHERE i.part_number ~ '^GEN-[0-9]{7}$'
        GROUP BY t.item_id, t.warehouse_id
       ON CONFLICT (item_id, warehouse_id) DO UPDATE SET quantity_on_hand = EXCLUDED.quantity_on_hand, last_movement_at = EXCLUDED.last_movement_at`,
    );
  },
};
