import type { SearchResponse as ApiSearchResponse, SearchResult } from '@plantops/contracts/responses/inventory';

/**
 * Response shapes come from the API's own zod schemas (packages/contracts/src/responses), as types
 * only: `import type` is erased, so no schema code reaches the browser bundle. Only the web's own
 * request-side shapes (filters, forms) are written here.
 */
export type {
  AssemblyChildren,
  Category,
  CategoryAssemblies,
  CategoryTree,
  ItemSummary,
  LowStockResponse,
  PartDetail,
  QuantityAdjustment as AdjustmentResult,
  SearchResult,
  StockState,
  SubAssemblyParts,
  Urgency,
} from '@plantops/contracts/responses/inventory';

/** The search page never asks for type=category, so its results are always items. */
export type SearchResponse = Omit<ApiSearchResponse, 'results'> & { results: SearchResult[] };

export const SEARCH_TYPES = ['assembly', 'sub_assembly', 'part', 'accessory', 'service_part', 'kit'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];
export const SORT_FIELDS = ['relevance', 'name', 'partNumber', 'cost', 'quantityOnHand'] as const;
export type SortField = (typeof SORT_FIELDS)[number];

export interface SearchFilters {
  query: string;
  type: SearchType | '';
  categoryId: string;
  minCost: string;
  maxCost: string;
  inStock: '' | 'true' | 'false';
  isCustom: '' | 'true' | 'false';
  sortBy: SortField;
  sortOrder: 'asc' | 'desc';
  page: number;
  limit: number;
}

export interface Adjustment {
  quantityChange: number;
  reason: string;
  notes?: string;
}

export interface LowStockFilters {
  urgent: boolean;
  page: number;
  limit: number;
}
