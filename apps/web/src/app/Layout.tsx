import { useEffect, useState } from 'react';
import { Outlet, useRouterState } from '@tanstack/react-router';
import { QueryClientProvider } from '@tanstack/react-query';
import { useProfile } from '../features/profile/useProfile';
import { Toaster } from '../ui/Toaster';
import { useBootHandoff } from '../boot/handoff';
import { usePermissions } from './usePermissions';
import { Header } from './Header';
import { Nav } from './Nav';
import { queryClient } from './queryClient';

/** The signed-in frame with the query cache every signed-in page reads through (not loaded for sign-in). */
export function Layout() {
  return (
    <QueryClientProvider client={queryClient}>
      <Frame />
    </QueryClientProvider>
  );
}

/** Header, sidebar (desktop) or toggled menu (phone), and the page. */
function Frame() {
  const [menuOpen, setMenuOpen] = useState(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  useBootHandoff(); // the blank frame of index.html (decision 0014) makes way for this one
  usePermissions(); // keeps the nav in step with the server's permission table
  useProfile(); // applies the user's theme

  useEffect(() => setMenuOpen(false), [pathname]);

  return (
    <div className="min-h-dvh">
      <a href="#main" className="sr-only z-50 rounded bg-sky-700 px-3 py-2 text-white focus:not-sr-only focus:fixed focus:left-2 focus:top-2">
        Skip to content
      </a>
      <Header menuOpen={menuOpen} onToggleMenu={() => setMenuOpen((o) => !o)} />
      <div className="md:flex">
        <aside
          id="main-nav"
          className={`${menuOpen ? 'block' : 'hidden'} border-b border-slate-200 bg-white p-3 md:sticky md:top-[61px] md:block md:h-[calc(100dvh-61px)] md:w-56 md:shrink-0 md:border-b-0 md:border-r dark:border-slate-700 dark:bg-slate-900`}
        >
          <Nav onNavigate={() => setMenuOpen(false)} />
        </aside>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 p-4 md:p-6 focus:outline-none">
          <Outlet />
        </main>
      </div>
      <Toaster />
    </div>
  );
}
