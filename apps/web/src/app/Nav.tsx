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
            <Link to={item.to} className={link} activeOptions={{ exact: item.to === '/' }} onClick={onNavigate}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
