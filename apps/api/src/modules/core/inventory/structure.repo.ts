import { prepared, type Queryable } from '../../../platform/db/database.js';

/**
 * What other modules (the configurator, BOMs) read of the item master: items by part number or
 * id, and the structure below a set of items with each item's stock in one warehouse.
 */

export interface ItemFacts {
  id: string;
  partNumber: string;
  catalogNumber: string | null;
  name: string;
  kind: string;
  cost: number;
  listPrice: number | null;
  leadTimeDays: number | null;
  isCustom: boolean;
  isActive: boolean;
}

interface ItemFactsRow {
  id: string;
  part_number: string;
  catalog_number: string | null;
  name: string;
  kind: string;
  cost: string | number;
  list_price: string | number | null;
  lead_time_days: number | null;
  is_custom: boolean;
  is_active: boolean;
}

const FACT_COLUMNS = `i.id, i.part_number, i.catalog_number, i.name, i.kind, i.cost, i.list_price, i.lead_time_days, i.is_custom, i.is_active`;

// Prepared once per connection: the configurator asks these on every validation and BOM, and
// planning them cost more than running them (decision 0012, bench).
const ITEM_FACTS = prepared('inventory_item_facts', `SELECT ${FACT_COLUMNS} FROM items i WHERE upper(i.part_number) = ANY($1::text[]) OR i.id = ANY($2::uuid[])`);

export const toItemFacts = (r: ItemFactsRow): ItemFacts => ({
  id: r.id, partNumber: r.part_number, catalogNumber: r.catalog_number, name: r.name, kind: r.kind, cost: Number(r.cost),
  listPrice: r.list_price === null ? null : Number(r.list_price), leadTimeDays: r.lead_time_days, isCustom: r.is_custom, isActive: r.is_active,
});

/** Items by part number (case-insensitive) and/or id, in one query. */
export async function findItemFacts(q: Queryable, refs: { partNumbers?: string[]; ids?: string[] }): Promise<ItemFacts[]> {
  const pns = [...new Set((refs.partNumbers ?? []).map((p) => p.toUpperCase()))];
  const ids = [...new Set(refs.ids ?? [])];
  if (!pns.length && !ids.length) return [];
  const { rows } = await q.query<ItemFactsRow>(ITEM_FACTS, [pns, ids]);
  return rows.map(toItemFacts);
}

export interface StructureNode extends ItemFacts {
  /** On hand minus reserved in the warehouse asked about (never below zero). */
  availableStock: number;
  specifications: Record<string, unknown>;
}

export interface StructureEdge {
  parentId: string;
  childId: string;
  quantity: number;
  sortOrder: number;
}

const STRUCTURE = prepared(
  'inventory_structure',
  `WITH RECURSIVE tree AS (
     SELECT c.parent_id, c.child_id, c.quantity, c.sort_order, 1 AS depth, ARRAY[c.parent_id] AS trail
       FROM item_components c WHERE c.parent_id = ANY($1::uuid[])
     UNION ALL
     SELECT c.parent_id, c.child_id, c.quantity, c.sort_order, t.depth + 1, t.trail || c.parent_id
       FROM item_components c JOIN tree t ON c.parent_id = t.child_id
      WHERE t.depth < 10 AND NOT c.child_id = ANY(t.trail || c.parent_id)),
   edges AS (SELECT DISTINCT parent_id, child_id, quantity, sort_order FROM tree),
   ids AS (SELECT unnest($1::uuid[]) AS id UNION SELECT child_id FROM edges)
   SELECT (SELECT coalesce(jsonb_agg(e), '[]') FROM edges e) AS edges,
          (SELECT coalesce(jsonb_agg(x), '[]') FROM (
             SELECT ${FACT_COLUMNS}, i.specifications, coalesce(s.quantity_on_hand, 0) AS on_hand, coalesce(s.quantity_reserved, 0) AS reserved
               FROM ids JOIN items i ON i.id = ids.id
               LEFT JOIN stock s ON s.item_id = i.id AND s.warehouse_id = $2) x) AS items`,
);

/**
 * Every item at or below `rootIds` (item_components, at most 10 levels, cycles cut) with its
 * available stock in `warehouseId`, in one round trip.
 */
export async function loadStructure(q: Queryable, rootIds: string[], warehouseId: string): Promise<{ items: Map<string, StructureNode>; edges: StructureEdge[] }> {
  if (!rootIds.length) return { items: new Map(), edges: [] };
  const { rows } = await q.query<{ edges: { parent_id: string; child_id: string; quantity: string | number; sort_order: number }[]; items: (ItemFactsRow & { on_hand: number; reserved: number; specifications: Record<string, unknown> })[] }>(
    STRUCTURE,
    [rootIds, warehouseId],
  );
  const row = rows[0]!;
  return {
    items: new Map(row.items.map((r) => [r.id, { ...toItemFacts(r), specifications: r.specifications ?? {}, availableStock: Math.max(0, r.on_hand - r.reserved) }])),
    edges: row.edges.map((e) => ({ parentId: e.parent_id, childId: e.child_id, quantity: Number(e.quantity), sortOrder: e.sort_order })),
  };
}
