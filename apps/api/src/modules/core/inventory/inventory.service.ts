import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { prepared } from '../../../platform/db/database.js';
import type { Ctx } from '../../../platform/db/unit-of-work.js';
import { conflict, notFound, validation } from '../../../platform/http/errors.js';
import { pagination, toIso } from '../../../platform/http/envelope.js';
import { audit } from '../audit/audit.writer.js';
import { recordDocuments } from '../files/index.js';
import * as catalog from './catalog.repo.js';
import { listLowStock, urgencyOf } from './low-stock.repo.js';
import { moveStock } from './stock-ledger.js';
import { runSearch, searchCategories, SEARCH_CANDIDATES, type SearchFilter, type SharedSearch } from './search.repo.js';

export const leadTimeText = (days: number | null) =>
  days === null ? null : days === 0 ? 'Same day' : days === 1 ? '1 day' : days === 7 ? '1 week' : days < 14 ? `${days} days` : `${Math.round(days / 7)} weeks`;

/** A document's type as people name it (PDF, PNG, DOCX), from its content type. */
const DOCUMENT_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WEBP',
  'image/heic': 'HEIC',
  'text/plain': 'TXT',
  'text/csv': 'CSV',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
};
const documentType = (contentType: string) => DOCUMENT_TYPES[contentType] ?? contentType.split('/').pop()!.toUpperCase();

async function actorName(ctx: Ctx, userId: string | null) {
  if (!userId) return null;
  const { rows } = await ctx.tx.query<{ id: string; first_name: string; last_name: string; role: string }>(`SELECT id, first_name, last_name, role FROM profiles WHERE id = $1`, [userId]);
  const u = rows[0];
  return u ? { id: u.id, name: `${u.first_name} ${u.last_name}`, role: u.role } : null;
}

/** PUT /inventory/parts/{id}/quantity: a signed adjustment with a reason, in the acting warehouse. */
export async function adjustQuantity(
  ctx: Ctx,
  partId: string,
  input: { quantityChange: number; reason: string; orderId?: string; workOrderId?: string; notes?: string; allowNegative?: boolean },
) {
  const item = await catalog.findItem(ctx.tx, partId);
  if (!item) throw notFound('Part');
  const moved = await moveStock(ctx, {
    itemId: partId, warehouseId: ctx.actor.warehouseId, type: 'ADJUSTMENT', quantity: input.quantityChange, reason: input.reason, notes: input.notes,
    customerOrderId: input.orderId, workOrderId: input.workOrderId, allowNegative: input.allowNegative,
  });
  return {
    partId, partNumber: item.part_number, warehouseId: ctx.actor.warehouseId, previousQuantity: moved.previousOnHand, quantityChange: input.quantityChange,
    newQuantity: moved.onHand, reason: input.reason, updatedAt: moved.createdAt, updatedBy: await actorName(ctx, ctx.actor.userId),
    needsReorder: moved.onHand <= moved.reorderPoint, reorderLevel: moved.reorderPoint, transactionId: moved.transactionId,
  };
}

export interface CreatePartInput {
  partNumber?: string;
  subAssemblyId?: string;
  categoryId?: string;
  kind: 'PART' | 'SUB_ASSEMBLY' | 'ASSEMBLY' | 'ACCESSORY' | 'SERVICE_PART' | 'KIT';
  name: string;
  description: string;
  cost: number;
  listPrice?: number;
  quantityOnHand: number;
  reorderLevel: number;
  defaultBin?: string;
  leadTimeDays?: number;
  isCustom: boolean;
  specifications: Record<string, unknown>;
  modelCompatibility: string[];
  supplier?: { id?: string; name?: string; supplierPartNumber?: string };
}

/** The same custom specification must reuse its number: a stable key over what makes it custom. */
export function customSpecKey(input: Pick<CreatePartInput, 'name' | 'specifications' | 'subAssemblyId' | 'kind'>): string {
  const canon = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canon) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canon(x)])) : typeof v === 'string' ? v.trim().toLowerCase() : v;
  return createHash('sha256').update(JSON.stringify(canon({ kind: input.kind, name: input.name, specifications: input.specifications, parent: input.subAssemblyId ?? null }))).digest('hex');
}

export async function createPart(ctx: Ctx, input: CreatePartInput): Promise<{ id: string; reused: boolean }> {
  if (!input.isCustom && !input.partNumber) {
    throw validation('A part number is required unless the part is custom (custom parts get a 700-series number)', [{ field: 'partNumber', message: 'Required', code: 'REQUIRED_FIELD' }]);
  }
  const specKey = input.isCustom ? customSpecKey(input) : null;
  if (specKey) {
    const existing = await ctx.tx.query<{ id: string }>(`SELECT id FROM items WHERE custom_spec_key = $1`, [specKey]);
    if (existing.rows[0]) return { id: existing.rows[0].id, reused: true };
  }
  let categoryId = input.categoryId ?? null;
  if (categoryId && !(await catalog.findCategory(ctx.tx, categoryId))) throw validation('Unknown category', [{ field: 'categoryId', message: 'Category not found', code: 'INVALID_REFERENCE' }]);
  if (input.subAssemblyId) {
    const parent = await ctx.tx.query<{ category_id: string | null }>(`SELECT category_id FROM items WHERE id = $1`, [input.subAssemblyId]);
    if (!parent.rows[0]) throw validation('Unknown sub-assembly', [{ field: 'subAssemblyId', message: 'Sub-assembly not found', code: 'INVALID_REFERENCE' }]);
    categoryId ??= parent.rows[0].category_id;
  }
  let supplierName = input.supplier?.name ?? null;
  if (input.supplier?.id) {
    const v = await ctx.tx.query<{ name: string }>(`SELECT name FROM vendors WHERE id = $1`, [input.supplier.id]);
    if (!v.rows[0]) throw validation('Unknown supplier', [{ field: 'supplier.id', message: 'Vendor not found', code: 'INVALID_REFERENCE' }]);
    supplierName = v.rows[0].name;
  }
  const partNumber = input.partNumber?.trim().toUpperCase() ?? `700-${(await ctx.tx.query<{ n: string }>(`SELECT nextval('custom_part_number_seq') AS n`)).rows[0]!.n}`;
  const taken = await ctx.tx.query(`SELECT 1 FROM items WHERE upper(part_number) = $1`, [partNumber]);
  if (taken.rows.length) throw conflict(`Part number ${partNumber} already exists`, [{ field: 'partNumber', message: 'Already in use', code: 'DUPLICATE' }]);

  const id = uuidv7();
  await ctx.tx.query(
    `INSERT INTO items (id, part_number, kind, category_id, name, description, cost, list_price, lead_time_days, specifications, supplier_name,
       supplier_part_number, vendor_id, model_compatibility, is_custom, custom_spec_key, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    [id, partNumber, input.kind, categoryId, input.name, input.description, input.cost, input.listPrice ?? null, input.leadTimeDays ?? null,
      JSON.stringify(input.specifications), supplierName, input.supplier?.supplierPartNumber ?? null, input.supplier?.id ?? null,
      input.modelCompatibility, input.isCustom, specKey, ctx.actor.userId],
  );
  if (input.subAssemblyId) {
    await ctx.tx.query(`INSERT INTO item_components (parent_id, child_id, quantity) VALUES ($1, $2, 1)`, [input.subAssemblyId, id]);
  }
  await ctx.tx.query(
    `INSERT INTO stock (item_id, warehouse_id, reorder_point, default_bin) VALUES ($1, $2, $3, $4)`,
    [id, ctx.actor.warehouseId, input.reorderLevel, input.defaultBin ?? null],
  );
  await audit(ctx, { action: 'CREATE', tableName: 'items', recordId: id, warehouseId: ctx.actor.warehouseId, after: { partNumber, ...input } });
  if (input.quantityOnHand > 0) {
    await moveStock(ctx, { itemId: id, warehouseId: ctx.actor.warehouseId, type: 'INBOUND', quantity: input.quantityOnHand, reason: 'Initial stock' });
  }
  return { id, reused: false };
}

interface DetailRow {
  item: catalog.ItemRow | null;
  path: { id: string; name: string; kind: string }[] | null;
  top_category: { id: string; name: string } | null;
  used_in: { id: string; part_number: string; name: string; quantity: string }[];
  history: { id: string; created_at: string; type: string; quantity: number; on_hand_after: number; reason: string | null; customer_order_id: string | null; work_order_id: string | null; warehouse_id: string; vendor_name: string | null; warehouse_code: string | null; warehouse_name: string | null; performed_by: string | null; performed_by_name: string | null }[];
  stock: { warehouse_id: string; code: string; name: string; quantity_on_hand: number; quantity_reserved: number; reorder_point: number; default_bin: string | null; stock_state: 'OK' | 'LOW' | 'OUT' }[];
  creator: { id: string; first_name: string; last_name: string; role: string } | null;
  vendor: { id: string; name: string; phone: string | null; email: string | null } | null;
}

/**
 * Everything the part page shows besides its documents, in one round trip (row-level security
 * applies to stock, history and vendors): the item, its category path up the first parent chain, where it
 * is used, stock per visible warehouse, recent ledger rows, creator and supplier.
 */
const PART_DETAIL = prepared(
  'inventory_part_detail',
  `WITH RECURSIVE up AS (
       SELECT $1::uuid AS item_id, 0 AS depth
       UNION ALL
       SELECT p.parent_id, up.depth + 1 FROM up
         JOIN LATERAL (SELECT c.parent_id FROM item_components c JOIN items pi ON pi.id = c.parent_id
                        WHERE c.child_id = up.item_id ORDER BY pi.part_number LIMIT 1) p ON true
        WHERE up.depth < 4),
     it AS (SELECT * FROM items WHERE id = $1)
     SELECT
       (SELECT to_jsonb(x) FROM (SELECT ${catalog.ITEM_COLUMNS} FROM items i ${catalog.STOCK_JOIN} WHERE i.id = $1) x) AS item,
       (SELECT jsonb_agg(jsonb_build_object('id', i.id, 'name', i.name, 'kind', i.kind) ORDER BY u.depth DESC)
          FROM up u JOIN items i ON i.id = u.item_id WHERE u.depth > 0) AS path,
       (SELECT to_jsonb(t) FROM (SELECT top.id, top.name FROM up u JOIN items i2 ON i2.id = u.item_id
          JOIN inventory_categories c ON c.id = i2.category_id JOIN inventory_categories top ON top.id = coalesce(c.parent_id, c.id)
         ORDER BY u.depth DESC LIMIT 1) t) AS top_category,
       (SELECT coalesce(jsonb_agg(u ORDER BY u.part_number), '[]') FROM (
          SELECT p.id, p.part_number, p.name, c.quantity FROM item_components c JOIN items p ON p.id = c.parent_id
           WHERE c.child_id = $1 ORDER BY p.part_number LIMIT 50) u) AS used_in,
       (SELECT coalesce(jsonb_agg(h ORDER BY h.created_at DESC, h.id DESC), '[]') FROM (
          SELECT t.id, t.created_at, t.type, t.quantity, t.on_hand_after, t.reason, t.customer_order_id, t.work_order_id, t.warehouse_id, v.name AS vendor_name,
                 w.code AS warehouse_code, w.name AS warehouse_name, t.performed_by,
                 nullif(trim(coalesce(pb.first_name, '') || ' ' || coalesce(pb.last_name, '')), '') AS performed_by_name
            FROM stock_transactions t LEFT JOIN vendors v ON v.id = t.vendor_id
            LEFT JOIN warehouses w ON w.id = t.warehouse_id LEFT JOIN profiles pb ON pb.id = t.performed_by
           WHERE t.item_id = $1 ORDER BY t.created_at DESC, t.id DESC LIMIT 20) h) AS history,
       (SELECT coalesce(jsonb_agg(x ORDER BY x.code), '[]') FROM (
          SELECT s.warehouse_id, w.code, w.name, s.quantity_on_hand, s.quantity_reserved, s.reorder_point, s.default_bin, s.stock_state
            FROM stock s JOIN warehouses w ON w.id = s.warehouse_id WHERE s.item_id = $1) x) AS stock,
       (SELECT to_jsonb(u) FROM (SELECT p.id, p.first_name, p.last_name, p.role FROM profiles p JOIN it ON p.id = it.created_by) u) AS creator,
       (SELECT to_jsonb(v) FROM (SELECT v.id, v.name, v.phone, v.email FROM vendors v, it
          WHERE (v.id = it.vendor_id OR (it.vendor_id IS NULL AND v.name = it.supplier_name)) AND v.active ORDER BY v.created_at LIMIT 1) v) AS vendor`,
);

async function loadDetail(ctx: Ctx, id: string): Promise<DetailRow> {
  const { rows } = await ctx.tx.query<DetailRow>(PART_DETAIL, [id]);
  return rows[0]!;
}

async function loadPartView(ctx: Ctx, id: string) {
  const x = await loadDetail(ctx, id);
  const item = x.item;
  if (!item) throw notFound('Part');
  const documents = await recordDocuments(ctx.tx, 'item', id, undefined, 20);
  const v = x.vendor;
  const kindType = (k: string): 'assembly' | 'part' | 'sub_assembly' => (k === 'ASSEMBLY' ? 'assembly' : k === 'PART' ? 'part' : 'sub_assembly');
  const view = {
    ...itemSummary(item),
    leadTime: leadTimeText(item.lead_time_days),
    leadTimeDays: item.lead_time_days,
    quantityReserved: item.quantity_reserved,
    supplier: item.supplier_name || v
      ? { id: v?.id ?? null, name: item.supplier_name ?? v?.name ?? null, partNumber: item.supplier_part_number, contactInfo: v ? { phone: v.phone, email: v.email } : null }
      : null,
    categoryPath: [
      ...(x.top_category ? [{ id: x.top_category.id, name: x.top_category.name, type: 'category' as const }] : []),
      ...(x.path ?? []).map((p) => ({ id: p.id, name: p.name, type: kindType(p.kind) })),
    ],
    usedInAssemblies: x.used_in.map((u) => ({ id: u.id, partNumber: u.part_number, name: u.name, quantity: Number(u.quantity) })),
    stockByWarehouse: x.stock.map((s) => ({
      warehouseId: s.warehouse_id, warehouseCode: s.code, warehouseName: s.name, quantityOnHand: s.quantity_on_hand, quantityReserved: s.quantity_reserved,
      reorderPoint: s.reorder_point, defaultBin: s.default_bin, stockState: s.stock_state,
    })),
    inventoryHistory: x.history.map((h) => ({
      id: h.id, date: toIso(h.created_at), type: h.type, quantityChange: h.quantity, newQuantity: h.on_hand_after, reason: h.reason,
      orderId: h.customer_order_id, workOrderId: h.work_order_id, warehouseId: h.warehouse_id, supplier: h.vendor_name,
      // who moved the stock and where: the part page's history names both
      warehouse: h.warehouse_code ? { id: h.warehouse_id, code: h.warehouse_code, name: h.warehouse_name ?? h.warehouse_code } : null,
      performedBy: h.performed_by ? { id: h.performed_by, name: h.performed_by_name } : null,
    })),
    documents: documents.map((d) => ({ id: d.id, name: d.fileName, type: documentType(d.contentType), contentType: d.contentType, url: d.url })),
    modelCompatibility: item.model_compatibility,
    catalogNumber: item.catalog_number,
    createdBy: x.creator ? { id: x.creator.id, name: `${x.creator.first_name} ${x.creator.last_name}`, role: x.creator.role } : null,
  };
  return { view, creatorId: item.created_by };
}

export async function partDetail(ctx: Ctx, id: string) {
  return (await loadPartView(ctx, id)).view;
}

export type PartDetail = Awaited<ReturnType<typeof partDetail>>;

/**
 * POST /inventory/parts: creates (or, for a repeated custom specification, reuses) the part and
 * answers with its page plus the sub-assembly it was added to (spec 3.3).
 */
export async function createPartAndShow(ctx: Ctx, input: CreatePartInput) {
  const { id, reused } = await createPart(ctx, input);
  const part = await partDetail(ctx, id);
  const sub = input.subAssemblyId ? part.usedInAssemblies.find((u) => u.id === input.subAssemblyId) : undefined;
  return {
    ...part,
    // Spec 3.3 names the supplier's number supplierPartNumber here (partNumber elsewhere): both are given.
    supplier: part.supplier ? { ...part.supplier, supplierPartNumber: part.supplier.partNumber } : null,
    reused,
    subAssembly: sub ? { id: sub.id, name: sub.name } : null,
  };
}

/**
 * The part page with the tags of the rows it shows, for the read cache: the part, the items it
 * names (where used, path) and its creator, whether or not the creator's profile is visible.
 */
export async function partPage(ctx: Ctx, id: string): Promise<{ value: PartDetail; tags: string[] }> {
  const { view: d, creatorId } = await loadPartView(ctx, id);
  const items = [d.id, ...d.usedInAssemblies.map((u) => u.id), ...d.categoryPath.map((p) => p.id)];
  return { value: d, tags: [...items.map((i) => `item:${i}`), ...(creatorId ? [`user:${creatorId}`] : [])] };
}

/** The filters a search applied, as the response echoes them (paging and sorting aside). */
const appliedFilters = ({ page: _p, limit: _l, sortBy: _s, sortOrder: _o, match: _m, ...applied }: SearchFilter) => applied;

/** Relevance relative to the page's best hit (0-1, two decimals); null when nothing was typed. */
function relevanceScore(q: SearchFilter, ranks: number[]) {
  const best = Math.max(1e-9, ...ranks);
  return (rank: number) => (q.query ? Math.round((rank / best) * 100) / 100 : null);
}

/** GET /inventory/search: the page of results with category paths, relevance and facets. */
export async function searchCatalog(ctx: Ctx, q: SearchFilter, shared?: SharedSearch) {
  if (q.type === 'category') return searchCategoryTree(ctx, q);
  const { rows, facets: { total, ...facets }, estimated, corrected, matched } = await runSearch(ctx.tx, q, SEARCH_CANDIDATES, shared);
  const score = relevanceScore(q, rows.map((r) => Number(r.relevance)));
  return {
    searchQuery: q.query ?? null,
    correctedQuery: corrected,
    matched,
    results: rows.map((i) => ({
      ...itemSummary(i),
      type: i.kind.toLowerCase(),
      categoryPath: i.category_path,
      relevanceScore: score(Number(i.relevance)),
    })),
    // Over SEARCH_CANDIDATES matches the facet counts and total are estimates (decision 0004).
    filters: { applied: appliedFilters(q), available: { ...facets, estimated } },
    pagination: { ...pagination(q.page, q.limit, total), totalIsEstimate: estimated },
  };
}

/** `type=category`: the matching categories, in the same envelope as item results. */
async function searchCategoryTree(ctx: Ctx, q: SearchFilter) {
  const { rows, total } = await searchCategories(ctx.tx, q);
  const score = relevanceScore(q, rows.map((r) => Number(r.relevance)));
  return {
    searchQuery: q.query ?? null,
    correctedQuery: null,
    matched: 'all' as const,
    results: rows.map((c) => ({
      id: c.id,
      type: 'category' as const,
      partNumber: null,
      name: c.name,
      description: c.description,
      isActive: c.is_active,
      categoryPath: c.path,
      relevanceScore: score(Number(c.relevance)),
    })),
    filters: { applied: appliedFilters(q), available: { categories: [], priceRanges: [], estimated: false } },
    pagination: { ...pagination(q.page, q.limit, total), totalIsEstimate: false },
  };
}

/** The fields every item response shares. */
export function itemSummary(i: catalog.ItemSummaryRow) {
  return {
    id: i.id,
    partNumber: i.part_number,
    catalogNumber: i.catalog_number,
    kind: i.kind,
    name: i.name,
    description: i.description,
    cost: Number(i.cost),
    listPrice: i.list_price === null ? null : Number(i.list_price),
    quantityOnHand: i.quantity_on_hand,
    reorderLevel: i.reorder_level,
    isActive: i.is_active,
    isCustom: i.is_custom,
    specifications: i.specifications ?? {},
    createdAt: toIso(i.created_at),
    updatedAt: toIso(i.updated_at),
  };
}

/** GET /inventory/low-stock: rows with urgency and usage, and a summary over the whole set. */
export async function lowStockReport(ctx: Ctx, f: Parameters<typeof listLowStock>[1]) {
  const { rows, total, totals } = await listLowStock(ctx.tx, f);
  return {
    lowStockParts: rows.map((r) => {
      const pct = r.reorder_level ? Math.round((r.quantity_on_hand * 100) / r.reorder_level) : 0;
      return {
        id: r.id, partNumber: r.part_number, name: r.name, quantityOnHand: r.quantity_on_hand, reorderLevel: r.reorder_level, cost: Number(r.cost),
        stockPercentage: pct, urgencyLevel: urgencyOf(pct), leadTime: leadTimeText(r.lead_time_days),
        supplier: r.supplier_name ? { name: r.supplier_name, phone: r.supplier_phone } : null,
        lastUsed: r.last_used ? new Date(r.last_used).toISOString().slice(0, 10) : null,
        averageMonthlyUsage: Math.round((r.used_90d / 3) * 10) / 10,
      };
    }),
    summary: { totalLowStockParts: total, totalValue: Math.round(totals.value * 100) / 100, urgentParts: totals.high, mediumParts: totals.medium, lowParts: totals.low },
  };
}
