import { errorBodySchema, type Permission } from '@plantops/contracts';
import {
  accessoriesSchema, cancelledOrderSchema, customerListSchema, draftOrderSchema, orderDetailSchema, orderListSchema, orderUpdateSchema, personSchema,
  sinkConfigurationSchema, sinkSelectionSchema, statusChangeSchema, statusHistorySchema, submittedOrderSchema,
} from '@plantops/contracts/responses/orders';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { catalogReads } from '../../core/inventory/index.js';
import type { AppDeps } from '../../../app-deps.js';
import { sendCached } from '../../../platform/cache/cached-read.js';
import { envelope, ok, uuidParam } from '../../../platform/http/envelope.js';
import { fileResponse } from '../../../platform/http/openapi.js';
import { changeStatus, cancelOrder } from './lifecycle.service.js';
import {
  accessoriesBody, assignBody, cancelBody, customerQuery, draftBody, listQuery, sinkConfigurationBody, sinkSelectionBody, statusBody, submitBody, updateBody,
} from './orders.schema.js';
import * as orders from './orders.service.js';
import { packingList } from './packing-list.js';
import * as wizard from './wizard.service.js';
import type { OrderConfigurator } from './wizard.service.js';

const tags = ['orders'];
const READ: readonly Permission[] = ['order:read', 'order:read:assigned'];
const read = { anyOf: READ };
const create = { anyOf: ['order:create'] as const };
const edit = { anyOf: ['order:update'] as const };
const idParams = z.strictObject({ id: uuidParam });
const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, errorBodySchema]));

/** Customer orders at /api/v1/orders (manufacturing spec section 2): the 5-step wizard and the 8-phase lifecycle. */
export function orderRoutes(configurator: OrderConfigurator) {
  return async (app: FastifyInstance, deps: AppDeps) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const catalog = catalogReads(deps.caches);
    // Order pages and lists are read far more often than orders change (decisions 0006 and 0018).
    const people = (tag: string) => tag.startsWith('user:');
    const orderChange = (tag: string) => tag.startsWith('order:') || tag.startsWith('customer:');
    const pages = deps.caches.create<string>({
      name: 'order-detail', maxEntries: 2_000, maxBytes: 32 * 1024 * 1024, ttlMs: 60_000, watches: (tag) => orderChange(tag) || people(tag),
    });
    // A list's membership can change with any order, so any order or customer change drops them all.
    const lists = deps.caches.create<string>({
      name: 'order-list', maxEntries: 1_000, maxBytes: 32 * 1024 * 1024, ttlMs: 60_000, watches: (tag) => orderChange(tag) || people(tag), flushOn: orderChange,
    });

    r.post('/api/v1/orders/draft', {
      config: { access: create },
      schema: { tags, summary: 'Step 1: a DRAFT order for a customer (an existing one by id, or found by company and e-mail, or new)', body: draftBody, response: { 201: envelope(draftOrderSchema), ...errors(422) } },
      handler: async (request, reply) => reply.status(201).send(ok(await deps.scoped(request, (ctx) => wizard.createDraft(ctx, request.body)))),
    });

    r.put('/api/v1/orders/:id/sink-selection', {
      config: { access: edit },
      schema: {
        tags, summary: 'Step 2: sink families and quantities, one build number per unit (unique across the plant; offered when not given)', params: idParams, body: sinkSelectionBody,
        response: { 200: envelope(sinkSelectionSchema), ...errors(404, 409, 422) },
      },
      handler: async (request) => ok(await deps.scoped(request, (ctx) => wizard.selectSinks(ctx, configurator, request.params.id, request.body))),
    });

    r.put('/api/v1/orders/:id/sink-configuration', {
      config: { access: edit },
      schema: {
        tags, summary: "Step 3: configure a sink's builds (sinkId) or one build (buildNumber); the configurator engine validates and prices it", params: idParams, body: sinkConfigurationBody,
        response: { 200: envelope(sinkConfigurationSchema), ...errors(404, 409, 422) },
      },
      handler: async (request) => ok(await deps.scoped(request, (ctx) => wizard.configureSink(ctx, configurator, catalog, request.params.id, request.body))),
    });

    r.put('/api/v1/orders/:id/accessories', {
      config: { access: edit },
      schema: {
        tags, summary: "Step 4: accessories of a sink's builds, one build, or (naming neither) the order", params: idParams, body: accessoriesBody,
        response: { 200: envelope(accessoriesSchema), ...errors(404, 409, 422) },
      },
      handler: async (request) => ok(await deps.scoped(request, (ctx) => wizard.setAccessories(ctx, catalog, request.params.id, request.body))),
    });

    r.post('/api/v1/orders/:id/submit', {
      config: { access: create },
      schema: {
        tags, summary: 'Step 5: validate everything again, price the order, save BOM version 1 per build, move to PENDING and notify coordinators', params: idParams, body: submitBody,
        response: { 200: envelope(submittedOrderSchema), ...errors(404, 409, 422) },
      },
      handler: async (request) => ok(await deps.scoped(request, (ctx) => wizard.submit(ctx, configurator, catalog, request.params.id))),
    });

    r.get('/api/v1/orders', {
      config: { access: read },
      schema: {
        tags, summary: 'Orders the caller may see (assemblers and QC people: assigned), filtered, sorted, paginated (keyset after a cursor; the total is an estimate when large)',
        querystring: listQuery, response: { 200: envelope(orderListSchema), ...errors(403) },
      },
      handler: async (request, reply) =>
        sendCached(request, reply, lists, JSON.stringify(request.query), () => deps.scoped(request, (ctx) => orders.orderListPage(ctx, request.query))),
    });

    r.get('/api/v1/orders/customers', {
      config: { access: create },
      schema: { tags, summary: "The site's customers (reused across orders), searchable by company, contact and e-mail", querystring: customerQuery, response: { 200: envelope(customerListSchema) } },
      handler: async (request) => ok(await deps.scoped(request, (ctx) => orders.listCustomers(ctx, request.query))),
    });

    r.get('/api/v1/orders/assignable-people', {
      config: { access: edit },
      schema: { tags, summary: 'Active assemblers and QC people of the site', response: { 200: envelope(z.object({ people: z.array(personSchema) })) } },
      handler: async (request) => ok({ people: await deps.scoped(request, (ctx) => orders.assignablePeople(ctx)) }),
    });

    r.get('/api/v1/orders/:id', {
      config: { access: read },
      schema: {
        tags, summary: 'An order with builds, configurations, BOM versions, timeline, reservations, documents, and the moves open to the caller (or the gates still open)',
        params: idParams, response: { 200: envelope(orderDetailSchema), ...errors(404) },
      },
      handler: async (request, reply) =>
        sendCached(request, reply, pages, request.params.id, () => deps.scoped(request, (ctx) => orders.orderPage(ctx, request.params.id))),
    });

    r.put('/api/v1/orders/:id', {
      config: { access: edit },
      schema: {
        tags, summary: 'Edit an order (after PENDING only notes, dates, priority and shipping details; ADMIN may override); previous values are returned',
        params: idParams, body: updateBody, response: { 200: envelope(orderUpdateSchema), ...errors(403, 404, 409, 422) },
      },
      handler: async (request) => ok(await deps.scoped(request, (ctx) => orders.updateOrder(ctx, request.params.id, request.body))),
    });

    r.delete('/api/v1/orders/:id', {
      config: { access: { anyOf: ['order:delete'] as const } },
      schema: {
        tags, summary: 'Cancel an order with a reason (DRAFT and PENDING; later phases: ADMIN with adminOverride); reserved parts are released',
        params: idParams, body: cancelBody, response: { 200: envelope(cancelledOrderSchema), ...errors(403, 404, 409, 422) },
      },
      handler: async (request) => ok(await deps.scoped(request, (ctx) => cancelOrder(ctx, request.params.id, request.body))),
    });

    r.put('/api/v1/orders/:id/status', {
      config: { access: { anyOf: ['order:update:status'] as const } },
      schema: {
        tags, summary: "Move the order through domain.md's phases by role and gate; a refusal (403 role, 409 gate, 422 missing notes or shipment) names the gate",
        params: idParams, body: statusBody, response: { 200: envelope(statusChangeSchema), ...errors(403, 404, 409, 422) },
      },
      handler: async (request) => ok(await deps.scoped(request, (ctx) => changeStatus(ctx, request.params.id, request.body))),
    });

    r.post('/api/v1/orders/:id/assign', {
      config: { access: edit },
      schema: { tags, summary: 'Name the assembler and/or QC person (null unassigns); they are notified and may then read and move it', params: idParams, body: assignBody, response: { 200: envelope(orderDetailSchema), ...errors(404, 409, 422) } },
      handler: async (request) => ok(await deps.scoped(request, (ctx) => orders.assign(ctx, request.params.id, request.body))),
    });

    r.get('/api/v1/orders/:id/status-history', {
      config: { access: read },
      schema: { tags, summary: 'Every status change with who, when, notes and the time spent in the previous status', params: idParams, response: { 200: envelope(statusHistorySchema), ...errors(404) } },
      handler: async (request) => ok(await deps.scoped(request, (ctx) => orders.statusHistory(ctx, request.params.id))),
    });

    r.get('/api/v1/orders/:id/packing-list', {
      config: { access: read },
      schema: { tags, summary: 'The packing list PDF (READY_TO_SHIP and SHIPPED orders)', params: idParams, response: { 200: fileResponse('The packing list (PDF)', ['application/pdf']), ...errors(404, 409) } },
      handler: async (request, reply) => {
        const { fileName, pdf } = await deps.scoped(request, (ctx) => packingList(ctx, request.params.id));
        return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).send(pdf);
      },
    });
  };
}
