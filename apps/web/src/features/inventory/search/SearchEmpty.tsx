import { Link } from '@tanstack/react-router';
import { Button } from '../../../ui/Button';
import { textLink } from '../../../ui/linkStyles';
import type { SearchFilters } from '../inventoryTypes';
import { INITIAL_SEARCH } from './searchUrl';

/** Filters besides the words that narrow the search (clearing them is the first suggestion). */
export function narrowingFilters(f: SearchFilters): boolean {
  return (['type', 'categoryId', 'minCost', 'maxCost', 'inStock', 'isCustom'] as const).some((k) => f[k] !== INITIAL_SEARCH[k]);
}

/** No results: say so, and what to try next, instead of an empty table, zero facets and an export. */
export function SearchEmpty({ filters, onClearFilters }: { filters: SearchFilters; onClearFilters: () => void }) {
  const words = filters.query.trim();
  const narrowed = narrowingFilters(filters);
  return (
    <section aria-labelledby="search-empty" className="rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-700 dark:bg-slate-900" data-testid="search-empty">
      <h2 id="search-empty" className="text-lg font-semibold">
        {words ? `Nothing matches “${words}”` : 'Nothing matches these filters'}
      </h2>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">Try one of these:</p>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
        {narrowed ? (
          <li>
            Search without the filters.{' '}
            <Button variant="secondary" className="ml-1 min-h-9 px-3 py-1" onClick={onClearFilters}>
              Clear filters
            </Button>
          </li>
        ) : null}
        {words ? <li>Check the spelling, or use fewer or shorter words (“gasket” instead of “drain gaskets 3 inch”).</li> : null}
        <li>Search by part number, or the start of one (“GASKET-”), or by a catalog number.</li>
        <li>
          <Link to="/inventory" className={textLink}>
            Browse the catalog
          </Link>{' '}
          by category instead.
        </li>
      </ul>
    </section>
  );
}
