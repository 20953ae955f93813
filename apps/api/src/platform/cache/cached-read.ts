import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../http/access.js';
import type { Loaded, ReadCache } from './read-cache.js';

/** `Cache-Control: no-cache` (a reload) skips the lookup and refreshes the entry. */
export function wantsFreshRead(request: FastifyRequest): boolean {
  return /\bno-(cache|store)\b/i.test(request.headers['cache-control'] ?? '');
}

/**
 * Serves a GET from a read cache, or loads it and keeps it. Entries are kept per actor and scope:
 * a value built under one user's row-level security is only ever served back to that same user
 * acting in that same warehouse scope. `X-Cache: hit|miss` tells which happened.
 */
export async function cachedRead<V>(request: FastifyRequest, reply: FastifyReply, cache: ReadCache<V>, key: string, load: () => Promise<Loaded<V>>): Promise<V> {
  const actor = actorOf(request);
  const scopedKey = [actor.userId, actor.allWarehouses ? '*' : actor.warehouseId, key].join('|');
  const { value, hit } = await cache.load(scopedKey, load, { refresh: wantsFreshRead(request) });
  reply.header('x-cache', hit ? 'hit' : 'miss');
  return value;
}
