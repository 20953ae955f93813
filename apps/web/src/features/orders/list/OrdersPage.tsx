import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useCan } from '../../../auth/useSession';
import { PageTitle } from '../../../ui/Card';
import { ErrorBanner } from '../../../ui/ErrorBanner';
import { orderKeys, ordersApi } from '../ordersApi';
import { useOrdersLive } from '../useOrdersLive';
import { OrderFiltersBar } from './OrderFiltersBar';
import type { OrderListFilters } from './orderListUrl';
import { OrdersTable } from './OrdersTable';

const primaryLink = 'inline-flex min-h-11 items-center justify-center rounded-md bg-sky-700 px-4 py-2 text-sm font-medium text-white hover:bg-sky-800';

/** Customer orders (spec 2.2): filters, sort and page live in the address; the list is the API's. */
export function OrdersPage({ filters, onFilters }: { filters: OrderListFilters; onFilters: (f: OrderListFilters) => void }) {
  const can = useCan();
  const list = useQuery({ queryKey: orderKeys.list(filters), queryFn: () => ordersApi.list(filters), placeholderData: keepPreviousData });
  useOrdersLive();
  const change = (patch: Partial<OrderListFilters>) => onFilters({ ...filters, ...patch });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <PageTitle>Orders</PageTitle>
        {can('order:create') ? (
          <Link to="/orders/new" className={primaryLink}>
            New order
          </Link>
        ) : null}
      </div>
      <OrderFiltersBar value={filters} onChange={change} />
      <ErrorBanner error={list.error} title="The order list could not be loaded. Check the filters or reload the page." />
      {list.isPending ? <p>Loading orders…</p> : null}
      {list.data ? (
        <OrdersTable
          orders={list.data.orders}
          sort={{ key: filters.sortBy ?? 'createdAt', direction: filters.sortOrder ?? 'desc' }}
          onSort={(s) => change({ sortBy: s.key as OrderListFilters['sortBy'], sortOrder: s.direction, page: 1 })}
          pagination={list.data.pagination}
          onPage={(page) => change({ page })}
        />
      ) : null}
    </div>
  );
}
