import { useSyncExternalStore } from 'react';
import { session, type Session } from './session';

export function useSession(): Session | null {
  return useSyncExternalStore(session.subscribe, session.get, session.get);
}

/** For pages inside the signed-in layout, where a session always exists. */
export function useUser(): Session['user'] {
  const s = useSession();
  if (!s) throw new Error('useUser needs a signed-in session');
  return s.user;
}

export function useCan(): (permission: string) => boolean {
  const s = useSession();
  const perms = s?.user.permissions ?? [];
  return (p) => perms.includes(p);
}
