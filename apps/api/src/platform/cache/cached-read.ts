import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../http/access.js';
import { ok } from '../http/envelope.js';
import type { Loaded, ReadCache } from './read-cache.js';

/** `Cache-Control: no-cache` (a reload) skips the lookup and refreshes the entry. */
export function wantsFreshRead(request: FastifyRequest): boolean {
  return /\bno-(cache|store)\b/i.test(request.headers['cache-control'] ?? '');
}

/**
 * Who may be served an entry built for someone else:
 * - `user` (the default): only the same user acting in the same warehouse scope.
 * - `site`: everyone acting in the same warehouse scope. Only for reads whose result depends on
 *   nothing of the actor but the sites row-level security lets them see (catalog tables without
 *   policies, and tables whose policy is `app_warehouse_visible`): no user id, no role, no
 *   permission-dependent shaping. The scope is exactly that rule's input: one warehouse, or all
 *   sites for ADMIN/MANAGER working across them (decision 0006).
 */
export type CacheSharing = 'user' | 'site';

/**
 * Answers a GET from a read cache, or loads it and keeps it. What is kept is the response body as
 * the route's own serializer wrote it (its documented schema, the envelope), so a hit sends bytes
 * without encoding the value again. Entries are kept per actor and scope (or per scope, see
 * `CacheSharing`), so a value built under one actor's row-level security is only served to someone
 * that security shows the same rows. `X-Cache: hit|miss` tells which happened.
 */
export async function sendCached<V>(
  request: FastifyRequest,
  reply: FastifyReply,
  cache: ReadCache<string>,
  key: string,
  load: () => Promise<Loaded<V>>,
  sharing: CacheSharing = 'user',
): Promise<FastifyReply> {
  const actor = actorOf(request);
  const scope = actor.allWarehouses ? '*' : actor.warehouseId;
  const scopedKey = [sharing === 'site' ? 'site' : actor.userId, scope, key].join('|');
  const { value: body, hit } = await cache.load(
    scopedKey,
    async () => {
      const loaded = await load();
      return { ...loaded, value: reply.serialize(ok(loaded.value)) as string };
    },
    { refresh: wantsFreshRead(request) },
  );
  return reply.header('x-cache', hit ? 'hit' : 'miss').type('application/json; charset=utf-8').send(body);
}
