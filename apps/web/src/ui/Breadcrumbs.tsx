import type { ReactNode } from 'react';

export interface Crumb {
  key: string;
  label: string;
  /** A link to the level; the last crumb is the current page and is not a link. */
  link?: (label: string) => ReactNode;
}

export function Breadcrumbs({ items, label = 'Breadcrumb' }: { items: Crumb[]; label?: string }) {
  return (
    <nav aria-label={label}>
      <ol className="flex flex-wrap items-center gap-1 text-sm text-slate-600 dark:text-slate-400">
        {items.map((c, i) => {
          const last = i === items.length - 1;
          return (
            <li key={c.key} className="flex items-center gap-1">
              {last || !c.link ? (
                <span aria-current={last ? 'page' : undefined} className={last ? 'font-medium text-slate-900 dark:text-slate-100' : ''}>
                  {c.label}
                </span>
              ) : (
                c.link(c.label)
              )}
              {last ? null : <span aria-hidden="true">›</span>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
