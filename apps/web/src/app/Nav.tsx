import { Link } from '@tanstack/react-router';
import { useUser } from '../auth/useSession';
import { visibleNav } from './navItems';

const link =
  'block rounded-md px-3 py-3 text-sm font-medium text-slate-700 hover:bg-slate-200 dark:text-slate-200 dark:hover:bg-slate-800 aria-[current=page]:bg-sky-100 aria-[current=page]:text-sky-900 dark:aria-[current=page]:bg-sky-900 dark:aria-[current=page]:text-sky-100';

/** The role's navigation: only pages its permissions open. TanStack's Link sets aria-current on the active one. */
export function Nav({ onNavigate }: { onNavigate?: () => void }) {
  const user = useUser();
  return (
    <nav aria-label="Main">
      <ul className="space-y-1">
        {visibleNav(user.permissions).map((item) => (
          <li key={item.to}>
            <Link to={item.to} className={link} activeOptions={{ exact: item.to === '/' || Boolean(item.children?.length) }} onClick={onNavigate}>
              {item.label}
            </Link>
            {item.children?.length ? (
              <ul aria-label={`${item.label} pages`} className="ml-3 mt-1 space-y-1 border-l border-slate-200 pl-2 dark:border-slate-700">
                {item.children.map((c) => (
                  <li key={c.to}>
                    <Link to={c.to} className={link} onClick={onNavigate}>
                      {c.label}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </nav>
  );
}
