import { describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import type { ListenHooks } from '../db/pg-listener.js';
import { CacheInvalidation } from './cache-invalidation.js';

/** A database stand-in that only records what the invalidation feed registers. */
function fakeDatabase() {
  const fed: { payload?: (p: string) => void; hooks?: ListenHooks; commit?: (tags: string) => void } = {};
  const db = {
    listen: async (_channel: string, onPayload: (p: string) => void, hooks?: ListenHooks) => {
      fed.payload = onPayload;
      fed.hooks = hooks;
      return async () => undefined;
    },
    onCommitTags: (observer: (tags: string) => void) => {
      fed.commit = observer;
      return () => undefined;
    },
  } as unknown as Database;
  return { db, fed };
}

const put = (cache: { load: (k: string, l: () => Promise<{ value: string; tags: string[] }>) => Promise<unknown> }, key: string, tag: string) =>
  cache.load(key, async () => ({ value: key, tags: [tag] }));

describe('CacheInvalidation', () => {
  it('drops entries on tags from NOTIFY and from this process commits', async () => {
    const { db, fed } = fakeDatabase();
    const feed = new CacheInvalidation(db);
    const cache = feed.create<string>({ name: 't', maxEntries: 10, ttlMs: 60_000, watches: () => true });
    await feed.start();
    await put(cache, 'a', 'item:1');
    await put(cache, 'b', 'item:2');
    fed.payload!('item:1');
    fed.commit!('item:2 item:3');
    expect([cache.get('a'), cache.get('b')]).toEqual([undefined, undefined]);
  });

  it('caches nothing while the feed is down and starts empty when it is back', async () => {
    const { db, fed } = fakeDatabase();
    const feed = new CacheInvalidation(db);
    const cache = feed.create<string>({ name: 't', maxEntries: 10, ttlMs: 60_000, watches: () => true });
    await feed.start();
    await put(cache, 'a', 'item:1');
    fed.hooks!.lost!(new Error('gone'));
    expect(cache.get('a')).toBeUndefined();
    await put(cache, 'b', 'item:2');
    expect(cache.size).toBe(0);
    fed.hooks!.restored!();
    await put(cache, 'c', 'item:3');
    expect(cache.get('c')).toBe('c');
  });
});
