import { api } from '../../api/client';
import { toQuery } from '../../api/types';
import type {
  Adjustment,
  AdjustmentResult,
  AssemblyChildren,
  CategoryTree,
  CategoryAssemblies,
  LowStockFilters,
  LowStockResponse,
  PartDetail,
  SearchFilters,
  SearchResponse,
  SubAssemblyParts,
} from './inventoryTypes';

const base = '/api/v1/inventory';
const id = (s: string) => encodeURIComponent(s);

/** The search filters as the API (and its export) take them: empty ones dropped. */
export function searchParams(f: SearchFilters) {
  return {
    query: f.query.trim() || undefined,
    type: f.type,
    categoryId: f.categoryId,
    minCost: f.minCost,
    maxCost: f.maxCost,
    inStock: f.inStock,
    isCustom: f.isCustom,
  };
}

export const lowStockParams = (f: LowStockFilters) => ({ urgent: f.urgent ? 'true' : undefined });

export const inventoryKeys = {
  all: ['inventory'] as const,
  categories: () => ['inventory', 'categories'] as const,
  assemblies: (categoryId: string, q: object) => ['inventory', 'category', categoryId, q] as const,
  subAssemblies: (assemblyId: string) => ['inventory', 'assembly', assemblyId] as const,
  parts: (subAssemblyId: string) => ['inventory', 'sub-assembly', subAssemblyId] as const,
  search: (f: SearchFilters) => ['inventory', 'search', f] as const,
  part: (partId: string) => ['inventory', 'part', partId] as const,
  lowStock: (f: LowStockFilters) => ['inventory', 'low-stock', f] as const,
};

export const inventoryApi = {
  categories: () => api.get<CategoryTree>(`${base}/categories`),
  assemblies: (categoryId: string, q: { page: number; limit: number; search: string }) =>
    api.get<CategoryAssemblies>(`${base}/categories/${id(categoryId)}/assemblies${toQuery({ ...q, search: q.search.trim() })}`),
  subAssemblies: (assemblyId: string) => api.get<AssemblyChildren>(`${base}/assemblies/${id(assemblyId)}/sub-assemblies?limit=200`),
  parts: (subAssemblyId: string) => api.get<SubAssemblyParts>(`${base}/sub-assemblies/${id(subAssemblyId)}/parts?limit=200`),
  search: (f: SearchFilters) =>
    api.get<SearchResponse>(`${base}/search${toQuery({ ...searchParams(f), sortBy: f.sortBy, sortOrder: f.sortOrder, page: f.page, limit: f.limit })}`),
  part: (partId: string) => api.get<PartDetail>(`${base}/parts/${id(partId)}`),
  adjust: (partId: string, body: Adjustment) => api.put<AdjustmentResult>(`${base}/parts/${id(partId)}/quantity`, body),
  lowStock: (f: LowStockFilters) => api.get<LowStockResponse>(`${base}/low-stock${toQuery({ ...lowStockParams(f), page: f.page, limit: f.limit })}`),
};
