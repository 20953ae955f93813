import { errorBodySchema } from '@plantops/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.js';
import { envelope, ok, pageQuery, pagination, uuidParam } from '../../../platform/http/envelope.js';
import { fileResponse } from '../../../platform/http/openapi.js';
import './equipment.access.js';
import {
  createEquipmentBody, downtimeBody, downtimeSchema, endDowntimeBody, equipmentDetailSchema, equipmentListSchema, equipmentSchema, equipmentTreeSchema, labelsQuery,
  listQuery, moveBody, retireBody, statusBody, statusHistorySchema, updateEquipmentBody,
} from './equipment.schema.js';
import * as equipment from './equipment.service.js';

const tags = ['equipment'];
const read = { anyOf: ['equipment:read', 'equipment:read:assigned'] as const };
const readSite = { anyOf: ['equipment:read'] as const };
const manage = { anyOf: ['equipment:manage'] as const };
const status = { anyOf: ['equipment:manage', 'equipment:status'] as const };
const idParams = z.strictObject({ id: uuidParam });
const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, errorBodySchema]));

/** Equipment at /api/v1/equipment: assets, their hierarchy, status, downtime and QR labels. */
export async function equipmentRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const settings = { publicUrl: deps.config.PUBLIC_URL };

  r.get('/api/v1/equipment', {
    config: { access: read },
    schema: {
      tags,
      summary: 'Equipment of the caller\'s warehouse (contractors: machines of their assigned work orders); filters and free text over tag, model, serial and description',
      querystring: listQuery,
      response: { 200: envelope(equipmentListSchema), ...errors(403) },
    },
    handler: async (request) => {
      const q = request.query;
      const { rows, total } = await deps.scoped(request, (ctx) => equipment.listEquipment(ctx, q));
      return ok({ equipment: rows, pagination: pagination(q.page, q.limit, total) });
    },
  });

  r.get('/api/v1/equipment/tree', {
    config: { access: readSite },
    schema: {
      tags,
      summary: 'One level of the equipment tree: the roots, or the children of parentId (load deeper levels lazily)',
      querystring: z.strictObject({ ...pageQuery, limit: z.coerce.number().int().min(1).max(200).default(100), parentId: z.uuid().optional(), warehouseId: z.uuid().optional() }),
      response: { 200: envelope(equipmentTreeSchema), ...errors(403, 404) },
    },
    handler: async (request) => {
      const q = request.query;
      const { rows, total } = await deps.scoped(request, (ctx) => equipment.tree(ctx, q));
      return ok({ parentId: q.parentId ?? null, nodes: rows, pagination: pagination(q.page, q.limit, total) });
    },
  });

  r.get('/api/v1/equipment/lookup', {
    config: { access: read },
    schema: {
      tags,
      summary: 'Resolve a scanned QR code or a typed asset tag to its equipment',
      querystring: z.strictObject({ code: z.string().trim().min(1).max(512) }),
      response: { 200: envelope(equipmentSchema), ...errors(404) },
    },
    handler: async (request) => ok(await deps.scoped(request, (ctx) => equipment.lookup(ctx, request.query.code))),
  });

  r.get('/api/v1/equipment/labels', {
    config: { access: read },
    schema: { tags, summary: 'A printable A4 PDF sheet of QR labels for the chosen equipment (ids: comma-separated, up to 200)', querystring: labelsQuery, response: { 200: fileResponse('The label sheet', ['application/pdf']) } },
    handler: async (request, reply) => {
      const pdf = await deps.scoped(request, (ctx) => equipment.labelSheet(ctx, request.query.ids));
      return reply.type('application/pdf').header('content-disposition', 'inline; filename="equipment-labels.pdf"').header('cache-control', 'private, no-store').send(pdf);
    },
  });

  r.post('/api/v1/equipment', {
    config: { access: manage },
    schema: { tags, summary: 'Create equipment in the acting warehouse (optionally under a parent)', body: createEquipmentBody, response: { 201: envelope(equipmentSchema), ...errors(409) } },
    handler: async (request, reply) => reply.status(201).send(ok(await deps.scoped(request, (ctx) => equipment.createEquipment(ctx, settings, request.body)))),
  });

  r.get('/api/v1/equipment/:id', {
    config: { access: read },
    schema: {
      tags,
      summary: 'Equipment with its parent path, children count, open work orders, last and next PM, photos, documents, downtime and KPIs',
      params: idParams,
      response: { 200: envelope(equipmentDetailSchema), ...errors(404) },
    },
    handler: async (request) => ok(await deps.scoped(request, (ctx) => equipment.getEquipment(ctx, request.params.id))),
  });

  r.put('/api/v1/equipment/:id', {
    config: { access: manage },
    schema: { tags, params: idParams, body: updateEquipmentBody, response: { 200: envelope(equipmentSchema), ...errors(404, 409) } },
    handler: async (request) => ok(await deps.scoped(request, (ctx) => equipment.updateEquipment(ctx, settings, request.params.id, request.body))),
  });

  r.post('/api/v1/equipment/:id/status', {
    config: { access: status },
    schema: {
      tags,
      summary: 'Change the status (technicians: ACTIVE, INACTIVE, MAINTENANCE); written to the status history',
      params: idParams,
      body: statusBody,
      response: { 200: envelope(equipmentSchema), ...errors(404, 409) },
    },
    handler: async (request) =>
      ok(await deps.scoped(request, (ctx) => equipment.changeStatus(ctx, request.params.id, request.body.status, { reason: request.body.reason, workOrderId: request.body.workOrderId }))),
  });

  r.post('/api/v1/equipment/:id/retire', {
    config: { access: manage },
    schema: { tags, summary: 'Retire equipment (instead of deleting it); refused while open work orders name it', params: idParams, body: retireBody, response: { 200: envelope(equipmentSchema), ...errors(404, 409) } },
    handler: async (request) => ok(await deps.scoped(request, (ctx) => equipment.changeStatus(ctx, request.params.id, 'RETIRED', { reason: request.body.reason, action: 'RETIRE' }))),
  });

  r.post('/api/v1/equipment/:id/dispose', {
    config: { access: manage },
    schema: { tags, summary: 'Dispose of retired equipment (final)', params: idParams, body: retireBody, response: { 200: envelope(equipmentSchema), ...errors(404, 409) } },
    handler: async (request) => ok(await deps.scoped(request, (ctx) => equipment.changeStatus(ctx, request.params.id, 'DISPOSED', { reason: request.body.reason, action: 'DISPOSE' }))),
  });

  r.post('/api/v1/equipment/:id/move', {
    config: { access: manage },
    schema: {
      tags,
      summary: 'Move equipment (with its subtree) under another parent or to the top; cycles are refused and levels follow',
      params: idParams,
      body: moveBody,
      response: { 200: envelope(z.object({ equipment: equipmentSchema, movedCount: z.number().int() })), ...errors(404, 409) },
    },
    handler: async (request) => ok(await deps.scoped(request, (ctx) => equipment.move(ctx, request.params.id, request.body.parentEquipmentId))),
  });

  r.get('/api/v1/equipment/:id/status-history', {
    config: { access: read },
    schema: {
      tags,
      summary: 'Status changes, newest first',
      params: idParams,
      querystring: z.strictObject(pageQuery),
      response: { 200: envelope(statusHistorySchema), ...errors(404) },
    },
    handler: async (request) => {
      const { page, limit } = request.query;
      const { rows, total } = await deps.scoped(request, (ctx) => equipment.statusHistory(ctx, request.params.id, page, limit));
      return ok({ history: rows, pagination: pagination(page, limit, total) });
    },
  });

  r.post('/api/v1/equipment/:id/downtime', {
    config: { access: status },
    schema: { tags, summary: 'Record downtime (open when endedAt is left out), planned or not, optionally for a work order', params: idParams, body: downtimeBody, response: { 201: envelope(downtimeSchema), ...errors(404, 409) } },
    handler: async (request, reply) => reply.status(201).send(ok(await deps.scoped(request, (ctx) => equipment.addDowntime(ctx, request.params.id, request.body)))),
  });

  r.put('/api/v1/equipment/:id/downtime/:downtimeId', {
    config: { access: status },
    schema: {
      tags,
      summary: 'End open downtime',
      params: z.strictObject({ id: uuidParam, downtimeId: uuidParam }),
      body: endDowntimeBody,
      response: { 200: envelope(downtimeSchema), ...errors(404, 409) },
    },
    handler: async (request) => ok(await deps.scoped(request, (ctx) => equipment.endDowntime(ctx, request.params.id, request.params.downtimeId, request.body.endedAt))),
  });

  r.get('/api/v1/equipment/:id/qr', {
    config: { access: read },
    schema: {
      tags,
      summary: "The equipment's QR code (PNG or SVG); it encodes a link that GET /equipment/lookup resolves",
      params: idParams,
      querystring: z.strictObject({ format: z.enum(['png', 'svg']).default('png'), size: z.coerce.number().int().min(64).max(1024).default(256) }),
      response: { 200: fileResponse('The QR code image', ['image/png', 'image/svg+xml']) },
    },
    handler: async (request, reply) => {
      const { format, size } = request.query;
      const { body, assetTag } = await deps.scoped(request, (ctx) => equipment.qrImage(ctx, request.params.id, format, size));
      reply.header('cache-control', 'private, max-age=300').header('x-content-type-options', 'nosniff')
        .header('content-disposition', `inline; filename="${assetTag.replace(/[^A-Za-z0-9._-]/g, '_')}.${format}"`);
      return reply.type(format === 'svg' ? 'image/svg+xml' : 'image/png').send(body);
    },
  });
}
