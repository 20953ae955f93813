import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { PageTitle } from '../../../ui/Card';
import { ErrorBanner } from '../../../ui/ErrorBanner';
import { ExportButton } from '../../../ui/ExportButton';
import { countOf, Pagination } from '../../../ui/Pagination';
import { useDebouncedValue } from '../../../ui/useDebouncedValue';
import { useCategories } from '../catalog/useCatalogQueries';
import { InventoryTabs } from '../InventoryTabs';
import { inventoryApi, inventoryKeys, searchParams } from '../inventoryApi';
import type { SearchFilters } from '../inventoryTypes';
import { SearchEmpty } from './SearchEmpty';
import { SearchFacets } from './SearchFacets';
import { SearchFiltersBar } from './SearchFiltersBar';
import { SearchResultsTable } from './SearchResultsTable';
import { INITIAL_SEARCH, type SearchUrl } from './searchUrl';

interface Props {
  /** The search the address holds when the page opens. */
  initial: SearchUrl;
  /** Hears the settled (debounced) filters, to keep them in the address. */
  onSettled: (filters: SearchFilters) => void;
}

export function SearchPage({ initial, onSettled }: Props) {
  const [filters, setFilters] = useState<SearchFilters>(() => ({ ...INITIAL_SEARCH, ...initial }));
  // typing is debounced; selects, facets and paging apply at once
  const query = useDebouncedValue(filters.query, 300);
  const minCost = useDebouncedValue(filters.minCost, 300);
  const maxCost = useDebouncedValue(filters.maxCost, 300);
  const debounced: SearchFilters = { ...filters, query, minCost, maxCost };
  const settled = JSON.stringify(debounced);
  useEffect(() => onSettled(JSON.parse(settled) as SearchFilters), [settled, onSettled]);
  const list = useQuery({ queryKey: inventoryKeys.search(debounced), queryFn: () => inventoryApi.search(debounced), placeholderData: keepPreviousData });
  const categories = useCategories().data?.categories ?? [];
  const onChange = (p: Partial<SearchFilters>) => setFilters((f) => ({ ...f, ...p }));
  const data = list.data;

  return (
    <div className="space-y-4">
      <PageTitle>Inventory search</PageTitle>
      <InventoryTabs />
      <SearchFiltersBar value={filters} categories={categories} onChange={onChange} />
      <ErrorBanner error={list.error} title="The search failed." />
      {data?.correctedQuery ? (
        <p role="status" className="text-sm">
          Showing results for <strong data-testid="corrected-query">{data.correctedQuery}</strong>
          {data.searchQuery ? <> (you searched for “{data.searchQuery}”)</> : null}
        </p>
      ) : null}
      {list.isPending ? <p>Searching…</p> : null}
      {data && data.pagination.totalItems === 0 ? (
        <>
          <p className="sr-only" aria-live="polite">
            No results
          </p>
          <SearchEmpty filters={filters} onClearFilters={() => onChange({ ...INITIAL_SEARCH, query: filters.query })} />
        </>
      ) : data ? (
        <>
          <SearchFacets facets={data.filters.available} value={filters} onChange={onChange} />
          <div className="flex flex-wrap items-start justify-between gap-2">
            <p className="text-sm" aria-live="polite" data-testid="result-count">
              {countOf(data.pagination.totalItems, 'result')}
              {list.isFetching ? ' · updating…' : ''}
            </p>
            <ExportButton path="/api/v1/inventory/search/export" filters={searchParams(debounced)} fileBase="inventory-search" label="Export search results as CSV" />
          </div>
          <SearchResultsTable rows={data.results} />
          <Pagination label="Search result pages" meta={data.pagination} onPage={(page) => onChange({ page })} />
        </>
      ) : null}
    </div>
  );
}
