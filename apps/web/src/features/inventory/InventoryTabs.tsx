import { Link } from '@tanstack/react-router';
import { visibleNav } from '../../app/navItems';
import { useUser } from '../../auth/useSession';

const tab =
  'inline-flex min-h-11 items-center rounded-md px-3 text-sm font-medium text-slate-700 hover:bg-slate-200 dark:text-slate-200 dark:hover:bg-slate-800 aria-[current=page]:bg-sky-100 aria-[current=page]:text-sky-900 dark:aria-[current=page]:bg-sky-900 dark:aria-[current=page]:text-sky-100';

/** The inventory pages this role may open, as a row of links (handy on phones, where the menu is folded). */
export function InventoryTabs() {
  const inventory = visibleNav(useUser().permissions).find((i) => i.to === '/inventory');
  if (!inventory) return null;
  return (
    <nav aria-label="Inventory sections" className="-mt-2 flex flex-wrap gap-1 border-b border-slate-200 pb-2 dark:border-slate-700">
      <Link to="/inventory" search={{}} className={tab} activeOptions={{ exact: true, includeSearch: false }}>
        Catalog
      </Link>
      {inventory.children?.map((c) => (
        <Link key={c.to} to={c.to} className={tab}>
          {c.label}
        </Link>
      ))}
    </nav>
  );
}
