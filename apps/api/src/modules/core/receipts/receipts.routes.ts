import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.js';
import { queryDate } from '../../../platform/http/date-range.js';
import { cursorQuery, envelope, keysetPagination, ok, pageQuery, uuidParam } from '../../../platform/http/envelope.js';
import { createReceiptBody, receiptDetailSchema, receiptListSchema } from './receipts.schema.js';
import * as receipts from './receipts.service.js';

const tags = ['receipts'];
const receive = ['parts:receive', 'parts:manage'] as const;

/** Goods receipts: each line is an INBOUND movement in the shared ledger. */
export async function receiptRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/receipts', {
    config: { access: { anyOf: ['parts:read', 'inventory:read', ...receive] } },
    schema: {
      tags,
      summary: 'Receipts of the caller’s warehouse, newest first (pagination.nextCursor as cursor for the next page)',
      querystring: z.strictObject({
        ...pageQuery,
        ...cursorQuery,
        vendorId: z.uuid().optional(),
        poNumber: z.string().trim().min(1).max(100).optional(),
        asnNumber: z.string().trim().min(1).max(100).optional(),
        warehouseId: z.uuid().optional(),
        dateFrom: queryDate.optional(),
        dateTo: queryDate.optional(),
      }),
      response: { 200: envelope(receiptListSchema) },
    },
    handler: async (request) => {
      const q = request.query;
      const { rows, page } = await deps.scoped(request, (ctx) => receipts.listReceipts(ctx, q));
      return ok({ receipts: rows, pagination: keysetPagination(page) });
    },
  });

  r.get('/api/v1/receipts/:id', {
    config: { access: { anyOf: ['parts:read', 'inventory:read', ...receive] } },
    schema: { tags, summary: 'A receipt with its lines', params: z.strictObject({ id: uuidParam }), response: { 200: envelope(receiptDetailSchema) } },
    handler: async (request) => ok(await deps.scoped(request, (ctx) => receipts.getReceipt(ctx, request.params.id))),
  });

  r.post('/api/v1/receipts', {
    config: { access: { anyOf: receive } },
    schema: {
      tags,
      summary: 'Receive goods (1-200 lines) into the acting warehouse; any invalid line refuses the whole receipt',
      body: createReceiptBody,
      response: { 201: envelope(receiptDetailSchema) },
    },
    handler: async (request, reply) => reply.status(201).send(ok(await deps.scoped(request, (ctx) => receipts.createReceipt(ctx, request.body)))),
  });
}
