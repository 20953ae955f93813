import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../app-deps.js';
import {
  assemblyChildrenSchema,
  categoryAssembliesSchema,
  categoryTreeSchema,
  createdPartSchema,
  lowStockResponseSchema,
  partDetailSchema,
  quantityAdjustmentSchema,
  searchResponseSchema,
  subAssemblyPartsSchema,
} from '@plantops/contracts/responses/inventory';
import { envelope, ok, pageQuery, pagination, queryBoolean, toIso, uuidParam } from '../../../platform/http/envelope.js';
import { errorResponses } from '../../../platform/http/openapi.js';
import { notFound } from '../../../platform/http/errors.js';
import * as catalog from './catalog.repo.js';
import { adjustQuantity, createPartAndShow, itemSummary, lowStockReport, partPage, searchCatalog } from './inventory.service.js';
import { SEARCH_TYPE_NAMES, type SearchMatches } from './search.repo.js';
import { sendCached, wantsFreshRead } from '../../../platform/cache/cached-read.js';

const tags = ['inventory'];
const read = { anyOf: ['inventory:read', 'parts:read'] as const };
const idParams = (name: string) => z.strictObject({ [name]: uuidParam });
const sortOrder = z.enum(['asc', 'desc']).default('asc');
const money = z.coerce.number().min(0).max(10_000_000);

/** Manufacturing spec section 3: hierarchical browsing, search, part detail and stock operations. */
export async function inventoryRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Part pages and searches are read far more often than the catalog changes (decision 0006).
  const partPages = deps.caches.create<string>({
    name: 'part-detail',
    maxEntries: 2_000,
    maxBytes: 32 * 1024 * 1024,
    ttlMs: 60_000,
    watches: (tag) => tag.startsWith('item:') || tag.startsWith('user:') || tag === 'catalog',
    flushOn: (tag) => tag === 'catalog',
  });
  // Searches read every match, so any item or stock change (or a catalog change) drops them all.
  const everySearch = { ttlMs: 60_000, watches: (tag: string) => tag.startsWith('item:') || tag === 'catalog', flushOn: () => true };
  // Results read the catalog (no policies) and stock (a site policy) only, so one entry serves a
  // whole site: popular searches are shared by everyone there.
  const searches = deps.caches.create<string>({ name: 'inventory-search', maxEntries: 5_000, maxBytes: 64 * 1024 * 1024, ...everySearch });
  // What a search matches (ranked, with facets) reads no stock, so it is shared by every site: the
  // same search in another site only loads its page's stock (SearchMatches, decision 0016).
  const matches = deps.caches.create<SearchMatches>({ name: 'inventory-search-matches', maxEntries: 5_000, maxBytes: 32 * 1024 * 1024, ...everySearch });

  r.get('/api/v1/inventory/categories', {
    config: { access: read },
    schema: {
      tags,
      querystring: z.strictObject({ includeInactive: queryBoolean.default(false), sortBy: z.enum(['name', 'sortOrder']).default('sortOrder'), sortOrder }),
      response: { 200: envelope(categoryTreeSchema) },
    },
    handler: async (request) => {
      const q = request.query;
      const rows = await deps.scoped(request, (ctx) => catalog.listCategories(ctx.tx, q.includeInactive, q.sortBy, q.sortOrder === 'desc'));
      const toCategory = (c: catalog.CategoryRow) => ({
        id: c.id, name: c.name, description: c.description, sortOrder: c.sort_order, isActive: c.is_active, assemblyCount: c.item_count, createdAt: toIso(c.created_at),
      });
      const top = rows.filter((c) => !c.parent_id);
      return ok({
        categories: top.map((c) => ({ ...toCategory(c), subcategories: rows.filter((s) => s.parent_id === c.id).map(toCategory) })),
        totalCategories: top.length,
      });
    },
  });

  r.get('/api/v1/inventory/categories/:categoryId/assemblies', {
    config: { access: read },
    schema: {
      tags,
      params: idParams('categoryId'),
      querystring: z.strictObject({ ...pageQuery, search: z.string().trim().max(100).optional(), includeInactive: queryBoolean.default(false), sortBy: z.enum(['name', 'partNumber', 'cost', 'createdAt']).default('name'), sortOrder }),
      response: { 200: envelope(categoryAssembliesSchema) },
    },
    handler: async (request) => {
      const q = request.query;
      return ok(
        await deps.scoped(request, async (ctx) => {
          const category = await catalog.findCategory(ctx.tx, request.params.categoryId as string);
          if (!category) throw notFound('Category');
          const { rows, total } = await catalog.listCategoryItems(ctx.tx, category.id, { ...q, desc: q.sortOrder === 'desc' });
          return {
            categoryId: category.id,
            categoryName: category.name,
            assemblies: rows.map((i) => ({ ...itemSummary(i), subAssemblyCount: i.child_count })),
            pagination: pagination(q.page, q.limit, total),
          };
        }),
      );
    },
  });

  r.get('/api/v1/inventory/assemblies/:assemblyId/sub-assemblies', {
    config: { access: read },
    schema: {
      tags,
      params: idParams('assemblyId'),
      querystring: z.strictObject({ page: pageQuery.page, limit: z.coerce.number().int().min(1).max(200).default(50), includeInactive: queryBoolean.default(false) }),
      response: { 200: envelope(assemblyChildrenSchema) },
    },
    handler: async (request) => {
      const q = request.query;
      return ok(
        await deps.scoped(request, async (ctx) => {
          const assembly = await catalog.findItem(ctx.tx, request.params.assemblyId as string);
          if (!assembly) throw notFound('Assembly');
          const { rows, total } = await catalog.listChildren(ctx.tx, assembly.id, { withChildren: true, ...q });
          return {
            assemblyId: assembly.id,
            assemblyName: assembly.name,
            subAssemblies: rows.map((i) => ({ ...itemSummary(i), partCount: i.child_count, isRequired: i.is_required ?? true, quantity: Number(i.quantity ?? 1) })),
            pagination: pagination(q.page, q.limit, total),
          };
        }),
      );
    },
  });

  r.get('/api/v1/inventory/sub-assemblies/:subAssemblyId/parts', {
    config: { access: read },
    schema: {
      tags,
      params: idParams('subAssemblyId'),
      querystring: z.strictObject({ page: pageQuery.page, limit: z.coerce.number().int().min(1).max(200).default(100), includeInactive: queryBoolean.default(false) }),
      response: { 200: envelope(subAssemblyPartsSchema) },
    },
    handler: async (request) => {
      const q = request.query;
      return ok(
        await deps.scoped(request, async (ctx) => {
          const sub = await catalog.findItem(ctx.tx, request.params.subAssemblyId as string);
          if (!sub) throw notFound('Sub-assembly');
          const { rows, total } = await catalog.listChildren(ctx.tx, sub.id, { withChildren: false, ...q });
          const parts = rows.map((i) => ({
            ...itemSummary(i),
            quantity: Number(i.quantity ?? 1),
            supplier: i.supplier_name ? { name: i.supplier_name, partNumber: i.supplier_part_number } : null,
            lastInventoryUpdate: toIso(i.last_movement_at),
          }));
          return {
            subAssemblyId: sub.id,
            subAssemblyName: sub.name,
            parts,
            totalParts: total,
            totalValue: Math.round(parts.reduce((sum, p) => sum + p.cost * p.quantity, 0) * 100) / 100,
            pagination: pagination(q.page, q.limit, total),
          };
        }),
      );
    },
  });

  r.get('/api/v1/inventory/search', {
    config: { access: read },
    schema: {
      tags,
      summary: 'Full-text and typo-tolerant search over part number, name and description, with facets',
      querystring: z.strictObject({
        ...pageQuery,
        query: z.string().trim().min(1).max(200).optional(),
        type: z.enum(SEARCH_TYPE_NAMES).optional(),
        categoryId: z.uuid().optional(),
        minCost: money.optional(),
        maxCost: money.optional(),
        inStock: queryBoolean.optional(),
        isActive: queryBoolean.optional(),
        isCustom: queryBoolean.optional(),
        sortBy: z.enum(['relevance', 'name', 'partNumber', 'cost', 'quantityOnHand']).default('relevance'),
        sortOrder: z.enum(['asc', 'desc']).default('desc'),
      }).refine((q) => q.minCost === undefined || q.maxCost === undefined || q.minCost <= q.maxCost, { message: 'minCost must not exceed maxCost', path: ['minCost'] }),
      response: { 200: envelope(searchResponseSchema) },
    },
    handler: async (request, reply) => {
      const q = request.query;
      const key = JSON.stringify(Object.entries(q).sort(([a], [b]) => a.localeCompare(b)));
      const shared = { matches, refresh: wantsFreshRead(request) };
      return sendCached(request, reply, searches, key, async () => ({ value: await deps.scoped(request, (ctx) => searchCatalog(ctx, q, shared)), tags: [] }), 'site');
    },
  });

  r.get('/api/v1/inventory/parts/:partId', {
    config: { access: read },
    schema: { tags, params: idParams('partId'), response: { 200: envelope(partDetailSchema) } },
    handler: async (request, reply) => {
      const id = request.params.partId as string;
      return sendCached(request, reply, partPages, id, () => deps.scoped(request, (ctx) => partPage(ctx, id)));
    },
  });

  r.put('/api/v1/inventory/parts/:partId/quantity', {
    config: { access: { anyOf: ['inventory:update', 'parts:adjust'] } },
    schema: {
      tags,
      summary: 'Adjust on-hand in the acting warehouse (ledger ADJUSTMENT); never below zero unless allowNegative with a reason',
      params: idParams('partId'),
      body: z.strictObject({
        quantityChange: z.number().int().min(-1_000_000).max(1_000_000).refine((n) => n !== 0, 'Must not be zero'),
        reason: z.string().trim().min(3).max(500),
        orderId: z.uuid().optional(),
        workOrderId: z.uuid().optional(),
        notes: z.string().max(2000).optional(),
        allowNegative: z.boolean().optional(),
      }),
      response: { 200: envelope(quantityAdjustmentSchema), ...errorResponses(409) },
    },
    handler: async (request) => ok(await deps.scoped(request, (ctx) => adjustQuantity(ctx, request.params.partId as string, request.body))),
  });

  r.post('/api/v1/inventory/parts', {
    config: { access: { anyOf: ['inventory:create'] } },
    schema: {
      tags,
      summary: 'Create a part; custom parts get the next 700-series number, and the same custom specification reuses its part',
      body: z.strictObject({
        partNumber: z.string().trim().min(2).max(64).regex(/^[A-Za-z0-9][A-Za-z0-9._\-/]*$/, 'Letters, digits, dot, dash, slash').optional(),
        subAssemblyId: z.uuid().optional(),
        categoryId: z.uuid().optional(),
        kind: z.enum(['PART', 'SUB_ASSEMBLY', 'ASSEMBLY', 'ACCESSORY', 'SERVICE_PART', 'KIT']).default('PART'),
        name: z.string().trim().min(2).max(200),
        description: z.string().trim().max(2000).default(''),
        cost: z.number().min(0).max(10_000_000),
        listPrice: z.number().min(0).max(10_000_000).optional(),
        quantityOnHand: z.number().int().min(0).max(1_000_000).default(0),
        reorderLevel: z.number().int().min(0).max(1_000_000).default(0),
        defaultBin: z.string().trim().max(40).optional(),
        leadTimeDays: z.number().int().min(0).max(730).optional(),
        isCustom: z.boolean().default(false),
        specifications: z.record(z.string(), z.unknown()).default({}),
        modelCompatibility: z.array(z.string().trim().min(1).max(64)).max(50).default([]),
        supplier: z.strictObject({ id: z.uuid().optional(), name: z.string().trim().max(200).optional(), supplierPartNumber: z.string().trim().max(64).optional() }).optional(),
      }),
      response: {
        200: envelope(createdPartSchema).describe('A custom part with the same specification already existed: that part'),
        201: envelope(createdPartSchema).describe('The part was created'),
        ...errorResponses(409),
      },
    },
    handler: async (request, reply) => {
      const created = await deps.scoped(request, (ctx) => createPartAndShow(ctx, request.body));
      return reply.status(created.reused ? 200 : 201).send(ok(created));
    },
  });

  r.get('/api/v1/inventory/low-stock', {
    config: { access: read },
    schema: {
      tags,
      summary: 'Parts at or below their reorder level (threshold: percentage of it; urgent: at or below 50%)',
      querystring: z.strictObject({ ...pageQuery, threshold: z.coerce.number().min(1).max(1000).default(100), categoryId: z.uuid().optional(), urgent: queryBoolean.default(false) }),
      response: { 200: envelope(lowStockResponseSchema) },
    },
    handler: async (request) => {
      const q = request.query;
      const report = await deps.scoped(request, (ctx) => lowStockReport(ctx, { thresholdPct: q.threshold, categoryId: q.categoryId, urgent: q.urgent, page: q.page, limit: q.limit }));
      return ok({ ...report, pagination: pagination(q.page, q.limit, report.summary.totalLowStockParts) });
    },
  });
}
