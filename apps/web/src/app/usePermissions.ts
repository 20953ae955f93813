import { useQuery } from '@tanstack/react-query';
import { fetchPermissions } from '../auth/authApi';
import { useSession } from '../auth/useSession';

export function usePermissions() {
  const s = useSession();
  return useQuery({
    queryKey: ['permissions', s?.user.id],
    queryFn: fetchPermissions,
    enabled: Boolean(s),
    staleTime: 5 * 60_000,
  });
}
