import { leadTimeRange } from '@plantops/contracts';
import { z } from 'zod';
import { catalogReads, type CatalogReads, type CustomPartRequest, type ItemFacts } from '../../core/inventory/index.js';
import type { CacheInvalidation } from '../../../platform/cache/cache-invalidation.js';
import type { Ctx } from '../../../platform/db/unit-of-work.js';
import { pagination, toIso } from '../../../platform/http/envelope.js';
import { completeEvaluation, configurableOptions, partNumbersOf, planConfiguration, type Evaluation, type Plan } from './configurator.fns.js';
import { loadFamilies, listTemplates as listTemplateRows, type FamilyRow } from './configurator.repo.js';
import type { CatalogItem, FamilyDoc, Problem } from './family.types.js';
import type { AccessoryChoice } from './validate.fns.js';

export interface LoadedFamily {
  doc: FamilyDoc;
  isActive: boolean;
  createdAt: string;
}

/** The stored documents' outline, checked on load: a broken document is a server fault, found early. */
const documentOutline = z.looseObject({
  id: z.string(), code: z.string(), name: z.string(), description: z.string(), baseModel: z.string(), basePrice: z.number(), assemblyDays: z.number(),
  longLeadTimeDays: z.number(), availableSizes: z.array(z.string()), options: z.record(z.string(), z.looseObject({ type: z.string() })),
  constraints: z.array(z.looseObject({ code: z.string() })), bom: z.array(z.looseObject({ id: z.string() })),
  pricing: z.looseObject({ priceLines: z.enum(['ALL', 'CUSTOM']), markup: z.number(), adders: z.array(z.unknown()) }),
  accessories: z.looseObject({ partNumbers: z.array(z.string()), rules: z.array(z.unknown()) }),
});

const toLoaded = (r: FamilyRow): LoadedFamily => {
  const doc = documentOutline.parse(r.document) as unknown as FamilyDoc;
  // The family's own date (the spec shows when the line was introduced), else when it was stored.
  return { doc, isActive: r.is_active, createdAt: toIso(doc.createdAt ?? r.created_at)! };
};

/** What the engine reads: the families, and the catalog items they name (both cached, decision 0019). */
export interface ConfiguratorStore {
  all(ctx: Ctx): Promise<LoadedFamily[]>;
  catalog: CatalogReads;
}

/** The families, kept in memory until a change to their table says otherwise (decision 0006's tags). */
export function configuratorStore(caches: CacheInvalidation): ConfiguratorStore {
  const cache = caches.create<LoadedFamily[]>({
    name: 'configurator-families', maxEntries: 1, ttlMs: 10 * 60_000, watches: (tag) => tag === 'configurator', flushOn: () => true,
  });
  return {
    all: async (ctx) => (await cache.load('all', async () => ({ value: (await loadFamilies(ctx.tx)).map(toLoaded), tags: ['configurator'] }))).value,
    catalog: catalogReads(caches),
  };
}

export interface AccessoryRef {
  accessoryId?: string;
  partNumber?: string;
  quantity: number;
}

export interface SinkInput {
  sinkFamilyId?: string;
  sinkId?: string;
  configuration: unknown;
  accessories: AccessoryRef[];
  /** Where the accessories sat in the request, for error paths (`accessories`). */
  accessoriesField?: string;
}

const toCatalogItem = (i: ItemFacts): CatalogItem => ({
  id: i.id, partNumber: i.partNumber, catalogNumber: i.catalogNumber, name: i.name, kind: i.kind, cost: i.cost, listPrice: i.listPrice, leadTimeDays: i.leadTimeDays, isCustom: i.isCustom,
});

const matches = (f: LoadedFamily, ref: string) => [f.doc.id, f.doc.code, f.doc.name, f.doc.baseModel].some((v) => v.toLowerCase() === ref.trim().toLowerCase());

/** Accessories named by id or part number, resolved against the catalog. */
async function resolveAccessories(ctx: Ctx, catalog: CatalogReads, refs: AccessoryRef[], field: string): Promise<AccessoryChoice[]> {
  const items = await catalog.activeItems(ctx, refs);
  return refs.map((r, i) => ({ field: `${field}[${i}]`, ref: r.accessoryId ?? r.partNumber ?? '', item: items[i] ? toCatalogItem(items[i]) : null, quantity: r.quantity }));
}

/**
 * The family a request names (id, code, name or base model; `sinkId` as the spec's BOM example
 * calls it), or, when it names none, the one family the configuration fits.
 */
function chooseFamily(families: LoadedFamily[], input: SinkInput, accessories: AccessoryChoice[]): { family: LoadedFamily } | { problem: Problem } {
  const active = families.filter((f) => f.isActive);
  const list = active.map((f) => `${f.doc.name} (${f.doc.id})`).join(', ');
  const ref = input.sinkFamilyId ?? input.sinkId;
  const named = ref ? families.find((f) => matches(f, ref)) : undefined;
  if (named && !named.isActive) return { problem: { field: 'sinkFamilyId', code: 'FAMILY_INACTIVE', severity: 'error', message: `${named.doc.name} is no longer offered. Choose one of: ${list}.`, validValues: active.map((f) => f.doc.id) } };
  if (named) return { family: named };
  if (input.sinkFamilyId) {
    return { problem: { field: 'sinkFamilyId', code: 'UNKNOWN_FAMILY', severity: 'error', message: `There is no sink family "${input.sinkFamilyId}". Choose one of: ${list}.`, validValues: active.map((f) => f.doc.id) } };
  }
  const scored = active.map((f) => ({ f, errors: planConfiguration(f.doc, input.configuration, accessories).errors.length })).sort((a, b) => a.errors - b.errors);
  if (scored[0] && (scored.length === 1 || scored[0].errors < scored[1]!.errors)) return { family: scored[0].f };
  return { problem: { field: 'sinkFamilyId', code: 'FAMILY_REQUIRED', severity: 'error', message: `Name the sink family of this configuration: ${list}.`, validValues: active.map((f) => f.doc.id) } };
}

export interface SinkEvaluation {
  family: LoadedFamily | null;
  evaluation: Evaluation | null;
  /** Every error: the family's, or the evaluation's. */
  errors: Problem[];
  catalog: Map<string, CatalogItem>;
}

/** Validates, prices and expands one sink configuration (no write). */
export async function evaluateSink(ctx: Ctx, store: ConfiguratorStore, input: SinkInput, opts: { withOptions?: boolean } = {}): Promise<SinkEvaluation> {
  const accessories = await resolveAccessories(ctx, store.catalog, input.accessories, input.accessoriesField ?? 'accessories');
  const chosen = chooseFamily(await store.all(ctx), input, accessories);
  if ('problem' in chosen) return { family: null, evaluation: null, errors: [chosen.problem], catalog: new Map() };
  const { doc } = chosen.family;
  const plan: Plan = planConfiguration(doc, input.configuration, accessories);
  const items = await store.catalog.itemFacts(ctx, { partNumbers: partNumbersOf(plan) });
  const catalog = new Map(items.filter((i) => i.isActive).map((i) => [i.partNumber.toUpperCase(), toCatalogItem(i)]));
  const evaluation = completeEvaluation(doc, plan, catalog, opts);
  return { family: chosen.family, evaluation, errors: evaluation.errors, catalog };
}

/** A custom part of the configuration as core inventory creates it. */
export function customPartRequest(custom: NonNullable<Evaluation['lines'][number]['custom']>): CustomPartRequest {
  const specs = Object.entries(custom.specifications).map(([k, v]) => `${k} ${String(v)}`).join(', ');
  return {
    partNumber: custom.partNumber, catalogNumber: custom.catalogNumber, kind: custom.kind, name: custom.name, description: `${custom.reason}. ${specs}`.slice(0, 2000),
    cost: custom.cost, leadTimeDays: custom.leadTimeDays, specifications: custom.specifications, supplierName: custom.supplier, components: custom.components, specKey: custom.specKey,
  };
}

const familyRef = (f: LoadedFamily | null) => (f ? { id: f.doc.id, code: f.doc.code, name: f.doc.name } : null);
const asIssue = (p: Problem) => ({ field: p.field, code: p.code, message: p.message, ...(p.validValues ? { validValues: p.validValues } : {}) });

/** POST /configurations/validate: every problem at once, or the price, lead time and BOM lines. */
export async function validateSink(ctx: Ctx, store: ConfiguratorStore, input: SinkInput, opts: { withOptions: boolean }) {
  const { family, evaluation: e, errors, catalog } = await evaluateSink(ctx, store, input, opts);
  // A 700-series part made earlier for the same specification is named; a new one gets its number with the BOM.
  const numbers = new Map<object, string | null>();
  for (const l of e?.lines ?? []) {
    if (l.custom) numbers.set(l, l.custom.partNumber ?? (await store.catalog.customPart(ctx, l.custom.specKey, null))?.partNumber ?? null);
  }
  const customParts = (e?.lines ?? []).filter((l) => l.custom).map((l) => ({
    component: l.component, reason: l.custom!.reason, estimatedCost: l.custom!.cost, partNumber: numbers.get(l) ?? null, catalogNumber: l.custom!.catalogNumber,
    specifications: l.custom!.specifications, leadTime: leadTimeRange(l.custom!.leadTimeDays),
  }));
  return {
    isValid: errors.length === 0,
    sinkFamily: familyRef(family),
    errors: errors.map(asIssue),
    warnings: (e?.warnings ?? []).map(asIssue),
    validationResults: e?.validationResults ?? {},
    estimatedCost: e?.price?.total ?? null,
    price: e?.price ?? null,
    estimatedLeadTime: e?.leadTime?.text ?? null,
    leadTimeDays: e?.leadTime?.days ?? null,
    customPartsRequired: customParts,
    recommendations: e?.recommendations ?? [],
    configuredLines: (e?.lines ?? []).map((l) => {
      const item = l.custom ? null : catalog.get(l.partNumber!.toUpperCase());
      return {
        partNumber: l.custom ? (numbers.get(l) ?? null) : item!.partNumber,
        catalogNumber: l.custom ? l.custom.catalogNumber : item!.catalogNumber,
        name: l.custom ? l.custom.name : item!.name,
        quantity: l.quantity,
        source: l.source,
        component: l.component,
        rules: l.ruleIds,
        notes: l.notes,
      };
    }),
    accessories: (e?.accessories ?? []).map((a) => ({ id: a.item.id, partNumber: a.item.partNumber, name: a.item.name, quantity: a.quantity })),
    ...(opts.withOptions ? { availableOptions: e?.options ?? [] } : {}),
  };
}

/** GET /configurations/sink-families: the spec's shape plus the option tree the configurator page draws. */
export async function sinkFamilies(ctx: Ctx, store: ConfiguratorStore, includeInactive: boolean) {
  const families = (await store.all(ctx)).filter((f) => includeInactive || f.isActive);
  const items = await store.catalog.itemFacts(ctx, { partNumbers: families.flatMap((f) => f.doc.accessories.partNumbers) });
  const byPn = new Map(items.map((i) => [i.partNumber.toUpperCase(), i]));
  return {
    sinkFamilies: families.map(({ doc, isActive, createdAt }) => ({
      id: doc.id,
      code: doc.code,
      name: doc.name,
      description: doc.description,
      baseModel: doc.baseModel,
      isActive,
      availableSizes: doc.availableSizes,
      configurableOptions: configurableOptions(doc),
      options: doc.options,
      accessories: doc.accessories.partNumbers.flatMap((pn) => {
        const i = byPn.get(pn.toUpperCase());
        return i && i.isActive ? [{ id: i.id, partNumber: i.partNumber, catalogNumber: i.catalogNumber, name: i.name, listPrice: i.listPrice }] : [];
      }),
      basePrice: doc.basePrice,
      assemblyDays: doc.assemblyDays,
      createdAt,
    })),
  };
}

/** GET /configurations/templates: each template priced by the engine as it stands today. */
export async function listTemplates(ctx: Ctx, store: ConfiguratorStore, q: { sinkFamilyId?: string; category?: string; page: number; limit: number }) {
  const families = await store.all(ctx);
  const family = q.sinkFamilyId ? families.find((f) => matches(f, q.sinkFamilyId!)) : undefined;
  if (q.sinkFamilyId && !family) return { templates: [], pagination: pagination(q.page, q.limit, 0) };
  const { rows, total } = await listTemplateRows(ctx.tx, { familyId: family?.doc.id, category: q.category, page: q.page, limit: q.limit });
  const plans = rows.map((t) => {
    const f = families.find((x) => x.doc.id === t.family_id)!;
    return { t, f, plan: planConfiguration(f.doc, t.configuration, []) };
  });
  const items = await store.catalog.itemFacts(ctx, { partNumbers: plans.flatMap((p) => partNumbersOf(p.plan)) });
  const catalog = new Map(items.map((i) => [i.partNumber.toUpperCase(), toCatalogItem(i)]));
  return {
    templates: plans.map(({ t, f, plan }) => {
      const e = completeEvaluation(f.doc, plan, catalog);
      return {
        id: t.id,
        name: t.name,
        description: t.description,
        category: t.category,
        sinkFamily: { id: f.doc.id, name: f.doc.name },
        configuration: t.configuration,
        estimatedCost: e.price?.total ?? null,
        estimatedLeadTime: e.leadTime?.text ?? null,
        isValid: e.isValid,
        popularity: t.popularity,
        lastUsed: toIso(t.last_used_at),
        createdAt: toIso(t.created_at)!,
      };
    }),
    pagination: pagination(q.page, q.limit, total),
  };
}

/** One sink configuration as the BOM module needs it (see bom.service's SinkConfigurator). */
export async function configureSink(ctx: Ctx, store: ConfiguratorStore, input: SinkInput) {
  const { family, evaluation: e, errors, catalog } = await evaluateSink(ctx, store, input);
  return {
    errors: errors.map(asIssue),
    warnings: (e?.warnings ?? []).map(asIssue),
    family: family ? { id: family.doc.id, code: family.doc.code, name: family.doc.name, assemblyDays: family.doc.assemblyDays } : null,
    lines: errors.length ? [] : e!.lines.map((l) => ({
      source: l.source,
      component: l.component,
      quantity: l.quantity,
      notes: l.notes,
      rules: l.ruleIds,
      itemId: l.custom ? null : catalog.get(l.partNumber!.toUpperCase())!.id,
      custom: l.custom ? customPartRequest(l.custom) : null,
      customReason: l.custom?.reason ?? null,
    })),
    accessories: (e?.accessories ?? []).map((a) => ({ itemId: a.item.id, quantity: a.quantity })),
    price: e?.price?.total ?? null,
  };
}
