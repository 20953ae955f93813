import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '../platform/db/database.js';
import { nextStockState } from '../modules/core/inventory/stock-rules.js';
import { CATEGORIES, DEMO_ITEMS, DEMO_VENDORS, type ItemSeed } from './catalog/index.js';

/**
 * Seeds the demo catalog (categories, items with their BOM structure, vendors per site) and the
 * opening stock of both warehouses, each balance with its INBOUND ledger row.
 */
export async function seedDemoCatalog(tx: Queryable, warehouses: Record<'MAIN' | 'NORTH', string>, adminId: string): Promise<void> {
  const categoryIds = new Map<string, string>();
  for (const c of CATEGORIES) {
    const id = uuidv7();
    categoryIds.set(c.key, id);
    await tx.query(`INSERT INTO inventory_categories (id, parent_id, name, description, sort_order) VALUES ($1, $2, $3, $4, $5)`, [
      id, c.parent ? categoryIds.get(c.parent) : null, c.name, c.description, c.sortOrder,
    ]);
  }
  for (const warehouseId of Object.values(warehouses)) {
    for (const v of DEMO_VENDORS) {
      await tx.query(`INSERT INTO vendors (id, warehouse_id, name, type, email, phone) VALUES ($1, $2, $3, $4, $5, $6)`, [uuidv7(), warehouseId, v.name, v.type, v.email, v.phone]);
    }
  }

  // Set-based inserts (one statement per table) keep seeding fast for every test database.
  const itemIds = new Map(DEMO_ITEMS.map((item) => [item.pn, uuidv7()]));
  const col = <T>(fn: (item: ItemSeed) => T) => DEMO_ITEMS.map(fn);
  await tx.query(
    `INSERT INTO items (id, part_number, catalog_number, kind, category_id, name, description, cost, list_price, lead_time_days,
       specifications, supplier_name, supplier_part_number, original_number, model_compatibility, created_by)
     SELECT id, pn, cat, kind, category_id, name, description, cost, list_price, lead, spec::jsonb, supplier, supplier_pn, original,
            ARRAY(SELECT jsonb_array_elements_text(models::jsonb)), $16
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::numeric[], $9::numeric[],
                   $10::int[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[])
         AS t(id, pn, cat, kind, category_id, name, description, cost, list_price, lead, spec, supplier, supplier_pn, original, models)`,
    [col((i) => itemIds.get(i.pn)), col((i) => i.pn), col((i) => i.catalog ?? null), col((i) => i.kind), col((i) => categoryIds.get(i.category)),
      col((i) => i.name), col((i) => i.description ?? ''), col((i) => i.cost), col((i) => i.listPrice ?? null), col((i) => i.leadDays ?? null),
      col((i) => JSON.stringify(i.specifications ?? {})), col((i) => i.supplier?.[0] ?? null), col((i) => i.supplier?.[1] ?? null),
      col((i) => (i.specifications?.originalNumber as string | undefined) ?? null), col((i) => JSON.stringify(i.models ?? [])), adminId],
  );
  await insertComponents(tx, itemIds);
  await insertOpeningStock(tx, itemIds, warehouses, adminId);
}

async function insertComponents(tx: Queryable, itemIds: Map<string, string>) {
  const rows = DEMO_ITEMS.flatMap((item) =>
    (item.children ?? []).map(([childPn, quantity], i) => {
      const childId = itemIds.get(childPn);
      if (!childId) throw new Error(`Demo catalog: ${item.pn} lists unknown child ${childPn}`);
      return { parent: itemIds.get(item.pn)!, child: childId, quantity, i };
    }),
  );
  await tx.query(
    `INSERT INTO item_components (parent_id, child_id, quantity, sort_order) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::numeric[], $4::int[])`,
    [rows.map((r) => r.parent), rows.map((r) => r.child), rows.map((r) => r.quantity), rows.map((r) => r.i)],
  );
}

async function insertOpeningStock(tx: Queryable, itemIds: Map<string, string>, warehouses: Record<'MAIN' | 'NORTH', string>, adminId: string) {
  // The smaller North Plant reorders at half the Main Plant's point.
  const rows = DEMO_ITEMS.flatMap((item) => {
    if (!item.stock) return [];
    const [main, north, point, bin] = item.stock;
    return ([['MAIN', main, point], ['NORTH', north, Math.floor(point / 2)]] as const).map(([code, onHand, reorderPoint]) => ({
      itemId: itemIds.get(item.pn)!, warehouseId: warehouses[code], onHand, reorderPoint, bin: bin ?? null, state: nextStockState(onHand, reorderPoint),
    }));
  });
  await tx.query(
    `INSERT INTO stock (item_id, warehouse_id, quantity_on_hand, reorder_point, default_bin, stock_state, last_movement_at)
     SELECT i, w, q, r, b, s, now() FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::int[], $5::text[], $6::text[]) AS t(i, w, q, r, b, s)`,
    [rows.map((r) => r.itemId), rows.map((r) => r.warehouseId), rows.map((r) => r.onHand), rows.map((r) => r.reorderPoint), rows.map((r) => r.bin), rows.map((r) => r.state)],
  );
  const opening = rows.filter((r) => r.onHand > 0);
  await tx.query(
    `INSERT INTO stock_transactions (item_id, warehouse_id, type, quantity, on_hand_after, reserved_after, reason, performed_by)
     SELECT i, w, 'INBOUND', q, q, 0, 'Opening balance', $4 FROM unnest($1::uuid[], $2::uuid[], $3::int[]) AS t(i, w, q)`,
    [opening.map((r) => r.itemId), opening.map((r) => r.warehouseId), opening.map((r) => r.onHand), adminId],
  );
}
