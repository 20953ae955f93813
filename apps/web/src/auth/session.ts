import type { SessionUser, TokenPair } from '../api/types';

/** What we keep about the signed-in user. Stored under `plantops.session`. */
export interface Session {
  accessToken: string;
  refreshToken: string;
  /** epoch ms when the access token expires */
  expiresAt: number;
  remember: boolean;
  user: SessionUser;
}

const KEY = 'plantops.session';
type Listener = () => void;

let current: Session | null = load();
const listeners = new Set<Listener>();

function load(): Session | null {
  // no storage when the build renders the sign-in page (src/boot/prerender.tsx)
  if (typeof sessionStorage === 'undefined') return null;
  for (const store of [sessionStorage, localStorage]) {
    try {
      const raw = store.getItem(KEY);
      if (raw) return JSON.parse(raw) as Session;
    } catch {
      /* unreadable or corrupt: ignore */
    }
  }
  return null;
}

function persist(s: Session | null): void {
  try {
    sessionStorage.removeItem(KEY);
    localStorage.removeItem(KEY);
    if (s) (s.remember ? localStorage : sessionStorage).setItem(KEY, JSON.stringify(s));
  } catch {
    /* storage full or blocked: the session lives in memory only */
  }
}

function set(s: Session | null): void {
  current = s;
  persist(s);
  for (const l of listeners) l();
}

export const session = {
  get: (): Session | null => current,
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  start(tokens: TokenPair, user: SessionUser, remember: boolean): void {
    set({ ...tokens, expiresAt: Date.now() + tokens.expiresIn * 1000, remember, user });
  },
  /** Stores rotated tokens; the old refresh token is dead from now on. */
  rotate(tokens: TokenPair): void {
    if (!current) return;
    set({
      ...current,
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresAt: Date.now() + tokens.expiresIn * 1000,
    });
  },
  updateUser(patch: Partial<SessionUser>): void {
    if (!current) return;
    set({ ...current, user: { ...current.user, ...patch } });
  },
  clear(): void {
    set(null);
  },
};

// Another tab signed out or rotated the remembered tokens: follow it.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key !== KEY || e.storageArea !== localStorage) return;
    current = e.newValue ? (JSON.parse(e.newValue) as Session) : current?.remember ? null : current;
    for (const l of listeners) l();
  });
}
