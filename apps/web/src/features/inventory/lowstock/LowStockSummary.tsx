import type { LowStockResponse } from '../inventoryTypes';
import { formatMoney } from '../money';

export function LowStockSummary({ summary }: { summary: LowStockResponse['summary'] }) {
  const cards: [string, string][] = [
    ['Low-stock parts', String(summary.totalLowStockParts)],
    ['Urgent (high)', String(summary.urgentParts)],
    ['Medium', String(summary.mediumParts)],
    ['Low', String(summary.lowParts)],
    ['Value on hand', formatMoney(summary.totalValue)],
  ];
  return (
    <dl aria-label="Low-stock summary" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {cards.map(([k, v]) => (
        <div key={k} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900">
          <dt className="text-sm text-slate-600 dark:text-slate-400">{k}</dt>
          <dd className="text-2xl font-bold">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
