import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { PageTitle } from '../../../ui/Card';
import { ErrorBanner } from '../../../ui/ErrorBanner';
import { ExportButton } from '../../../ui/ExportButton';
import { Checkbox } from '../../../ui/Field';
import { Pagination } from '../../../ui/Pagination';
import { InventoryTabs } from '../InventoryTabs';
import { inventoryApi, inventoryKeys, lowStockParams } from '../inventoryApi';
import type { LowStockFilters } from '../inventoryTypes';
import { LowStockSummary } from './LowStockSummary';
import { LowStockTable } from './LowStockTable';

export function LowStockPage() {
  const [filters, setFilters] = useState<LowStockFilters>({ urgent: false, page: 1, limit: 25 });
  const list = useQuery({ queryKey: inventoryKeys.lowStock(filters), queryFn: () => inventoryApi.lowStock(filters), placeholderData: keepPreviousData });

  return (
    <div className="space-y-4">
      <PageTitle>Low stock</PageTitle>
      <InventoryTabs />
      {list.data ? <LowStockSummary summary={list.data.summary} /> : null}
      <div className="flex flex-wrap items-start justify-between gap-2">
        <form aria-label="Filter low stock" onSubmit={(e) => e.preventDefault()}>
          <Checkbox label="Urgent only (at or below half the reorder level)" checked={filters.urgent} onChange={(e) => setFilters((f) => ({ ...f, urgent: e.target.checked, page: 1 }))} />
        </form>
        <ExportButton path="/api/v1/inventory/low-stock/export" filters={lowStockParams(filters)} fileBase="low-stock" label="Export low-stock list as CSV" />
      </div>
      <ErrorBanner error={list.error} title="The low-stock list could not be loaded." />
      {list.isPending ? <p>Loading…</p> : null}
      {list.data ? (
        <>
          <LowStockTable rows={list.data.lowStockParts} />
          <Pagination label="Low-stock pages" meta={list.data.pagination} onPage={(page) => setFilters((f) => ({ ...f, page }))} />
        </>
      ) : null}
    </div>
  );
}
