import { SEARCH_TYPES, SORT_FIELDS, type SearchFilters } from '../inventoryTypes';

export const INITIAL_SEARCH: SearchFilters = {
  query: '', type: '', categoryId: '', minCost: '', maxCost: '', inStock: '', isCustom: '', sortBy: 'relevance', sortOrder: 'desc', page: 1, limit: 20,
};

/** Search filters as the address holds them: only what differs from the defaults. */
export type SearchUrl = Partial<SearchFilters>;

const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const oneOf = <T extends string>(v: unknown, allowed: readonly T[]) => (allowed.includes(v as T) ? (v as T) : undefined);
const flag = (v: unknown) => oneOf(typeof v === 'boolean' ? String(v) : v, ['true', 'false'] as const);
const wholeNumber = (v: unknown, max: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : undefined;
};

/**
 * Reads the search from the address, so that going back from a part, reloading or sharing the
 * link shows the same results. Anything malformed is dropped rather than sent to the server.
 */
export function parseSearchUrl(s: Record<string, unknown>): SearchUrl {
  const parsed: SearchUrl = {
    query: text(s.query),
    type: oneOf(s.type, SEARCH_TYPES),
    categoryId: text(s.categoryId),
    minCost: text(s.minCost),
    maxCost: text(s.maxCost),
    inStock: flag(s.inStock),
    isCustom: flag(s.isCustom),
    sortBy: oneOf(s.sortBy, SORT_FIELDS),
    sortOrder: oneOf(s.sortOrder, ['asc', 'desc'] as const),
    page: wholeNumber(s.page, 100_000),
    limit: wholeNumber(s.limit, 100),
  };
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined)) as SearchUrl;
}

export function toSearchUrl(f: SearchFilters): SearchUrl {
  return Object.fromEntries(Object.entries(f).filter(([k, v]) => v !== INITIAL_SEARCH[k as keyof SearchFilters])) as SearchUrl;
}
