import type { Queryable } from '../../../platform/db/database.js';

/**
 * What is free (on hand minus reserved) of these items in a warehouse, for modules that reserve
 * through the ledger. `lock` takes the stock rows FOR UPDATE in item order first, so that two
 * reservations racing for the last units queue instead of both reading "available" (and cannot
 * deadlock); moveStock's conditional update stays the second wall.
 */
export async function availableStock(tx: Queryable, warehouseId: string, itemIds: string[], opts: { lock?: boolean } = {}): Promise<Map<string, number>> {
  const { rows } = await tx.query<{ item_id: string; available: number }>(
    `SELECT item_id, quantity_on_hand - quantity_reserved AS available FROM stock
      WHERE warehouse_id = $1 AND item_id = ANY($2::uuid[]) ORDER BY item_id ${opts.lock ? 'FOR UPDATE' : ''}`,
    [warehouseId, itemIds],
  );
  return new Map(rows.map((r) => [r.item_id, Number(r.available)]));
}
