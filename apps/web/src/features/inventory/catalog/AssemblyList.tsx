import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ErrorBanner } from '../../../ui/ErrorBanner';
import { Field } from '../../../ui/Field';
import { textLink } from '../../../ui/linkStyles';
import { Pagination } from '../../../ui/Pagination';
import { DataTable } from '../../../ui/DataTable';
import { useDebouncedValue } from '../../../ui/useDebouncedValue';
import { inventoryApi, inventoryKeys } from '../inventoryApi';
import { formatMoney } from '../money';

/** A category's items; those with children open their sub-assemblies, the rest their part page. */
export function AssemblyList({ categoryId }: { categoryId: string }) {
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const q = { page, limit: 20, search: useDebouncedValue(search) };
  const list = useQuery({ queryKey: inventoryKeys.assemblies(categoryId, q), queryFn: () => inventoryApi.assemblies(categoryId, q), placeholderData: keepPreviousData });

  return (
    <div className="space-y-3">
      <div className="max-w-sm">
        <Field label="Filter this category" type="search" placeholder="Name, part number or description" value={search} onChange={(e) => { setSearch(e.target.value); setPage(1); }} />
      </div>
      <ErrorBanner error={list.error} title="The category could not be loaded." />
      {list.isPending ? <p>Loading…</p> : null}
      {list.data ? (
        <>
          <h2 className="text-lg font-semibold">{list.data.categoryName}</h2>
          <DataTable
            caption={`Items in ${list.data.categoryName}`}
            rows={list.data.assemblies}
            rowKey={(a) => a.id}
            empty="Nothing in this category."
            columns={[
              {
                header: 'Item',
                primary: true,
                cell: (a) =>
                  a.subAssemblyCount > 0 ? (
                    <>
                      <Link to="/inventory" search={{ category: categoryId, assembly: a.id }} className={`${textLink} font-medium`}>
                        {a.name}
                      </Link>
                      <span className="block font-mono text-xs text-slate-600 dark:text-slate-400">{a.partNumber}</span>
                    </>
                  ) : (
                    <>
                      <Link to="/inventory/parts/$partId" params={{ partId: a.id }} className={`${textLink} font-medium`}>
                        {a.name}
                      </Link>
                      <span className="block font-mono text-xs text-slate-600 dark:text-slate-400">{a.partNumber}</span>
                    </>
                  ),
              },
              { header: 'Sub-assemblies', cell: (a) => a.subAssemblyCount, numeric: true },
              { header: 'Cost', cell: (a) => formatMoney(a.cost), numeric: true },
              { header: 'On hand', cell: (a) => a.quantityOnHand, numeric: true },
              {
                header: 'Details',
                bare: true,
                cell: (a) => (
                  <Link to="/inventory/parts/$partId" params={{ partId: a.id }} className={textLink}>
                    Details<span className="sr-only"> of {a.partNumber}</span>
                  </Link>
                ),
              },
            ]}
          />
          <Pagination label="Category pages" meta={list.data.pagination} onPage={setPage} />
        </>
      ) : null}
    </div>
  );
}
