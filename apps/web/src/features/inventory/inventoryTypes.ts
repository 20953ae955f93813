import type { Pagination } from '@plantops/contracts';

export interface Category {
  id: string;
  name: string;
  description: string | null;
  sortOrder: number;
  assemblyCount: number;
  subcategories: Omit<Category, 'subcategories'>[];
}

/** The fields every item response shares. */
export interface ItemSummary {
  id: string;
  partNumber: string;
  catalogNumber: string | null;
  kind: string;
  name: string;
  description: string;
  cost: number;
  listPrice: number | null;
  quantityOnHand: number;
  reorderLevel: number;
  isActive: boolean;
  isCustom: boolean;
  specifications: Record<string, unknown>;
}

export interface CategoryAssemblies {
  categoryId: string;
  categoryName: string;
  assemblies: (ItemSummary & { subAssemblyCount: number })[];
  pagination: Pagination;
}

export interface AssemblyChildren {
  assemblyId: string;
  assemblyName: string;
  subAssemblies: (ItemSummary & { partCount: number; quantity: number; isRequired: boolean })[];
  pagination: Pagination;
}

export interface SubAssemblyParts {
  subAssemblyId: string;
  subAssemblyName: string;
  parts: (ItemSummary & { quantity: number; supplier: { name: string; partNumber: string | null } | null })[];
  totalParts: number;
  totalValue: number;
  pagination: Pagination;
}

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

export interface SearchResult extends ItemSummary {
  type: string;
  categoryPath: string;
  relevanceScore: number | null;
}

export interface SearchResponse {
  searchQuery: string | null;
  correctedQuery: string | null;
  results: SearchResult[];
  filters: {
    applied: Record<string, unknown>;
    available: { categories: { id: string; name: string; count: number }[]; priceRanges: { min: number; max: number | null; count: number }[] };
  };
  pagination: Pagination;
}

export type StockState = 'OK' | 'LOW' | 'OUT';

export interface PartDetail extends ItemSummary {
  leadTime: string | null;
  quantityReserved: number;
  supplier: { id: string | null; name: string | null; partNumber: string | null; contactInfo: { phone: string | null; email: string | null } | null } | null;
  categoryPath: { id: string; name: string; type: string }[];
  usedInAssemblies: { id: string; partNumber: string; name: string; quantity: number }[];
  stockByWarehouse: {
    warehouseId: string;
    warehouseCode: string;
    warehouseName: string;
    quantityOnHand: number;
    quantityReserved: number;
    reorderPoint: number;
    defaultBin: string | null;
    stockState: StockState;
  }[];
  inventoryHistory: {
    id: string;
    date: string;
    type: string;
    quantityChange: number;
    newQuantity: number;
    reason: string | null;
    supplier: string | null;
    warehouse: { id: string; code: string; name: string } | null;
    performedBy: { id: string; name: string | null } | null;
  }[];
  documents: { id: string; name: string; type: string; url: string }[];
  modelCompatibility: string[];
}

export interface Adjustment {
  quantityChange: number;
  reason: string;
  notes?: string;
}

export interface AdjustmentResult {
  partNumber: string;
  previousQuantity: number;
  newQuantity: number;
  needsReorder: boolean;
}

export type Urgency = 'HIGH' | 'MEDIUM' | 'LOW';

export interface LowStockFilters {
  urgent: boolean;
  page: number;
  limit: number;
}

export interface LowStockResponse {
  lowStockParts: {
    id: string;
    partNumber: string;
    name: string;
    quantityOnHand: number;
    reorderLevel: number;
    cost: number;
    stockPercentage: number;
    urgencyLevel: Urgency;
    leadTime: string | null;
    supplier: { name: string; phone: string | null } | null;
    lastUsed: string | null;
    averageMonthlyUsage: number;
  }[];
  summary: { totalLowStockParts: number; totalValue: number; urgentParts: number; mediumParts: number; lowParts: number };
  pagination: Pagination;
}
