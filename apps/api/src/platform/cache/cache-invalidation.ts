import type { Database } from '../db/database.js';
import { ReadCache, type ReadCacheOptions } from './read-cache.js';

/** The NOTIFY channel migration 0008's triggers write to. */
export const CACHE_CHANNEL = 'plantops_cache';

/**
 * Owns this process's read caches and keeps them honest: the tags of every committed change
 * arrive twice, synchronously from this process's own transactions (Database.onCommitTags, before
 * the writer gets its response) and from every process through LISTEN, milliseconds after commit.
 * While the LISTEN connection is down the caches are off (they could not hear of changes); they
 * start again, empty, once it is back.
 */
export class CacheInvalidation {
  private readonly caches = new Set<ReadCache<unknown>>();
  private unlisten: (() => Promise<void>) | undefined;
  private unobserve: (() => void) | undefined;

  constructor(private readonly db: Database, private readonly onLost: (err: unknown) => void = () => undefined) {}

  create<V>(options: ReadCacheOptions): ReadCache<V> {
    const cache = new ReadCache<V>(options);
    this.caches.add(cache as ReadCache<unknown>);
    return cache;
  }

  async start() {
    this.unobserve = this.db.onCommitTags((tags) => this.dispatch(tags));
    this.unlisten = await this.db.listen(CACHE_CHANNEL, (payload) => this.dispatch(payload), {
      lost: (err) => {
        for (const cache of this.caches) cache.disable();
        this.onLost(err);
      },
      // Changes made while the feed was down were not heard: start empty.
      restored: () => {
        for (const cache of this.caches) cache.enable();
      },
    });
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
}
