/*
 * Build-time only (build/prerender.ts loads it through Vite's SSR loader): the markup that
 * index.html shows before the app's script has run (decision 0014). It renders the real sign-in
 * page, so the static copy cannot drift from it, and the blank signed-in frame shown instead when a
 * session is stored (the inline boot script picks one before the first paint).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { createMemoryHistory, createRootRoute, createRouter, RouterContextProvider } from '@tanstack/react-router';
import { LoginPage } from '../auth/LoginPage';
import { FrameSkeleton } from './FrameSkeleton';

export function renderBootMarkup(): string {
  // LoginPage navigates after signing in: a router (never rendered) gives it the context for that.
  const router = createRouter({ routeTree: createRootRoute(), history: createMemoryHistory({ initialEntries: ['/login'] }) });
  const html = renderToStaticMarkup(
    <div id="boot">
      <div id="boot-sign-in">
        <RouterContextProvider router={router}>
          <LoginPage />
        </RouterContextProvider>
      </div>
      <FrameSkeleton id="boot-frame" />
    </div>,
    // ids of the static copy must not collide with the app's own while both are in the document
    { identifierPrefix: 'boot-' },
  );
  return html;
}
