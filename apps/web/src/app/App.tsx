import { RouterProvider } from '@tanstack/react-router';
import { setApiHooks } from '../api/client';
import { session } from '../auth/session';
import { router } from './router';

setApiHooks({
  onSignedOut: () => {
    void router.navigate({ to: '/login' });
  },
  onPasswordChangeRequired: () => {
    void router.navigate({ to: '/change-password' });
  },
});

// Signed out in another tab: leave the signed-in pages here too.
session.subscribe(() => {
  if (!session.get() && router.state.location.pathname !== '/login') {
    void router.navigate({ to: '/login' });
  }
});

/** The query cache lives in the signed-in frame (app/Layout.tsx), so the sign-in page loads none of it. */
export function App() {
  return <RouterProvider router={router} />;
}
