import { z } from 'zod';
import type { ExportableList } from '../../../platform/exports/index.js';
import { queryBoolean } from '../../../platform/http/envelope.js';
import { listLowStock, urgencyOf, type LowStockRow } from './low-stock.repo.js';
import { runSearch, SEARCH_TYPES, type SearchRow } from './search.repo.js';

const lowStockFilters = z.strictObject({
  threshold: z.coerce.number().min(1).max(1000).default(100),
  categoryId: z.uuid().optional(),
  urgent: z.union([z.boolean(), queryBoolean]).default(false),
});

/** The low-stock list (same scope and filters as GET /inventory/low-stock) as a file. */
export const lowStockExport: ExportableList<typeof lowStockFilters, LowStockRow> = {
  name: 'low-stock',
  title: 'Low stock',
  filename: 'low-stock',
  // Spec 3.3: whoever reads inventory may see what runs low.
  access: ['inventory:read', 'parts:read'],
  filters: lowStockFilters,
  columns: [
    { header: 'Part number', value: (r) => r.part_number, width: 1.5 },
    { header: 'Name', value: (r) => r.name, width: 2 },
    { header: 'On hand', value: (r) => r.quantity_on_hand },
    { header: 'Reorder level', value: (r) => r.reorder_level },
    { header: 'Urgency', value: (r) => urgencyOf(r.reorder_level ? (r.quantity_on_hand * 100) / r.reorder_level : 0) },
    { header: 'Cost', value: (r) => Number(r.cost) },
    { header: 'Supplier', value: (r) => r.supplier_name, width: 1.5 },
    { header: 'Used (90 days)', value: (r) => r.used_90d },
  ],
  async fetchPage(ctx, f, page, limit) {
    const { rows, total } = await listLowStock(ctx.tx, { thresholdPct: f.threshold, categoryId: f.categoryId, urgent: f.urgent, page, limit });
    return { rows, total };
  },
};

const searchFilters = z.strictObject({
  query: z.string().trim().min(1).max(200).optional(),
  type: z.enum(Object.keys(SEARCH_TYPES) as [keyof typeof SEARCH_TYPES, ...(keyof typeof SEARCH_TYPES)[]]).optional(),
  categoryId: z.uuid().optional(),
  minCost: z.coerce.number().min(0).max(10_000_000).optional(),
  maxCost: z.coerce.number().min(0).max(10_000_000).optional(),
  inStock: z.union([z.boolean(), queryBoolean]).optional(),
  isCustom: z.union([z.boolean(), queryBoolean]).optional(),
});

/** Inventory search results (same filters, relevance order) as a file. */
export const inventorySearchExport: ExportableList<typeof searchFilters, SearchRow> = {
  name: 'inventory-search',
  title: 'Inventory',
  filename: 'inventory',
  access: ['inventory:read', 'parts:read'],
  filters: searchFilters,
  columns: [
    { header: 'Part number', value: (r) => r.part_number, width: 1.5 },
    { header: 'Catalog number', value: (r) => r.catalog_number },
    { header: 'Kind', value: (r) => r.kind },
    { header: 'Name', value: (r) => r.name, width: 2 },
    { header: 'Cost', value: (r) => Number(r.cost) },
    { header: 'On hand', value: (r) => r.quantity_on_hand },
    { header: 'Reorder level', value: (r) => r.reorder_level },
    { header: 'Custom', value: (r) => r.is_custom },
  ],
  async fetchPage(ctx, f, page, limit) {
    const filter = { ...f, sortBy: 'relevance' as const, sortOrder: 'desc' as const, page, limit: Math.min(limit, 500) };
    const { rows, facets } = await runSearch(ctx.tx, filter);
    return { rows, total: facets.total };
  },
};
