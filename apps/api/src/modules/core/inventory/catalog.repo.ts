import { prepared, type Queryable } from '../../../platform/db/database.js';

/**
 * Browse queries of the item master. Stock figures are sums over the stock rows the caller's
 * row-level security lets it see: the acting warehouse, or every site for ADMIN/MANAGER.
 */

export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** Items of a category and its sub-categories (the tree is at most a few levels deep). */
const CATEGORY_SUBTREE = `WITH RECURSIVE tree AS (
    SELECT id FROM inventory_categories WHERE id = $1
    UNION ALL SELECT c.id FROM inventory_categories c JOIN tree t ON c.parent_id = t.id)`;

export interface CategoryRow {
  id: string;
  name: string;
  description: string | null;
  sort_order: number;
  is_active: boolean;
  created_at: Date;
  parent_id: string | null;
  item_count: number;
}

export async function listCategories(q: Queryable, includeInactive: boolean, sortBy: 'name' | 'sortOrder', desc: boolean): Promise<CategoryRow[]> {
  const { rows } = await q.query<CategoryRow>(
    `WITH RECURSIVE tree AS (
       SELECT id AS root, id FROM inventory_categories
       UNION ALL SELECT t.root, c.id FROM inventory_categories c JOIN tree t ON c.parent_id = t.id)
     SELECT c.*, (SELECT count(*)::int FROM items i JOIN tree t ON t.id = i.category_id WHERE t.root = c.id AND ($1 OR i.is_active)) AS item_count
       FROM inventory_categories c
      WHERE ($1 OR c.is_active)
      ORDER BY ${sortBy === 'name' ? 'lower(c.name)' : 'c.sort_order'} ${desc ? 'DESC' : 'ASC'}, c.name`,
    [includeInactive],
  );
  return rows;
}

export async function findCategory(q: Queryable, id: string) {
  const { rows } = await q.query<{ id: string; name: string }>(`SELECT id, name FROM inventory_categories WHERE id = $1`, [id]);
  return rows[0];
}

export interface ItemRow {
  id: string;
  part_number: string;
  catalog_number: string | null;
  kind: string;
  name: string;
  description: string;
  cost: string;
  list_price: string | null;
  lead_time_days: number | null;
  specifications: Record<string, unknown>;
  supplier_name: string | null;
  supplier_part_number: string | null;
  vendor_id: string | null;
  model_compatibility: string[];
  is_custom: boolean;
  is_active: boolean;
  category_id: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  child_count: number;
  quantity_on_hand: number;
  quantity_reserved: number;
  reorder_level: number;
  last_movement_at: Date | null;
  quantity?: string;
  is_required?: boolean;
  total?: number;
}

/** What an item summary shows (inventory.service itemSummary): the item and its visible on hand and reorder level. */
export type ItemSummaryRow = Pick<ItemRow, 'id' | 'part_number' | 'catalog_number' | 'kind' | 'name' | 'description' | 'cost' | 'list_price'
  | 'specifications' | 'is_custom' | 'is_active' | 'created_at' | 'updated_at' | 'quantity_on_hand' | 'reorder_level'>;

/** ItemSummaryRow's columns, with STOCK_JOIN: a search page reads no more than it shows. */
export const ITEM_SUMMARY_COLUMNS = `i.id, i.part_number, i.catalog_number, i.kind, i.name, i.description, i.cost, i.list_price,
  i.specifications, i.is_custom, i.is_active, i.created_at, i.updated_at,
  coalesce(st.on_hand, 0) AS quantity_on_hand, coalesce(st.reorder_level, 0) AS reorder_level`;

/** Columns every item listing shares: the summary's, with the item's other fields, its child count and the rest of its visible stock. */
export const ITEM_COLUMNS = `${ITEM_SUMMARY_COLUMNS}, i.lead_time_days, i.supplier_name, i.supplier_part_number, i.vendor_id, i.model_compatibility,
  i.category_id, i.created_by,
  (SELECT count(*)::int FROM item_components ic WHERE ic.parent_id = i.id) AS child_count,
  coalesce(st.reserved, 0) AS quantity_reserved, st.last_movement AS last_movement_at`;

// Sums are bigint: each site's stock fits an integer, the total over many sites may not.
export const STOCK_JOIN = `LEFT JOIN LATERAL (
    SELECT sum(s.quantity_on_hand)::bigint AS on_hand, sum(s.quantity_reserved)::bigint AS reserved,
           sum(s.reorder_point)::bigint AS reorder_level, max(s.last_movement_at) AS last_movement
      FROM stock s WHERE s.item_id = i.id) st ON true`;

const ITEM_SORT: Record<string, string> = { name: 'lower(i.name)', partNumber: 'upper(i.part_number)', cost: 'i.cost', createdAt: 'i.created_at' };

export async function listCategoryItems(
  q: Queryable,
  categoryId: string,
  f: { search?: string; includeInactive: boolean; sortBy: string; desc: boolean; page: number; limit: number },
): Promise<{ rows: ItemRow[]; total: number }> {
  const { rows } = await q.query<ItemRow>(
    `${CATEGORY_SUBTREE}
     SELECT ${ITEM_COLUMNS}, count(*) OVER () AS total
       FROM items i ${STOCK_JOIN}
      WHERE i.category_id IN (SELECT id FROM tree) AND ($2 OR i.is_active)
        AND ($3::text IS NULL OR i.name ILIKE '%' || $3 || '%' OR i.part_number ILIKE '%' || $3 || '%')
      ORDER BY ${ITEM_SORT[f.sortBy] ?? 'lower(i.name)'} ${f.desc ? 'DESC' : 'ASC'}, i.id
      LIMIT $4 OFFSET $5`,
    [categoryId, f.includeInactive, f.search ? f.search.replace(/[\\%_]/g, '\\$&') : null, f.limit, (f.page - 1) * f.limit],
  );
  return { rows, total: rows[0] ? Number(rows[0].total) : 0 };
}

export async function findItem(q: Queryable, id: string): Promise<ItemRow | undefined> {
  const { rows } = await q.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM items i ${STOCK_JOIN} WHERE i.id = $1`, [id]);
  return rows[0];
}

/** Children of an item; `assemblies` picks those that have children of their own, else the leaves. */
export async function listChildren(
  q: Queryable,
  parentId: string,
  f: { withChildren: boolean; includeInactive: boolean; page: number; limit: number },
): Promise<{ rows: ItemRow[]; total: number }> {
  const { rows } = await q.query<ItemRow>(
    `SELECT * FROM (
       SELECT ${ITEM_COLUMNS}, c.quantity, c.is_required, c.sort_order
         FROM item_components c JOIN items i ON i.id = c.child_id ${STOCK_JOIN}
        WHERE c.parent_id = $1 AND ($2 OR i.is_active)) x
      WHERE (x.child_count > 0) = $3
      ORDER BY x.sort_order, x.part_number
      LIMIT $4 OFFSET $5`,
    [parentId, f.includeInactive, f.withChildren, f.limit, (f.page - 1) * f.limit],
  );
  const count = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM item_components c JOIN items i ON i.id = c.child_id
      WHERE c.parent_id = $1 AND ($2 OR i.is_active)
        AND (EXISTS (SELECT 1 FROM item_components g WHERE g.parent_id = i.id)) = $3`,
    [parentId, f.includeInactive, f.withChildren],
  );
  return { rows, total: count.rows[0]?.n ?? 0 };
}

export async function usedIn(q: Queryable, itemId: string) {
  const { rows } = await q.query<{ id: string; part_number: string; name: string; kind: string; quantity: string }>(
    `SELECT p.id, p.part_number, p.name, p.kind, c.quantity FROM item_components c JOIN items p ON p.id = c.parent_id
      WHERE c.child_id = $1 ORDER BY p.part_number LIMIT 50`,
    [itemId],
  );
  return rows;
}

// Prepared (once per connection): search answers 20 paths per page, and planning the recursive
// query cost more than running it.
const CATEGORY_PATHS = prepared(
  'inventory_category_paths',
  `WITH RECURSIVE up AS (
     SELECT i.id AS start_id, i.id AS item_id, 0 AS depth FROM items i WHERE i.id = ANY($1::uuid[])
     UNION ALL
     SELECT up.start_id, p.parent_id, up.depth + 1 FROM up
       JOIN LATERAL (SELECT c.parent_id FROM item_components c JOIN items pi ON pi.id = c.parent_id
                      WHERE c.child_id = up.item_id ORDER BY pi.part_number LIMIT 1) p ON true
      WHERE up.depth < 4)
   SELECT u.start_id,
          jsonb_agg(jsonb_build_object('id', i.id, 'name', i.name, 'kind', i.kind) ORDER BY u.depth DESC) FILTER (WHERE u.depth > 0) AS path,
          (SELECT coalesce(cat.parent_id, cat.id) FROM up u2 JOIN items i2 ON i2.id = u2.item_id
             JOIN inventory_categories cat ON cat.id = i2.category_id
            WHERE u2.start_id = u.start_id ORDER BY u2.depth DESC LIMIT 1) AS top_category_id
     FROM up u JOIN items i ON i.id = u.item_id GROUP BY u.start_id`,
);
const CATEGORY_NAMES = prepared('inventory_category_names', `SELECT id, name FROM inventory_categories WHERE id = ANY($1::uuid[])`);

/**
 * The path a browser takes to an item: its top category, then the chain of parents that use it
 * (following the first parent by part number at each level, at most four levels).
 */
export async function categoryPaths(q: Queryable, itemIds: string[]): Promise<Map<string, { id: string; name: string; type: string }[]>> {
  if (itemIds.length === 0) return new Map();
  const { rows } = await q.query<{ start_id: string; path: { id: string; name: string; kind: string }[]; top_category_id: string | null }>(
    CATEGORY_PATHS,
    [itemIds],
  );
  const catIds = [...new Set(rows.map((r) => r.top_category_id).filter((x): x is string => !!x))];
  const cats = catIds.length ? (await q.query<{ id: string; name: string }>(CATEGORY_NAMES, [catIds])).rows : [];
  const catName = new Map(cats.map((c) => [c.id, c.name]));
  const kindType = (k: string) => (k === 'ASSEMBLY' ? 'assembly' : k === 'PART' ? 'part' : 'sub_assembly');
  return new Map(
    rows.map((r) => [
      r.start_id,
      [
        ...(r.top_category_id ? [{ id: r.top_category_id, name: catName.get(r.top_category_id) ?? '', type: 'category' }] : []),
        ...(r.path ?? []).map((p) => ({ id: p.id, name: p.name, type: kindType(p.kind) })),
      ],
    ]),
  );
}
