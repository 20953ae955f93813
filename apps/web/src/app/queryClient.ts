import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/errors';
import { session } from '../auth/session';

const retriable = (e: unknown) => !(e instanceof ApiError) || e.status === 0 || e.status >= 500 || e.status === 429;

/** Retries only failures that may pass on a second try (network, 5xx, and 429 once its Retry-After has passed). */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (count, error) => count < 2 && retriable(error),
      retryDelay: (count, error) =>
        error instanceof ApiError && error.status === 429 && error.retryAfter
          ? Math.min(error.retryAfter, 15) * 1000
          : Math.min(1000 * 2 ** count, 30_000),
      refetchOnWindowFocus: false,
    },
  },
});

// Whoever signs in next must not see this user's data. Every way out clears the session first
// (sign-out, a failed refresh, a 401, another tab); this module is part of the signed-in frame's
// code (decision 0014), so the first bundle has no handle on the cache to clear it itself.
session.subscribe(() => {
  if (!session.get()) queryClient.clear();
});
