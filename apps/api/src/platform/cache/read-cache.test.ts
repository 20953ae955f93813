import { describe, expect, it } from 'vitest';
import { ReadCache } from './read-cache.js';

const cacheOf = (opts: Partial<ConstructorParameters<typeof ReadCache>[0]> = {}) =>
  new ReadCache<string>({ name: 'test', maxEntries: 100, ttlMs: 60_000, watches: (t) => !t.startsWith('other:'), ...opts });

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('ReadCache', () => {
  it('keeps a loaded value until one of its tags is invalidated', async () => {
    const cache = cacheOf();
    let loads = 0;
    const load = async () => ({ value: `v${++loads}`, tags: ['item:1', 'user:9'] });
    expect(await cache.load('a', load)).toEqual({ value: 'v1', hit: false });
    expect(await cache.load('a', load)).toEqual({ value: 'v1', hit: true });
    cache.invalidate(['item:2']);
    expect((await cache.load('a', load)).hit).toBe(true);
    cache.invalidate(['user:9']);
    expect(await cache.load('a', load)).toEqual({ value: 'v2', hit: false });
  });

  it('does not keep a value whose rows changed while it loaded, but keeps one whose rows did not', async () => {
    const cache = cacheOf();
    const gate = deferred<void>();
    const slow = (key: string, tag: string) =>
      cache.load(key, async () => {
        await gate.promise;
        return { value: key, tags: [tag] };
      });
    const stale = slow('a', 'item:1');
    const fresh = slow('b', 'item:2');
    cache.invalidate(['item:1']);
    gate.resolve();
    expect((await stale).value).toBe('a');
    await fresh;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBe('b');
  });

  it('ignores tags it does not watch, and a flush during a load keeps nothing', async () => {
    const cache = cacheOf({ flushOn: (t) => t === 'catalog' });
    await cache.load('a', async () => ({ value: 'a', tags: ['other:1'] }));
    cache.invalidate(['other:1']);
    expect(cache.get('a')).toBe('a');
    const gate = deferred<void>();
    const slow = cache.load('b', async () => {
      await gate.promise;
      return { value: 'b', tags: [] };
    });
    cache.invalidate(['catalog']);
    gate.resolve();
    await slow;
    expect(cache.size).toBe(0);
  });

  it('bounds the approximate size and skips values too large to keep', async () => {
    const cache = cacheOf({ maxBytes: 1000 });
    const put = (k: string, size: number) => cache.load(k, async () => ({ value: 'x'.repeat(size), tags: [] }));
    await put('huge', 200);
    expect(cache.get('huge')).toBeUndefined();
    // A string weighs its length: ten of 100 fill the 1,000.
    for (const k of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l']) await put(k, 100);
    expect(cache.size).toBeLessThanOrEqual(10);
    expect(cache.get('l')).toBeDefined();
    expect(cache.get('a')).toBeUndefined();
  });

  it('shares one load between concurrent misses, but not across an invalidation', async () => {
    const cache = cacheOf();
    let loads = 0;
    const gate = deferred<void>();
    const load = async () => {
      loads += 1;
      await gate.promise;
      return { value: `v${loads}`, tags: [] };
    };
    const first = cache.load('a', load);
    const second = cache.load('a', load);
    cache.invalidate(['anything']);
    const third = cache.load('a', load);
    gate.resolve();
    await Promise.all([first, second, third]);
    expect(loads).toBe(2);
  });

  it('refresh skips the lookup and replaces the entry', async () => {
    const cache = cacheOf();
    await cache.load('a', async () => ({ value: 'old', tags: [] }));
    expect(await cache.load('a', async () => ({ value: 'new', tags: [] }), { refresh: true })).toEqual({ value: 'new', hit: false });
    expect(cache.get('a')).toBe('new');
  });

  it('drops everything on "*" or a flush tag, evicts the least recently used, honours time to live', async () => {
    const cache = cacheOf({ maxEntries: 2, flushOn: (t) => t === 'catalog' });
    const put = (k: string, ttlMs?: number) => cache.load(k, async () => ({ value: k, tags: [], ttlMs }));
    await put('a');
    await put('b');
    cache.get('a');
    await put('c');
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual(['a', undefined, 'c']);
    cache.invalidate(['catalog']);
    expect(cache.size).toBe(0);
    await put('d', 0);
    expect(cache.get('d')).toBeUndefined();
    await put('e');
    cache.invalidate(['*']);
    expect(cache.size).toBe(0);
  });

  it('keeps an entry that is read often while many others come and go', async () => {
    const cache = cacheOf({ maxEntries: 10 });
    await cache.load('hot', async () => ({ value: 'hot', tags: [] }));
    for (let i = 0; i < 1_000; i++) {
      await cache.load(`cold-${i}`, async () => ({ value: 'cold', tags: [] }));
      expect(cache.get('hot')).toBe('hot');
    }
    expect(cache.size).toBe(10);
    expect(cache.get('cold-989')).toBeUndefined();
    expect(cache.get('cold-999')).toBe('cold');
  });

  it('stores nothing once disabled', async () => {
    const cache = cacheOf();
    cache.disable();
    await cache.load('a', async () => ({ value: 'v', tags: [] }));
    expect(cache.size).toBe(0);
  });
});
