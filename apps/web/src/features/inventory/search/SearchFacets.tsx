import type { SearchFilters, SearchResponse } from '../inventoryTypes';
import { priceRangeLabel } from './searchLabels';

const chip =
  'inline-flex min-h-9 items-center gap-1 rounded-full border px-3 text-sm hover:bg-slate-100 dark:hover:bg-slate-800 aria-pressed:border-sky-600 aria-pressed:bg-sky-100 aria-pressed:text-sky-900 dark:aria-pressed:bg-sky-900 dark:aria-pressed:text-sky-100 border-slate-300 dark:border-slate-600';

interface Props {
  facets: SearchResponse['filters']['available'];
  value: SearchFilters;
  onChange: (patch: Partial<SearchFilters>) => void;
}

/** Counts per top-level category and price band (empty ones left out); a click filters by it, a second click clears it. */
export function SearchFacets({ facets, value, onChange }: Props) {
  return (
    <div className="grid gap-3 md:grid-cols-2">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">By category</legend>
        <ul className="flex flex-wrap gap-2">
          {facets.categories.filter((c) => c.count > 0 || value.categoryId === c.id).map((c) => {
            const on = value.categoryId === c.id;
            return (
              <li key={c.id}>
                <button type="button" className={chip} aria-pressed={on} onClick={() => onChange({ categoryId: on ? '' : c.id, page: 1 })}>
                  {c.name} <span className="font-semibold">{c.count}</span>
                </button>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">By price</legend>
        <ul className="flex flex-wrap gap-2">
          {facets.priceRanges.map((r) => {
            const min = String(r.min);
            const max = r.max === null ? '' : String(r.max);
            const on = value.minCost === min && value.maxCost === max;
            // a band with nothing in it is no choice at all: left out rather than shown greyed
            if (r.count === 0 && !on) return null;
            return (
              <li key={min}>
                <button
                  type="button"
                  className={chip}
                  aria-pressed={on}
                  onClick={() => onChange(on ? { minCost: '', maxCost: '', page: 1 } : { minCost: min, maxCost: max, page: 1 })}
                >
                  {priceRangeLabel(r)} <span className="font-semibold">{r.count}</span>
                </button>
              </li>
            );
          })}
        </ul>
      </fieldset>
    </div>
  );
}
