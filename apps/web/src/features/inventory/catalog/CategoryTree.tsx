import { Link } from '@tanstack/react-router';
import { ErrorBanner } from '../../../ui/ErrorBanner';
import { textLink } from '../../../ui/linkStyles';
import { useCategories } from './useCatalogQueries';

/** The top-level categories as cards, each with its sub-categories. */
export function CategoryTree() {
  const q = useCategories();
  if (q.error) return <ErrorBanner error={q.error} title="The categories could not be loaded." />;
  if (!q.data) return <p>Loading categories…</p>;
  return (
    <ul aria-label="Categories" className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
      {q.data.categories.map((c) => (
        <li key={c.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900">
          <Link to="/inventory" search={{ category: c.id }} className={`${textLink} text-base font-semibold`}>
            {c.name}
          </Link>
          <span className="ml-2 text-sm text-slate-600 dark:text-slate-400">({c.assemblyCount})</span>
          {c.description ? <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{c.description}</p> : null}
          {c.subcategories.length ? (
            <ul aria-label={`${c.name} sub-categories`} className="mt-2 space-y-1 border-l border-slate-200 pl-3 text-sm dark:border-slate-700">
              {c.subcategories.map((s) => (
                <li key={s.id}>
                  <Link to="/inventory" search={{ category: s.id }} className={textLink}>
                    {s.name}
                  </Link>{' '}
                  <span className="text-slate-600 dark:text-slate-400">({s.assemblyCount})</span>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
