import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/errors';

/** Retries only failures that may pass on a second try (network, 5xx). */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (count, error) => count < 2 && (!(error instanceof ApiError) || error.status === 0 || error.status >= 500),
      refetchOnWindowFocus: false,
    },
  },
});
