import { Badge } from '../../../ui/Badge';
import { usePageHeading } from '../../../ui/pageHeading';
import type { PartDetail } from '../inventoryTypes';
import { formatMoney } from '../money';

export function PartHeader({ part }: { part: PartDetail }) {
  const heading = usePageHeading(`${part.partNumber} ${part.name}`);
  const facts: [string, string][] = [
    ['Part number', part.partNumber],
    ['Catalog number', part.catalogNumber ?? '—'],
    ['Cost', formatMoney(part.cost)],
    ['List price', formatMoney(part.listPrice)],
    ['On hand (all warehouses)', String(part.quantityOnHand)],
    ['Reorder level', String(part.reorderLevel)],
  ];
  return (
    <header className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <h1 {...heading} className="text-2xl font-bold tracking-tight">
          <span className="font-mono">{part.partNumber}</span> <span className="font-normal">{part.name}</span>
        </h1>
        <Badge>{part.kind.toLowerCase().replace(/_/g, ' ')}</Badge>
        {part.isCustom ? <Badge tone="info">custom</Badge> : null}
        {part.isActive ? null : <Badge tone="warning">inactive</Badge>}
      </div>
      {part.description ? <p className="text-slate-700 dark:text-slate-300">{part.description}</p> : null}
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {facts.map(([k, v]) => (
          <div key={k} className="rounded-md border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900">
            <dt className="text-xs text-slate-600 dark:text-slate-400">{k}</dt>
            <dd className="font-semibold">{v}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
