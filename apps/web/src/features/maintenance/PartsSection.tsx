import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { useDebouncedValue } from '../../ui/useDebouncedValue';
import { partsApi, workOrdersApi, type WorkOrderDetail } from './maintenanceApi';
import { useWoAction } from './useWoAction';

/** Parts used so far, and a picker over the warehouse's stock to book more. */
export function PartsSection({ wo, canRecord }: { wo: WorkOrderDetail; canRecord: boolean }) {
  const [search, setSearch] = useState('');
  const [qty, setQty] = useState(1);
  const term = useDebouncedValue(search.trim(), 250);
  const found = useQuery({ queryKey: ['parts', 'pick', term], queryFn: () => partsApi.search(term), enabled: canRecord && term.length >= 2 });
  const use = useWoAction(wo.id, (partId: string) => workOrdersApi.useParts(wo.id, partId, qty));
  return (
    <div className="space-y-3">
      {wo.parts.length ? (
        <ul className="space-y-1 text-sm">
          {wo.parts.map((p) => <li key={p.partId}>{p.partNumber} {p.name}: {p.net} used{p.returned ? ` (${p.returned} returned)` : ''}</li>)}
        </ul>
      ) : <p className="text-sm text-slate-600 dark:text-slate-400">No parts used yet.</p>}
      {canRecord ? (
        <div className="space-y-2">
          <div className="grid grid-cols-[1fr_6rem] gap-2">
            <label className="block text-sm">
              Find a part in stock
              <input className="block w-full min-h-11 rounded-md border border-slate-300 px-3 dark:border-slate-600 dark:bg-slate-900" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Part number or name" />
            </label>
            <label className="block text-sm">
              Quantity
              <input className="block w-full min-h-11 rounded-md border border-slate-300 px-3 dark:border-slate-600 dark:bg-slate-900" type="number" min={1} inputMode="numeric" value={qty} onChange={(e) => setQty(Math.max(1, Number(e.target.value) || 1))} />
            </label>
          </div>
          <ul className="space-y-2">
            {found.data?.parts.map((p) => (
              <li key={p.id} className="flex items-center justify-between gap-2 text-sm">
                <span>{p.partNumber} {p.name} <span className="text-slate-600 dark:text-slate-400">({p.quantityOnHand} on hand)</span></span>
                <Button variant="secondary" disabled={p.quantityOnHand < qty} onClick={() => use.mutate(p.id)} aria-label={`Use ${qty} of ${p.partNumber}`}>Use</Button>
              </li>
            ))}
          </ul>
          <ErrorBanner error={use.error} title="The parts were not booked. Check the quantity on hand, or ask the stores." />
        </div>
      ) : null}
    </div>
  );
}
