import type { CacheInvalidation } from '../../../platform/cache/cache-invalidation.js';
import type { Database } from '../../../platform/db/database.js';
import type { SessionPrincipal } from '../../../platform/http/access.js';
import { loadSessionPrincipal } from './auth.service.js';

/**
 * A safety net only (the spec allows 15 minutes for permissions): a session that ends, or a user
 * who is deactivated, changes role or must change password, is dropped from every process's
 * cache by the user_sessions / profiles / user_credentials triggers (decision 0006).
 */
const SESSION_TTL_MS = 30_000;

/**
 * The per-request live-session check (decision 0003) through a read cache: the database is asked
 * once per session and process until a change to the session or its user invalidates the entry.
 * Only live sessions are kept; an ended one is asked about every time.
 */
export function cachedSessionLoader(db: Database, caches: CacheInvalidation) {
  const cache = caches.create<SessionPrincipal | null>({
    name: 'sessions',
    maxEntries: 20_000,
    ttlMs: SESSION_TTL_MS,
    watches: (tag) => tag.startsWith('session:') || tag.startsWith('user:'),
  });
  return async (sessionId: string, userId: string): Promise<SessionPrincipal | null> => {
    const { value } = await cache.load(`${sessionId}|${userId}`, async () => {
      const principal = await loadSessionPrincipal(db, sessionId, userId);
      return principal
        ? { value: principal, tags: [`session:${sessionId}`, `user:${userId}`], ttlMs: principal.expiresAt - Date.now() }
        : { value: null, tags: [], ttlMs: 0 };
    });
    // The entry never outlives its session (its time to live is capped there); this is belt and braces.
    return value && value.expiresAt > Date.now() ? value : null;
  };
}
