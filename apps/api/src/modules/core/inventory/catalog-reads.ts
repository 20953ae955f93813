import type { CacheInvalidation } from '../../../platform/cache/cache-invalidation.js';
import type { Loaded, ReadCache } from '../../../platform/cache/read-cache.js';
import type { Ctx } from '../../../platform/db/unit-of-work.js';
import { ensureCustomPart, findCustomPart, type CustomPartRequest } from './custom-parts.js';
import { findItemFacts, loadStructure, type ItemFacts, type StructureEdge, type StructureNode } from './structure.repo.js';

export interface Structure {
  items: Map<string, StructureNode>;
  edges: StructureEdge[];
}

/**
 * The item-master reads the configurator and BOM engine make on every validation and BOM: items
 * by part number or id, custom parts by specification, and the structure below items with their
 * stock in the actor's warehouse. Each is kept in this process's read caches (decision 0006),
 * tagged `item:<id>` with every row it was built from, so a change to an item, its components or
 * its stock drops it; a validation that finds everything cached makes no database round trip
 * (decision 0019).
 *
 * A transaction that created a custom part reads around the caches from then on: what it reads
 * may include its own uncommitted rows, and a rollback sends no invalidation.
 */
export interface CatalogReads {
  itemFacts(ctx: Ctx, refs: { partNumbers?: string[]; ids?: string[] }): Promise<ItemFacts[]>;
  /** Each reference (an id, else a part number) as its active item, or null when unknown or inactive; in the order given. */
  activeItems(ctx: Ctx, refs: ItemRef[]): Promise<(ItemFacts | null)[]>;
  /** The part already made for this specification, if any (no write). */
  customPart(ctx: Ctx, specKey: string, partNumber: string | null): Promise<ItemFacts | undefined>;
  /** The part for this specification, made once (see custom-parts.ts). */
  ensureCustomPart(ctx: Ctx, req: CustomPartRequest): Promise<{ item: ItemFacts; created: boolean }>;
  /** The structure below `rootIds` with stock in the actor's warehouse. */
  structure(ctx: Ctx, rootIds: string[]): Promise<Structure>;
}

/** How requests name a catalog item (accessories): by id or by part number. */
export interface ItemRef {
  accessoryId?: string;
  partNumber?: string;
}

const MINUTE = 60_000;
const itemTag = (id: string) => `item:${id}`;
const watchesItems = (tag: string) => tag.startsWith('item:');
/** A miss is not kept: a part number that does not exist yet has no row to tag. */
const notKept = <V>(value: V): Loaded<V> => ({ value, tags: [], ttlMs: 0 });

const shared = new WeakMap<CacheInvalidation, CatalogReads>();

/** One set of catalog caches per app (every module asking for it shares them). */
export function catalogReads(caches: CacheInvalidation): CatalogReads {
  let reads = shared.get(caches);
  if (!reads) shared.set(caches, (reads = createCatalogReads(caches)));
  return reads;
}

function createCatalogReads(caches: CacheInvalidation): CatalogReads {
  const facts: ReadCache<ItemFacts | null> = caches.create({ name: 'catalog-item-facts', maxEntries: 20_000, ttlMs: 30 * MINUTE, watches: watchesItems });
  const customs: ReadCache<ItemFacts | null> = caches.create({ name: 'catalog-custom-parts', maxEntries: 5_000, ttlMs: 30 * MINUTE, watches: watchesItems });
  const structures: ReadCache<Structure> = caches.create({ name: 'catalog-structures', maxEntries: 2_000, ttlMs: 10 * MINUTE, watches: watchesItems });
  /** Transactions that wrote items: they read around the caches (see above). */
  const wrote = new WeakSet<Ctx>();

  const itemFacts: CatalogReads['itemFacts'] = async (ctx, refs) => {
    if (wrote.has(ctx)) return findItemFacts(ctx.tx, refs);
    const keys = [...new Set([...(refs.partNumbers ?? []).map((p) => `pn:${p.toUpperCase()}`), ...(refs.ids ?? []).map((id) => `id:${id}`)])];
    const found = new Map<string, ItemFacts>();
    const missing: string[] = [];
    for (const key of keys) {
      const item = facts.get(key);
      if (item) found.set(item.id, item);
      else missing.push(key);
    }
    if (missing.length) {
      // Every miss joins one query, started by the first loader (after each load began watching for changes).
      let query: Promise<ItemFacts[]> | undefined;
      const fetch = () =>
        (query ??= findItemFacts(ctx.tx, { partNumbers: missing.filter((k) => k.startsWith('pn:')).map((k) => k.slice(3)), ids: missing.filter((k) => k.startsWith('id:')).map((k) => k.slice(3)) }));
      const loaded = await Promise.all(missing.map((key) => facts.load(key, async () => {
        const item = (await fetch()).find((i) => key === `pn:${i.partNumber.toUpperCase()}` || key === `id:${i.id}`);
        return item ? { value: item, tags: [itemTag(item.id)] } : notKept(null);
      })));
      for (const { value } of loaded) if (value) found.set(value.id, value);
    }
    return [...found.values()];
  };

  const customPart: CatalogReads['customPart'] = async (ctx, specKey, partNumber) => {
    if (wrote.has(ctx)) return findCustomPart(ctx, specKey, partNumber);
    const { value } = await customs.load(`${specKey}\u0000${partNumber ?? ''}`, async () => {
      const item = await findCustomPart(ctx, specKey, partNumber);
      return item ? { value: item, tags: [itemTag(item.id)] } : notKept(null);
    });
    return value ?? undefined;
  };

  return {
    itemFacts,
    async activeItems(ctx, refs) {
      if (!refs.length) return [];
      const items = await itemFacts(ctx, { ids: refs.flatMap((r) => (r.accessoryId ? [r.accessoryId] : [])), partNumbers: refs.flatMap((r) => (r.partNumber ? [r.partNumber] : [])) });
      return refs.map((r) => {
        const item = items.find((x) => (r.accessoryId ? x.id === r.accessoryId : x.partNumber.toUpperCase() === r.partNumber?.toUpperCase()));
        return item?.isActive ? item : null;
      });
    },
    customPart,
    async ensureCustomPart(ctx, req) {
      const item = await customPart(ctx, req.specKey, req.partNumber);
      if (item) return { item, created: false };
      const made = await ensureCustomPart(ctx, req);
      if (made.created) wrote.add(ctx);
      return made;
    },
    async structure(ctx, rootIds) {
      const warehouseId = ctx.actor.warehouseId;
      if (wrote.has(ctx)) return loadStructure(ctx.tx, rootIds, warehouseId);
      // Stock is per warehouse: an entry is only ever read back for the same warehouse.
      const key = `${warehouseId}|${[...rootIds].sort().join(',')}`;
      const { value } = await structures.load(key, async () => {
        const structure = await loadStructure(ctx.tx, rootIds, warehouseId);
        return { value: structure, tags: [...new Set([...rootIds, ...structure.items.keys()])].map(itemTag) };
      });
      return value;
    },
  };
}
