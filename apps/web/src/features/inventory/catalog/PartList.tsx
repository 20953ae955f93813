import { Link } from '@tanstack/react-router';
import { ErrorBanner } from '../../../ui/ErrorBanner';
import { textLink } from '../../../ui/linkStyles';
import { formatMoney } from '../money';
import { PartsTable } from './PartsTable';
import { useChildParts } from './useCatalogQueries';

/** A sub-assembly's parts with their quantities and the value of one set. */
export function PartList({ subAssemblyId }: { subAssemblyId: string }) {
  const q = useChildParts(subAssemblyId);
  if (q.error) return <ErrorBanner error={q.error} title="The sub-assembly could not be loaded." />;
  if (!q.data) return <p>Loading…</p>;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">{q.data.subAssemblyName}</h2>
        <Link to="/inventory/parts/$partId" params={{ partId: subAssemblyId }} className={textLink}>
          Sub-assembly details
        </Link>
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {q.data.totalParts} parts · value of one set {formatMoney(q.data.totalValue)}
      </p>
      <PartsTable caption={`Parts of ${q.data.subAssemblyName}`} parts={q.data.parts} />
    </div>
  );
}
