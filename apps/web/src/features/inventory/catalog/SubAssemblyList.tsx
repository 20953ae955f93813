import { Link } from '@tanstack/react-router';
import { ErrorBanner } from '../../../ui/ErrorBanner';
import { textLink } from '../../../ui/linkStyles';
import { DataTable } from '../../../ui/DataTable';
import { formatMoney } from '../money';
import { PartsTable } from './PartsTable';
import { useChildParts, useSubAssemblies } from './useCatalogQueries';

/** An assembly's sub-assemblies, and any parts fitted to it directly. */
export function SubAssemblyList({ categoryId, assemblyId }: { categoryId: string; assemblyId: string }) {
  const subs = useSubAssemblies(assemblyId);
  const loose = useChildParts(assemblyId);
  return (
    <div className="space-y-4">
      <ErrorBanner error={subs.error} title="The assembly could not be loaded." />
      {subs.isPending ? <p>Loading…</p> : null}
      {subs.data ? (
        <>
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 className="text-lg font-semibold">{subs.data.assemblyName}</h2>
            <Link to="/inventory/parts/$partId" params={{ partId: assemblyId }} className={textLink}>
              Assembly details
            </Link>
          </div>
          <DataTable
            caption={`Sub-assemblies of ${subs.data.assemblyName}`}
            rows={subs.data.subAssemblies}
            rowKey={(s) => s.id}
            empty="No sub-assemblies."
            columns={[
              {
                header: 'Sub-assembly',
                primary: true,
                cell: (s) => (
                  <>
                    <Link to="/inventory" search={{ category: categoryId, assembly: assemblyId, subAssembly: s.id }} className={`${textLink} font-medium`}>
                      {s.name}
                    </Link>
                    <span className="block font-mono text-xs text-slate-600 dark:text-slate-400">{s.partNumber}</span>
                  </>
                ),
              },
              { header: 'Qty', cell: (s) => s.quantity, numeric: true },
              { header: 'Parts', cell: (s) => s.partCount, numeric: true },
              { header: 'Cost', cell: (s) => formatMoney(s.cost), numeric: true },
            ]}
          />
        </>
      ) : null}
      {loose.data && loose.data.parts.length > 0 ? (
        <section className="space-y-2">
          <h3 className="font-semibold">Parts fitted directly</h3>
          <PartsTable caption={`Parts fitted directly to ${loose.data.subAssemblyName}`} parts={loose.data.parts} />
        </section>
      ) : null}
    </div>
  );
}
