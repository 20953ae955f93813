import { accessoryRefSchema } from '@plantops/contracts';
import { bomComparisonSchema, bomDocumentSchema, bomListSchema, bomVersionsSchema } from '@plantops/contracts/responses/bom';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.js';
import { envelope, ok, queryBoolean, uuidParam } from '../../../platform/http/envelope.js';
import { exportFormatSchema, sendExport, type ExportColumn } from '../../../platform/exports/index.js';
import { EXPORT_CONTENT_TYPES } from '../../../platform/exports/send.js';
import { fileResponse } from '../../../platform/http/openapi.js';
import { errorBody, problemErrorBody } from '../../../platform/http/problem-schemas.js';
import { flatten, type FlatRow } from './bom.fns.js';
import { approveBom, compare, exportSource, generate, getBom, listBoms, regenerate, updateBom, versions, type BomSources, type SinkConfigurator } from './bom.service.js';
import { catalogReads } from '../../core/inventory/index.js';

const tags = ['bom'];
const read = { anyOf: ['bom:read'] as const };
const write = { anyOf: ['bom:generate'] as const };


const sinkConfiguration = z.strictObject({
  sinkFamilyId: z.string().trim().min(1).max(100).optional().describe('Family id, code or name; when absent, the family the configuration fits'),
  sinkId: z.string().trim().min(1).max(100).optional().describe("The spec's name for the sink family"),
  buildNumber: z.string().trim().min(1).max(64).optional(),
  quantity: z.number().int().min(1).max(100).default(1),
  configuration: z.unknown(),
  accessories: z.array(accessoryRefSchema).max(100).default([]),
});

const generateBody = z.strictObject({
  orderId: z.uuid().optional().describe('The customer order (the orders module links it); with buildNumber, regenerations become its versions'),
  buildNumber: z.string().trim().min(1).max(64).optional(),
  title: z.string().trim().min(1).max(200).optional(),
  notes: z.string().trim().max(2000).optional(),
  preview: z.boolean().default(false).describe('Generate without saving (the configurator page): 200 with bomId null and status PREVIEW'),
  sinkConfigurations: z.array(sinkConfiguration).min(1).max(50),
  accessories: z.array(accessoryRefSchema).max(100).default([]),
});

const idParams = z.strictObject({ bomId: uuidParam });

const EXPORT_COLUMNS: ExportColumn<FlatRow>[] = [
  { header: 'Level', value: (r) => r.level, width: 0.5 },
  { header: 'Line', value: (r) => r.lineNumber, width: 0.8 },
  { header: 'Part number', value: (r) => r.partNumber, width: 2.4, indent: (r) => r.level - 1 },
  { header: 'Catalog', value: (r) => r.catalogNumber, width: 0.9 },
  { header: 'Name', value: (r) => r.name, width: 2.6 },
  { header: 'Source', value: (r) => r.source, width: 1 },
  { header: 'Qty per', value: (r) => r.quantityPer, width: 0.6 },
  { header: 'Quantity', value: (r) => r.quantity, width: 0.7 },
  { header: 'Unit cost', value: (r) => r.unitCost, width: 0.8 },
  { header: 'Total cost', value: (r) => r.totalCost, width: 0.9 },
  { header: 'Available', value: (r) => r.availableStock, width: 0.7 },
  { header: 'Buy', value: (r) => (r.needsProcurement ? 'YES' : ''), width: 0.5 },
  { header: 'Notes', value: (r) => r.notes, width: 1.2 },
];

/** Manufacturing spec 4.2 and the BOM documents of issue 10: generate, versions, approval, comparison, exports. */
export function bomRoutes(configurator: SinkConfigurator) {
  return async (app: FastifyInstance, deps: AppDeps) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const sources: BomSources = { configurator, catalog: catalogReads(deps.caches) };

    r.post('/api/v1/bom/generate', {
      config: { access: write },
      schema: {
        tags,
        summary: 'Generate the BOM of sink configurations and accessories; saved as a DRAFT version (201) unless preview (200); 422 lists every configuration problem and writes nothing; 404 for an order the caller cannot see, 409 once the order is past PENDING (BOM_FROZEN)',
        body: generateBody,
        response: { 200: envelope(bomDocumentSchema), 201: envelope(bomDocumentSchema), 404: errorBody, 422: problemErrorBody },
      },
      handler: async (request, reply) => {
        // Lazy: a preview whose catalog reads are all cached makes no round trip.
        const { saved, bom } = await deps.scoped(request, (ctx) => generate(ctx, sources, request.body), { lazy: true });
        return reply.status(saved ? 201 : 200).send(ok(bom));
      },
    });

    r.get('/api/v1/bom', {
      config: { access: read },
      schema: {
        tags,
        summary: 'Saved BOMs of the acting warehouse, newest first (cursor paging)',
        querystring: z.strictObject({
          orderId: z.uuid().optional(), status: z.enum(['DRAFT', 'APPROVED', 'SUPERSEDED']).optional(), latestOnly: queryBoolean.default(false),
          limit: z.coerce.number().int().min(1).max(100).default(20), cursor: z.string().max(200).optional(),
        }),
        response: { 200: envelope(bomListSchema) },
      },
      handler: async (request) => ok(await deps.scoped(request, (ctx) => listBoms(ctx, request.query))),
    });

    r.get('/api/v1/bom/:bomId', {
      config: { access: read },
      schema: { tags, summary: 'One BOM version with its tree, summary and availability as generated', params: idParams, response: { 200: envelope(bomDocumentSchema) } },
      handler: async (request) => ok(await deps.scoped(request, (ctx) => getBom(ctx, request.params.bomId))),
    });

    r.get('/api/v1/bom/:bomId/versions', {
      config: { access: read },
      schema: {
        tags, summary: 'Every version of the BOM series this one belongs to, newest first', params: idParams,
        response: { 200: envelope(bomVersionsSchema) },
      },
      handler: async (request) => ok(await deps.scoped(request, (ctx) => versions(ctx, request.params.bomId))),
    });

    r.post('/api/v1/bom/:bomId/regenerate', {
      config: { access: write },
      schema: {
        tags,
        summary: 'Regenerate as a new DRAFT version (from the stored configurations, or replacements); older drafts become SUPERSEDED, an approved version stays as it was',
        params: idParams,
        body: z.strictObject({ sinkConfigurations: z.array(sinkConfiguration).min(1).max(50).optional(), accessories: z.array(accessoryRefSchema).max(100).optional(), notes: z.string().trim().max(2000).optional() }).default({}),
        response: { 201: envelope(bomDocumentSchema), 422: problemErrorBody },
      },
      handler: async (request, reply) => reply.status(201).send(ok(await deps.scoped(request, (ctx) => regenerate(ctx, sources, request.params.bomId, request.body)))),
    });

    r.patch('/api/v1/bom/:bomId', {
      config: { access: write },
      schema: {
        tags, summary: 'Edit a DRAFT version\'s title or notes (409 once APPROVED or SUPERSEDED)', params: idParams,
        body: z.strictObject({ title: z.string().trim().min(1).max(200).optional(), notes: z.string().trim().max(2000).nullable().optional() }),
        response: { 200: envelope(bomDocumentSchema), 409: errorBody },
      },
      handler: async (request) => ok(await deps.scoped(request, (ctx) => updateBom(ctx, request.params.bomId, request.body))),
    });

    r.post('/api/v1/bom/:bomId/approve', {
      config: { access: { anyOf: ['bom:approve'] } },
      schema: {
        tags, summary: 'Approve a DRAFT version (PRODUCTION_COORDINATOR, ADMIN); an earlier approved version becomes SUPERSEDED; 409 if not a draft', params: idParams,
        response: { 200: envelope(bomDocumentSchema), 409: errorBody },
      },
      handler: async (request) => ok(await deps.scoped(request, (ctx) => approveBom(ctx, request.params.bomId))),
    });

    r.get('/api/v1/bom/:bomId/compare/:otherBomId', {
      config: { access: read },
      schema: {
        tags, summary: 'What changed from this version to the other: top-level lines and every part over the tree (added, removed, changed quantity)',
        params: z.strictObject({ bomId: uuidParam, otherBomId: uuidParam }),
        response: { 200: envelope(bomComparisonSchema) },
      },
      handler: async (request) => ok(await deps.scoped(request, (ctx) => compare(ctx, request.params.bomId, request.params.otherBomId))),
    });

    r.get('/api/v1/bom/:bomId/export', {
      config: { access: read },
      schema: {
        tags, summary: 'The BOM as CSV, XLSX or an indented PDF with order, build and revision in its header', params: idParams,
        querystring: z.strictObject({ format: exportFormatSchema }),
        response: { 200: fileResponse('The BOM file (attachment)', EXPORT_CONTENT_TYPES) },
      },
      handler: async (request, reply) => {
        const { view, items } = await deps.scoped(request, (ctx) => exportSource(ctx, request.params.bomId));
        const rows = flatten(items);
        const header = [
          `Order: ${view.orderId ?? 'none (standalone BOM)'}    Build: ${view.buildNumber ?? '-'}    Revision: ${view.version} (${view.status})`,
          `Generated ${view.generatedAt} by ${view.generatedBy?.name ?? '-'}${view.approvedBy ? `; approved ${view.approvedAt} by ${view.approvedBy.name}` : ''}    Subtotal: ${view.subtotal.toFixed(2)}`,
        ];
        return sendExport(reply, request.query.format, `bom-${view.buildNumber ?? view.bomId}-rev${view.version}`, { title: `Bill of materials: ${view.title}`, subtitle: header, columns: EXPORT_COLUMNS, rows });
      },
    });
  };
}
