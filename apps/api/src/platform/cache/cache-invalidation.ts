import type { Database } from '../db/database.js';
import { ReadCache, type ReadCacheOptions } from './read-cache.js';

/** The NOTIFY channel migration 0008's triggers write to. */
export const CACHE_CHANNEL = 'plantops_cache';

/**
 * Owns this process's read caches and keeps them honest: the tags of every committed change
 * arrive twice, synchronously from this process's own transactions (Database.onCommitTags, before
 * the writer gets its response) and from every process through LISTEN, milliseconds after commit.
 * If the LISTEN connection fails, the caches switch off rather than risk serving stale reads.
 */
export class CacheInvalidation {
  private readonly caches = new Set<ReadCache<unknown>>();
  private unlisten: (() => Promise<void>) | undefined;
  private unobserve: (() => void) | undefined;

  constructor(private readonly db: Database, private readonly onFailure: (err: unknown) => void = () => undefined) {}

  create<V>(options: ReadCacheOptions): ReadCache<V> {
    const cache = new ReadCache<V>(options);
    this.caches.add(cache as ReadCache<unknown>);
    return cache;
  }

  async start() {
    this.unobserve = this.db.onCommitTags((tags) => this.dispatch(tags));
    this.unlisten = await this.db.listen(CACHE_CHANNEL, (payload) => this.dispatch(payload), (err) => this.fail(err));
  }

  async stop() {
    this.unobserve?.();
    await this.unlisten?.();
    for (const cache of this.caches) cache.clear();
  }

  dispatch(payload: string) {
    const tags = payload.split(' ').filter(Boolean);
    if (tags.length === 0) return;
    for (const cache of this.caches) cache.invalidate(tags);
  }

  private fail(err: unknown) {
    for (const cache of this.caches) cache.disable();
    this.onFailure(err);
  }
}
