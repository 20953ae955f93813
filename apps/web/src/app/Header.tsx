import { useNavigate } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { logout } from '../auth/authApi';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { useUser } from '../auth/useSession';
import { Button } from '../ui/Button';
import { Logo } from '../ui/Logo';
import { roleLabel } from './roleLabel';

export function Header({ menuOpen, onToggleMenu }: { menuOpen: boolean; onToggleMenu: () => void }) {
  const user = useUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  async function signOut() {
    await logout();
    queryClient.clear();
    await navigate({ to: '/login' });
  }

  return (
    <header className="sticky top-0 z-20 flex items-center gap-2 sm:gap-3 border-b border-slate-200 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900">
      <button
        type="button"
        className="inline-flex size-11 items-center justify-center rounded-md hover:bg-slate-200 md:hidden dark:hover:bg-slate-800"
        aria-label="Menu"
        aria-expanded={menuOpen}
        aria-controls="main-nav"
        onClick={onToggleMenu}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="2">
          {menuOpen ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 6h16M4 12h16M4 18h16" />}
        </svg>
      </button>
      {/* On a phone the brand is the icon alone and "Sign out" an icon, so the user's name has the room. */}
      <div className="flex shrink-0 items-center gap-2">
        <Logo className="size-8" />
        <span className="text-lg font-bold max-sm:sr-only">PlantOps</span>
      </div>
      <div className="ml-auto flex min-w-0 items-center gap-1 sm:gap-3">
        <NotificationBell />
        <p className="min-w-0 text-right text-sm leading-tight" data-testid="header-user">
          <span className="block truncate font-medium">
            {user.firstName} {user.lastName}
          </span>
          <span className="block truncate text-xs text-slate-600 sm:text-sm dark:text-slate-400">{roleLabel(user.role)}</span>
        </p>
        <Button variant="secondary" className="shrink-0 px-3 max-sm:w-11 max-sm:px-0" onClick={signOut} aria-label="Sign out">
          <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 sm:hidden" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
            <path d="M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4M16 17l5-5-5-5M21 12H9" />
          </svg>
          <span className="max-sm:hidden">Sign out</span>
        </Button>
      </div>
    </header>
  );
}
