import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useSession } from '../../auth/useSession';
import { profileApi } from './profileApi';
import { applyTheme } from './theme';

export const profileKey = ['profile'] as const;

export function useProfile() {
  const s = useSession();
  const q = useQuery({ queryKey: profileKey, queryFn: profileApi.get, enabled: Boolean(s) });
  const theme = q.data?.preferences?.theme;
  useEffect(() => {
    if (theme) applyTheme(theme);
  }, [theme]);
  return q;
}
