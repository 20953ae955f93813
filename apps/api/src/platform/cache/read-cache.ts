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
  /** Also bounds the entries' approximate size (a string's length, other values' JSON length), for caches of large values. */
  maxBytes?: number;
  /** A safety net only: entries are dropped by invalidation tags as soon as their rows change. */
  ttlMs: number;
  /** The tags that can concern this cache at all; others are ignored ("*" always concerns it). */
  watches: (tag: string) => boolean;
  /** Tags that make every entry stale (a change too broad to pin to entries). */
  flushOn?: (tag: string) => boolean;
}

interface Entry<V> {
  value: V;
  expiresAt: number;
  tags: readonly string[];
  bytes: number;
  /** The cache's placement count when this entry was last put at the newest end. */
  placed: number;
}

/** What changed while a load was under way. */
interface LoadWatch {
  seen: Set<string>;
  flushed: boolean;
}

/**
 * A bounded, in-process cache of derived reads (never the source of truth: PostgreSQL is).
 * Entries carry the tags of the rows they were built from; `invalidate` drops them when the
 * database reports those rows changed (see CacheInvalidation). A value whose load overlapped a
 * change to one of its rows is returned to its caller but not kept, so a slow load cannot
 * re-insert stale data; concurrent misses for one key share one load.
 */
export class ReadCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly keysByTag = new Map<string, Set<string>>();
  private readonly inflight = new Map<string, Promise<Loaded<V>>>();
  private readonly loads = new Set<LoadWatch>();
  private bytes = 0;
  private enabled = true;
  /** Entries put at the newest end so far (stores and moves). */
  private placements = 0;

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
    // Map order is insertion order: re-inserting keeps the least recently used entry first. An
    // entry in the newer half is left where it is (fewer than half the entries were placed after
    // it, so it is not next to go): the move was most of a hit's cost on hot keys.
    if (this.placements - entry.placed >= this.entries.size / 2) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      entry.placed = ++this.placements;
    }
    return entry.value;
  }

  /**
   * The cached value, or the loader's (then kept). `refresh` skips the lookup (and any load
   * already under way) and replaces the entry.
   */
  async load(key: string, loader: () => Promise<Loaded<V>>, opts: { refresh?: boolean } = {}): Promise<{ value: V; hit: boolean }> {
    if (!opts.refresh) {
      const cached = this.get(key);
      if (cached !== undefined) return { value: cached, hit: true };
      const pending = this.inflight.get(key);
      if (pending) return { value: (await pending).value, hit: true };
    }
    const watch: LoadWatch = { seen: new Set(), flushed: false };
    this.loads.add(watch);
    const loading = loader();
    if (!opts.refresh) this.inflight.set(key, loading);
    try {
      const loaded = await loading;
      if (this.enabled && !watch.flushed && !loaded.tags.some((t) => watch.seen.has(t))) this.store(key, loaded);
      return { value: loaded.value, hit: false };
    } finally {
      this.loads.delete(watch);
      if (this.inflight.get(key) === loading) this.inflight.delete(key);
    }
  }

  invalidate(tags: readonly string[]) {
    const relevant = tags.filter((t) => t === '*' || this.options.watches(t));
    if (relevant.length === 0) return;
    // A load under way may predate the change: later callers must not join it.
    this.inflight.clear();
    if (relevant.some((t) => t === '*' || this.options.flushOn?.(t))) {
      this.clear();
      return;
    }
    for (const watch of this.loads) for (const tag of relevant) watch.seen.add(tag);
    for (const tag of relevant) {
      for (const key of this.keysByTag.get(tag) ?? []) this.remove(key);
    }
  }

  clear() {
    for (const watch of this.loads) watch.flushed = true;
    this.inflight.clear();
    this.entries.clear();
    this.keysByTag.clear();
    this.bytes = 0;
  }

  /** Stops caching (the invalidation feed is down, so no entry could be trusted). */
  disable() {
    this.enabled = false;
    this.clear();
  }

  /** Caches again, from empty; loads begun before this are not kept. */
  enable() {
    this.clear();
    this.enabled = true;
  }

  private store(key: string, loaded: Loaded<V>) {
    this.remove(key);
    const ttl = Math.min(this.options.ttlMs, loaded.ttlMs ?? Infinity);
    if (ttl <= 0) return;
    const bytes = !this.options.maxBytes ? 0 : typeof loaded.value === 'string' ? loaded.value.length : JSON.stringify(loaded.value).length;
    if (this.options.maxBytes && bytes > this.options.maxBytes / 10) return;
    while (this.entries.size >= this.options.maxEntries || (this.options.maxBytes && this.bytes + bytes > this.options.maxBytes)) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.remove(oldest);
    }
    this.entries.set(key, { value: loaded.value, expiresAt: Date.now() + ttl, tags: loaded.tags, bytes, placed: ++this.placements });
    this.bytes += bytes;
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
    this.bytes -= entry.bytes;
    for (const tag of entry.tags) {
      const keys = this.keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.keysByTag.delete(tag);
    }
  }
}
