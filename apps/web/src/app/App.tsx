import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { setApiHooks } from '../api/client';
import { session } from '../auth/session';
import { queryClient } from './queryClient';
import { router } from './router';

setApiHooks({
  onSignedOut: () => {
    queryClient.clear();
    void router.navigate({ to: '/login' });
  },
  onPasswordChangeRequired: () => {
    void router.navigate({ to: '/change-password' });
  },
});

// Signed out in another tab: leave the signed-in pages here too.
session.subscribe(() => {
  if (!session.get() && router.state.location.pathname !== '/login') {
    queryClient.clear();
    void router.navigate({ to: '/login' });
  }
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
