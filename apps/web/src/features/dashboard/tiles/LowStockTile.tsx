import { useQuery } from '@tanstack/react-query';
import { inventoryApi, inventoryKeys } from '../../inventory/inventoryApi';
import { ItemLink } from '../../inventory/ItemLink';
import { UrgencyBadge } from '../../inventory/lowstock/UrgencyBadge';
import type { LowStockFilters } from '../../inventory/inventoryTypes';
import { Stat, Tile } from './Tile';

const TOP: LowStockFilters = { urgent: false, page: 1, limit: 5 };

/** What runs low at the user's site: counts by urgency and the five most urgent parts. */
export function LowStockTile() {
  const q = useQuery({ queryKey: inventoryKeys.lowStock(TOP), queryFn: () => inventoryApi.lowStock(TOP) });
  const s = q.data?.summary;
  return (
    <Tile title="Low stock" testId="tile-low-stock" error={q.error} more={{ to: '/inventory/low-stock', label: 'All low-stock parts' }}>
      <div className="grid grid-cols-2 gap-2">
        <Stat label="parts below reorder point" value={s?.totalLowStockParts} to="/inventory/low-stock" />
        <Stat label="urgent" value={s?.urgentParts} to="/inventory/low-stock" tone="alert" />
      </div>
      {q.data && q.data.lowStockParts.length === 0 ? <p>Nothing is below its reorder point.</p> : null}
      {q.data?.lowStockParts.length ? (
        <ul aria-label="Most urgent low-stock parts" className="divide-y divide-slate-200 dark:divide-slate-700">
          {q.data.lowStockParts.map((p) => (
            <li key={p.id} className="flex items-start justify-between gap-2 py-2">
              <span className="min-w-0 [overflow-wrap:anywhere]">
                <ItemLink item={p} />
              </span>
              <span className="shrink-0 text-right">
                <UrgencyBadge level={p.urgencyLevel} />
                <span className="block text-xs text-slate-600 dark:text-slate-400">
                  {p.quantityOnHand} of {p.reorderLevel}
                </span>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </Tile>
  );
}
