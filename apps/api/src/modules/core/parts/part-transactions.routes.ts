import { paginationSchema } from '@plantops/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.js';
import { queryDate } from '../../../platform/http/date-range.js';
import { cursorQuery, envelope, keysetPagination, ok, pageQuery, uuidParam } from '../../../platform/http/envelope.js';
import { errorResponses } from '../../../platform/http/openapi.js';
import { MOVEMENT_TYPES } from '../inventory/index.js';
import { partTransactionSchema, recordTransactionBody } from './part-transactions.schema.js';
import * as transactions from './part-transactions.service.js';

const tags = ['part-transactions'];
const read = { anyOf: ['parts:read', 'inventory:read'] as const };

/**
 * The ledger as the CMMS sees it. Append-only: there is no PUT or DELETE (corrections are
 * ADJUSTMENT entries), so those methods answer 404 like any undefined route.
 */
export async function partTransactionRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/part-transactions', {
    config: { access: read },
    schema: {
      tags,
      summary: 'Stock movements, newest first. Pass pagination.nextCursor as cursor for the next page; totalIsEstimate says when totalItems is an estimate',
      querystring: z.strictObject({
        ...pageQuery,
        ...cursorQuery,
        partId: z.uuid().optional(),
        type: z.enum(MOVEMENT_TYPES).optional(),
        workOrderId: z.uuid().optional(),
        warehouseId: z.uuid().optional(),
        dateFrom: queryDate.optional(),
        dateTo: queryDate.optional(),
      }),
      response: { 200: envelope(z.object({ transactions: z.array(partTransactionSchema), pagination: paginationSchema })) },
    },
    handler: async (request) => {
      const q = request.query;
      const { rows, page } = await deps.scoped(request, (ctx) => transactions.listTransactions(ctx, q));
      return ok({ transactions: rows, pagination: keysetPagination(page) });
    },
  });

  r.get('/api/v1/part-transactions/:id', {
    config: { access: read },
    schema: { tags, params: z.strictObject({ id: uuidParam }), response: { 200: envelope(partTransactionSchema) } },
    handler: async (request) => ok(await deps.scoped(request, (ctx) => transactions.getTransaction(ctx, request.params.id))),
  });

  r.post('/api/v1/part-transactions', {
    // Per-type permissions are checked in the service: INBOUND receive, USED usage, ADJUSTMENT adjust.
    config: { access: { anyOf: ['parts:usage', 'parts:receive', 'parts:adjust', 'parts:manage'] } },
    schema: {
      tags,
      summary: 'Record INBOUND, USED or ADJUSTMENT (a reason is required for adjustments; allowNegative only with one)',
      body: recordTransactionBody,
      response: { 201: envelope(partTransactionSchema), ...errorResponses(404) },
    },
    handler: async (request, reply) => reply.status(201).send(ok(await deps.scoped(request, (ctx) => transactions.recordTransaction(ctx, request.body)))),
  });
}
