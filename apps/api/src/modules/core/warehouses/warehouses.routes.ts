import { timeZoneSchema } from '../../../platform/http/time-zone.js';
import { paginationSchema, warehouseSchema } from '@plantops/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.js';
import { envelope, ok, pageQuery, pagination, queryBoolean, uuidParam } from '../../../platform/http/envelope.js';
import * as svc from './warehouses.service.js';

const tags = ['warehouses'];
const code = z.string().trim().toUpperCase().regex(/^[A-Z0-9-]{2,16}$/, 'Use 2-16 letters, digits or dashes');
const body = {
  code,
  name: z.string().trim().min(1).max(120),
  address: z.string().trim().max(500).nullable().optional(),
  timezone: timeZoneSchema.optional(),
};
const idParams = z.strictObject({ id: uuidParam });

export async function warehouseRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/warehouses', {
    config: { access: { anyOf: ['warehouse:read', 'warehouse:manage'] } },
    schema: {
      tags,
      summary: 'Warehouses (sites) the caller may see',
      querystring: z.strictObject({ ...pageQuery, active: queryBoolean.optional() }),
      response: { 200: envelope(z.object({ warehouses: z.array(warehouseSchema), pagination: paginationSchema })) },
    },
    handler: async (request) => {
      const { page, limit, active } = request.query;
      const { warehouses, total } = await deps.scoped(request, (ctx) => svc.listWarehouses(ctx, page, limit, active));
      return ok({ warehouses, pagination: pagination(page, limit, total) });
    },
  });

  r.get('/api/v1/warehouses/:id', {
    config: { access: { anyOf: ['warehouse:read', 'warehouse:manage'] } },
    schema: { tags, params: idParams, response: { 200: envelope(warehouseSchema) } },
    handler: async (request) => ok(await deps.scoped(request, (ctx) => svc.getWarehouse(ctx, request.params.id))),
  });

  r.post('/api/v1/warehouses', {
    config: { access: { anyOf: ['warehouse:manage'] } },
    schema: { tags, body: z.strictObject(body), response: { 201: envelope(warehouseSchema) } },
    handler: async (request, reply) => reply.status(201).send(ok(await deps.scoped(request, (ctx) => svc.createWarehouse(ctx, request.body)))),
  });

  r.put('/api/v1/warehouses/:id', {
    config: { access: { anyOf: ['warehouse:manage'] } },
    schema: {
      tags,
      params: idParams,
      body: z.strictObject({ code: code.optional(), name: body.name.optional(), address: body.address, timezone: body.timezone, active: z.boolean().optional() }),
      response: { 200: envelope(warehouseSchema) },
    },
    handler: async (request) => ok(await deps.scoped(request, (ctx) => svc.updateWarehouse(ctx, request.params.id, request.body))),
  });
}
