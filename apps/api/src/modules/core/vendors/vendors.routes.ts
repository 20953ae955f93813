import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.js';
import { envelope, ok, pageQuery, pagination, queryBoolean, uuidParam } from '../../../platform/http/envelope.js';
import './vendors.access.js';
import { createVendorBody, updateVendorBody, VENDOR_TYPES, vendorDetailSchema, vendorListSchema, vendorSchema } from './vendors.schema.js';
import * as vendors from './vendors.service.js';

const tags = ['vendors'];
const read = { anyOf: ['vendor:read', 'vendor:manage'] as const };
const manage = { anyOf: ['vendor:manage'] as const };
const idParams = z.strictObject({ id: uuidParam });

/** Suppliers and contractors of a site; archived rather than deleted. */
export async function vendorRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/vendors', {
    config: { access: read },
    schema: {
      tags,
      summary: "Vendors and contractors of the caller's warehouse (ADMIN/MANAGER: every site unless one is picked)",
      querystring: z.strictObject({
        ...pageQuery,
        type: z.enum(VENDOR_TYPES).optional(),
        active: queryBoolean.optional(),
        search: z.string().trim().min(1).max(100).optional(),
        warehouseId: z.uuid().optional(),
      }),
      response: { 200: envelope(vendorListSchema) },
    },
    handler: async (request) => {
      const q = request.query;
      const { rows, total } = await deps.scoped(request, (ctx) => vendors.listVendors(ctx, q));
      return ok({ vendors: rows, pagination: pagination(q.page, q.limit, total) });
    },
  });

  r.get('/api/v1/vendors/:id', {
    config: { access: read },
    schema: { tags, summary: 'A vendor with its documents', params: idParams, response: { 200: envelope(vendorDetailSchema) } },
    handler: async (request) => ok(await deps.scoped(request, (ctx) => vendors.getVendor(ctx, request.params.id))),
  });

  r.post('/api/v1/vendors', {
    config: { access: manage },
    schema: { tags, summary: 'Create a vendor in the acting warehouse', body: createVendorBody, response: { 201: envelope(vendorSchema) } },
    handler: async (request, reply) => reply.status(201).send(ok(await deps.scoped(request, (ctx) => vendors.createVendor(ctx, request.body)))),
  });

  r.put('/api/v1/vendors/:id', {
    config: { access: manage },
    schema: { tags, params: idParams, body: updateVendorBody, response: { 200: envelope(vendorSchema) } },
    handler: async (request) => ok(await deps.scoped(request, (ctx) => vendors.updateVendor(ctx, request.params.id, request.body))),
  });

  r.delete('/api/v1/vendors/:id', {
    config: { access: manage },
    schema: { tags, summary: 'Archive a vendor (never deleted: parts, receipts and the ledger refer to it)', params: idParams, response: { 200: envelope(vendorSchema) } },
    handler: async (request) => ok(await deps.scoped(request, (ctx) => vendors.archiveVendor(ctx, request.params.id))),
  });

  r.post('/api/v1/vendors/:id/restore', {
    config: { access: manage },
    schema: { tags, summary: 'Restore an archived vendor', params: idParams, response: { 200: envelope(vendorSchema) } },
    handler: async (request) => ok(await deps.scoped(request, (ctx) => vendors.restoreVendor(ctx, request.params.id))),
  });
}
