import { z } from 'zod';
import { paginationSchema } from '../api.js';

/**
 * Response shapes of the manufacturing spec's section 3 (inventory), the one source of truth: the
 * API validates and documents its responses with these schemas, the web app takes its types from
 * them with `import type` (so none of this reaches the browser bundle).
 */

const isoDateTime = z.iso.datetime({ offset: true });

/** The fields every item response shares. */
export const itemSummarySchema = z.object({
  id: z.uuid(),
  partNumber: z.string(),
  catalogNumber: z.string().nullable(),
  kind: z.string(),
  name: z.string(),
  description: z.string(),
  cost: z.number().min(0),
  listPrice: z.number().min(0).nullable(),
  quantityOnHand: z.number().int(),
  reorderLevel: z.number().int().min(0),
  isActive: z.boolean(),
  isCustom: z.boolean(),
  specifications: z.record(z.string(), z.unknown()),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type ItemSummary = z.infer<typeof itemSummarySchema>;

const categoryFields = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  sortOrder: z.number().int(),
  isActive: z.boolean(),
  assemblyCount: z.number().int().min(0),
  createdAt: isoDateTime,
});

export const categoryTreeSchema = z.object({
  categories: z.array(categoryFields.extend({ subcategories: z.array(categoryFields) })),
  totalCategories: z.number().int().min(0),
});
export type CategoryTree = z.infer<typeof categoryTreeSchema>;
export type Category = CategoryTree['categories'][number];

export const categoryAssembliesSchema = z.object({
  categoryId: z.uuid(),
  categoryName: z.string(),
  assemblies: z.array(itemSummarySchema.extend({ subAssemblyCount: z.number().int().min(0) })),
  pagination: paginationSchema,
});
export type CategoryAssemblies = z.infer<typeof categoryAssembliesSchema>;

export const assemblyChildrenSchema = z.object({
  assemblyId: z.uuid(),
  assemblyName: z.string(),
  subAssemblies: z.array(itemSummarySchema.extend({ partCount: z.number().int().min(0), isRequired: z.boolean(), quantity: z.number() })),
  pagination: paginationSchema,
});
export type AssemblyChildren = z.infer<typeof assemblyChildrenSchema>;

export const subAssemblyPartsSchema = z.object({
  subAssemblyId: z.uuid(),
  subAssemblyName: z.string(),
  parts: z.array(
    itemSummarySchema.extend({
      quantity: z.number(),
      supplier: z.object({ name: z.string(), partNumber: z.string().nullable() }).nullable(),
      lastInventoryUpdate: isoDateTime.nullable(),
    }),
  ),
  totalParts: z.number().int().min(0),
  totalValue: z.number(),
  pagination: paginationSchema,
});
export type SubAssemblyParts = z.infer<typeof subAssemblyPartsSchema>;

const itemSearchResult = itemSummarySchema.extend({
  type: z.string(),
  categoryPath: z.string(),
  relevanceScore: z.number().min(0).max(1).nullable(),
});
/** `type=category` answers with categories in the same envelope as items. */
const categorySearchResult = z.object({
  id: z.uuid(),
  type: z.literal('category'),
  partNumber: z.null(),
  name: z.string(),
  description: z.string().nullable(),
  isActive: z.boolean(),
  categoryPath: z.string(),
  relevanceScore: z.number().min(0).max(1).nullable(),
});

export const searchResponseSchema = z.object({
  searchQuery: z.string().nullable(),
  /** The spelling the search used instead of the typed query when that found nothing. */
  correctedQuery: z.string().nullable(),
  /** 'all' when every word matched; 'any' when the search fell back to any word. */
  matched: z.enum(['all', 'any']),
  results: z.array(z.union([itemSearchResult, categorySearchResult])),
  filters: z.object({
    applied: z.record(z.string(), z.unknown()),
    available: z.object({
      categories: z.array(z.object({ id: z.uuid(), name: z.string(), count: z.number().int().min(0) })),
      priceRanges: z.array(z.object({ min: z.number(), max: z.number().nullable(), count: z.number().int().min(0) })),
      /**
       * True when more items matched than search ranks (decisions 0004 and 0016, issue 9): the
       * counts are scaled from the ranked candidates and pagination.totalIsEstimate is true too.
       */
      estimated: z.boolean().describe(
        'True when more items matched than the search ranks (300 candidates for the default relevance order, pages within them): ' +
          'the category and price-range counts are then scaled from the ranked candidates to the estimated total, and ' +
          'pagination.totalIsEstimate is true with pagination.totalItems the database planner\'s estimate. False: exact counts.',
      ),
    }),
  }),
  pagination: paginationSchema,
});
export type SearchResponse = z.infer<typeof searchResponseSchema>;
export type SearchResult = z.infer<typeof itemSearchResult>;
export type CategorySearchResult = z.infer<typeof categorySearchResult>;

export const stockStateSchema = z.enum(['OK', 'LOW', 'OUT']);
export type StockState = z.infer<typeof stockStateSchema>;

export const partDetailSchema = itemSummarySchema.extend({
  leadTime: z.string().nullable(),
  leadTimeDays: z.number().int().min(0).nullable(),
  quantityReserved: z.number().int(),
  supplier: z
    .object({
      id: z.uuid().nullable(),
      name: z.string().nullable(),
      partNumber: z.string().nullable(),
      contactInfo: z.object({ phone: z.string().nullable(), email: z.string().nullable() }).nullable(),
    })
    .nullable(),
  categoryPath: z.array(z.object({ id: z.uuid(), name: z.string(), type: z.enum(['category', 'assembly', 'sub_assembly', 'part']) })),
  usedInAssemblies: z.array(z.object({ id: z.uuid(), partNumber: z.string(), name: z.string(), quantity: z.number() })),
  stockByWarehouse: z.array(
    z.object({
      warehouseId: z.uuid(),
      warehouseCode: z.string(),
      warehouseName: z.string(),
      quantityOnHand: z.number().int(),
      quantityReserved: z.number().int(),
      reorderPoint: z.number().int(),
      defaultBin: z.string().nullable(),
      stockState: stockStateSchema,
    }),
  ),
  inventoryHistory: z.array(
    z.object({
      id: z.uuid(),
      date: isoDateTime,
      type: z.string(),
      quantityChange: z.number().int(),
      newQuantity: z.number().int(),
      reason: z.string().nullable(),
      orderId: z.uuid().nullable(),
      workOrderId: z.uuid().nullable(),
      warehouseId: z.uuid(),
      supplier: z.string().nullable(),
      /** Who moved the stock and where. */
      warehouse: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
      performedBy: z.object({ id: z.uuid(), name: z.string().nullable() }).nullable(),
    }),
  ),
  documents: z.array(z.object({ id: z.uuid(), name: z.string(), type: z.string(), contentType: z.string(), url: z.string() })),
  modelCompatibility: z.array(z.string()),
  createdBy: z.object({ id: z.uuid(), name: z.string(), role: z.string() }).nullable(),
});
export type PartDetail = z.infer<typeof partDetailSchema>;

/** POST /inventory/parts: the new (or reused custom) part's page and where it was added. */
export const createdPartSchema = partDetailSchema.extend({
  supplier: partDetailSchema.shape.supplier.unwrap().extend({ supplierPartNumber: z.string().nullable() }).nullable(),
  reused: z.boolean(),
  subAssembly: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
export type CreatedPart = z.infer<typeof createdPartSchema>;

export const quantityAdjustmentSchema = z.object({
  partId: z.uuid(),
  partNumber: z.string(),
  warehouseId: z.uuid(),
  previousQuantity: z.number().int(),
  quantityChange: z.number().int(),
  newQuantity: z.number().int(),
  reason: z.string(),
  updatedAt: isoDateTime,
  updatedBy: z.object({ id: z.uuid(), name: z.string(), role: z.string() }).nullable(),
  needsReorder: z.boolean(),
  reorderLevel: z.number().int(),
  transactionId: z.uuid(),
});
export type QuantityAdjustment = z.infer<typeof quantityAdjustmentSchema>;

export const urgencySchema = z.enum(['HIGH', 'MEDIUM', 'LOW']);
export type Urgency = z.infer<typeof urgencySchema>;

export const lowStockResponseSchema = z.object({
  lowStockParts: z.array(
    z.object({
      id: z.uuid(),
      partNumber: z.string(),
      name: z.string(),
      quantityOnHand: z.number().int(),
      reorderLevel: z.number().int(),
      cost: z.number().min(0),
      stockPercentage: z.number(),
      urgencyLevel: urgencySchema,
      leadTime: z.string().nullable(),
      supplier: z.object({ name: z.string(), phone: z.string().nullable() }).nullable(),
      lastUsed: z.iso.date().nullable(),
      averageMonthlyUsage: z.number().min(0),
    }),
  ),
  summary: z.object({
    totalLowStockParts: z.number().int().min(0),
    totalValue: z.number(),
    urgentParts: z.number().int().min(0),
    mediumParts: z.number().int().min(0),
    lowParts: z.number().int().min(0),
  }),
  pagination: paginationSchema,
});
export type LowStockResponse = z.infer<typeof lowStockResponseSchema>;
