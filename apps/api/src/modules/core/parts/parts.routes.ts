import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.js';
import { sendCached } from '../../../platform/cache/cached-read.js';
import { cursorQuery, envelope, keysetPagination, ok, pageQuery, queryBoolean, uuidParam } from '../../../platform/http/envelope.js';
import { createPartBody, ITEM_KINDS, partListSchema, partSchema, updatePartBody } from './parts.schema.js';
import * as parts from './parts.service.js';

const tags = ['parts'];
const read = { anyOf: ['parts:read', 'inventory:read'] as const };
const manage = { anyOf: ['parts:manage'] as const };
const idParams = z.strictObject({ id: uuidParam });
// ADMIN/MANAGER working across sites name the site of the stock row they mean.
const siteQuery = z.strictObject({ warehouseId: z.uuid().optional() });

/** CMMS parts: the item master seen through one warehouse's stock. */
export async function partRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // A part is its item row and one stock row (both tag "item:<id>") and its vendor (vendor changes
  // tag "catalog"): read far more often than written, so kept like the part page (decision 0006).
  const byId = deps.caches.create<string>({
    name: 'cmms-part', maxEntries: 5_000, ttlMs: 60_000, watches: (tag) => tag.startsWith('item:') || tag === 'catalog', flushOn: (tag) => tag === 'catalog',
  });

  r.get('/api/v1/parts', {
    config: { access: read },
    schema: {
      tags,
      summary: "Parts stocked in the caller's warehouse (ADMIN/MANAGER: every site unless one is picked). Pass pagination.nextCursor as cursor for the next page; totalIsEstimate says when totalItems is an estimate",
      querystring: z.strictObject({
        ...pageQuery,
        ...cursorQuery,
        search: z.string().trim().min(1).max(100).optional(),
        vendorId: z.uuid().optional(),
        model: z.string().trim().min(1).max(100).optional(),
        lowStock: queryBoolean.optional(),
        kind: z.enum(ITEM_KINDS).optional(),
        warehouseId: z.uuid().optional(),
        sortBy: z.enum(['partNumber', 'quantityOnHand', 'updatedAt']).default('partNumber'),
        sortOrder: z.enum(['asc', 'desc']).default('asc'),
      }),
      response: { 200: envelope(partListSchema) },
    },
    handler: async (request) => {
      const q = request.query;
      const { parts: list, page } = await deps.scoped(request, (ctx) => parts.listParts(ctx, q));
      return ok({ parts: list, pagination: keysetPagination(page) });
    },
  });

  r.get('/api/v1/parts/:id', {
    config: { access: read },
    schema: { tags, params: idParams, querystring: siteQuery, response: { 200: envelope(partSchema) } },
    handler: async (request, reply) => {
      const { id } = request.params;
      const { warehouseId } = request.query;
      return sendCached(request, reply, byId, `${id}|${warehouseId ?? ''}`, async () => ({ value: await deps.scoped(request, (ctx) => parts.getPart(ctx, id, warehouseId)), tags: [`item:${id}`] }));
    },
  });

  r.post('/api/v1/parts', {
    config: { access: manage },
    schema: {
      tags,
      summary: 'Create a part and its stock in the acting warehouse; quantityOnHand books an initial INBOUND',
      body: createPartBody,
      response: { 201: envelope(partSchema) },
    },
    handler: async (request, reply) => reply.status(201).send(ok(await deps.scoped(request, (ctx) => parts.createPart(ctx, request.body)))),
  });

  r.put('/api/v1/parts/:id', {
    config: { access: manage },
    schema: {
      tags,
      summary: 'Change part details, reorder point or bin (quantities change only through part transactions)',
      params: idParams,
      querystring: siteQuery,
      body: updatePartBody,
      response: { 200: envelope(partSchema) },
    },
    handler: async (request) => ok(await deps.scoped(request, (ctx) => parts.updatePart(ctx, request.params.id, request.body, request.query.warehouseId))),
  });
}
