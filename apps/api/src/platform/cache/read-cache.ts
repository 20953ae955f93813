/** What a loader returns: the value and the tags of the rows it was built from. */
export interface Loaded<V> {
  value: V;
  tags: readonly string[];
  /** Shorter than the cache's own time to live (a session that ends sooner). */
  ttlMs?: number;
}

export interface ReadCacheOptions {
  name: string;
  maxEntries: number;
  /** A safety net only: entries are dropped by invalidation tags as soon as their rows change. */
  ttlMs: number;
  /** Tags that make every entry stale (a change too broad to pin to entries). */
  flushOn?: (tag: string) => boolean;
}

interface Entry<V> {
  value: V;
  expiresAt: number;
  tags: readonly string[];
}

/**
 * A bounded, in-process cache of derived reads (never the source of truth: PostgreSQL is).
 * Entries carry the tags of the rows they were built from; `invalidate` drops them when the
 * database reports those rows changed (see CacheInvalidation). A value whose load overlapped an
 * invalidation is returned to its caller but not kept, so a slow load cannot re-insert stale data.
 */
export class ReadCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly keysByTag = new Map<string, Set<string>>();
  private readonly inflight = new Map<string, Promise<Loaded<V>>>();
  /** Bumped by every invalidation; a load only stores its value if this did not move meanwhile. */
  private epoch = 0;
  private enabled = true;

  constructor(readonly options: ReadCacheOptions) {}

  get size() {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.remove(key);
      return undefined;
    }
    // Map order is insertion order: re-inserting keeps the least recently used entry first.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /**
   * The cached value, or the loader's (then kept). Concurrent misses for one key share one load.
   * `refresh` skips the lookup (and any load already under way) and replaces the entry.
   */
  async load(key: string, loader: () => Promise<Loaded<V>>, opts: { refresh?: boolean } = {}): Promise<{ value: V; hit: boolean }> {
    if (!opts.refresh) {
      const cached = this.get(key);
      if (cached !== undefined) return { value: cached, hit: true };
      const pending = this.inflight.get(key);
      if (pending) return { value: (await pending).value, hit: true };
    }
    const epoch = this.epoch;
    const loading = loader();
    if (!opts.refresh) this.inflight.set(key, loading);
    try {
      const loaded = await loading;
      if (this.enabled && epoch === this.epoch) this.store(key, loaded);
      return { value: loaded.value, hit: false };
    } finally {
      if (this.inflight.get(key) === loading) this.inflight.delete(key);
    }
  }

  invalidate(tags: readonly string[]) {
    this.epoch += 1;
    // A load under way may predate the change: later callers must not join it.
    this.inflight.clear();
    if (tags.some((t) => t === '*' || this.options.flushOn?.(t))) {
      this.clear();
      return;
    }
    for (const tag of tags) {
      for (const key of this.keysByTag.get(tag) ?? []) this.remove(key);
    }
  }

  clear() {
    this.epoch += 1;
    this.inflight.clear();
    this.entries.clear();
    this.keysByTag.clear();
  }

  /** Stops caching for good (the invalidation feed was lost, so no entry could be trusted). */
  disable() {
    this.enabled = false;
    this.clear();
  }

  private store(key: string, loaded: Loaded<V>) {
    this.remove(key);
    while (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.remove(oldest);
    }
    const ttl = Math.min(this.options.ttlMs, loaded.ttlMs ?? Infinity);
    if (ttl <= 0) return;
    this.entries.set(key, { value: loaded.value, expiresAt: Date.now() + ttl, tags: loaded.tags });
    for (const tag of loaded.tags) {
      let keys = this.keysByTag.get(tag);
      if (!keys) this.keysByTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
  }

  private remove(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    for (const tag of entry.tags) {
      const keys = this.keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.keysByTag.delete(tag);
    }
  }
}
