import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { audit } from '../../core/audit/audit.writer.js';
import type { CatalogReads, CustomPartRequest } from '../../core/inventory/index.js';
import type { Ctx } from '../../../platform/db/unit-of-work.js';
import { AppError, notFound, validation, type ErrorDetail } from '../../../platform/http/errors.js';
import { toIso } from '../../../platform/http/envelope.js';
import { buildBom, compareBoms, type BomNode, type BuiltBom, type LineSource, type TopLine } from './bom.fns.js';
import { assertApprovable, assertEditable } from './bom.policy.js';
import * as repo from './bom.repo.js';
import { assertBomChangeAllowed } from './bom-guards.js';

/**
 * What the BOM module needs from a configurator: one sink configuration validated and expanded
 * into lines (catalog items, or custom parts to make). app.ts hands it the configurator module's
 * implementation, so that neither domain module imports the other (decision 0012).
 */
// A type literal (not an interface), so that it fits the loose response schema's index signature.
export type Issue = {
  field: string;
  code: string;
  message: string;
  validValues?: unknown[];
};

export interface AccessoryRef {
  accessoryId?: string;
  partNumber?: string;
  quantity: number;
}

export interface ConfiguredSink {
  errors: Issue[];
  warnings: Issue[];
  family: { id: string; code: string; name: string; assemblyDays: number } | null;
  lines: { source: 'CONFIGURED' | 'GENERATED'; component: string; quantity: number; notes: string[]; rules: string[]; itemId: string | null; custom: CustomPartRequest | null; customReason: string | null }[];
  accessories: { itemId: string; quantity: number }[];
  price: number | null;
}

export interface SinkConfigurator {
  configureSink(ctx: Ctx, input: { sinkFamilyId?: string; sinkId?: string; configuration: unknown; accessories: AccessoryRef[]; accessoriesField?: string }): Promise<ConfiguredSink>;
}

/** What generation reads: the configurator (handed in by app.ts) and core inventory's cached catalog reads. */
export interface BomSources {
  configurator: SinkConfigurator;
  catalog: CatalogReads;
}

export interface SinkConfigurationInput {
  sinkFamilyId?: string;
  sinkId?: string;
  buildNumber?: string;
  quantity: number;
  configuration: unknown;
  accessories: AccessoryRef[];
}

export interface GenerateInput {
  orderId?: string;
  buildNumber?: string;
  title?: string;
  notes?: string;
  preview: boolean;
  sinkConfigurations: SinkConfigurationInput[];
  accessories: AccessoryRef[];
}

type Located = Issue & { sinkConfiguration?: number };

async function orderAccessories(ctx: Ctx, catalog: CatalogReads, refs: AccessoryRef[]) {
  const items = await catalog.activeItems(ctx, refs);
  const errors: Located[] = [];
  const found = refs.flatMap((r, i) => {
    const item = items[i];
    if (!item) {
      errors.push({ field: `accessories[${i}]`, code: 'ACCESSORY_NOT_FOUND', message: `No catalog item "${r.accessoryId ?? r.partNumber}".` });
      return [];
    }
    return [{ itemId: item.id, quantity: r.quantity }];
  });
  return { found, errors };
}

/** Validates every sink configuration; nothing is written unless all of them are valid. */
async function configureAll(ctx: Ctx, { configurator, catalog }: BomSources, input: GenerateInput) {
  const sinks: ConfiguredSink[] = [];
  for (const [i, s] of input.sinkConfigurations.entries()) {
    sinks.push(await configurator.configureSink(ctx, { sinkFamilyId: s.sinkFamilyId, sinkId: s.sinkId, configuration: s.configuration, accessories: s.accessories, accessoriesField: `sinkConfigurations[${i}].accessories` }));
  }
  const order = await orderAccessories(ctx, catalog, input.accessories);
  const errors: Located[] = [...sinks.flatMap((s, i) => s.errors.map((e) => ({ ...e, sinkConfiguration: i }))), ...order.errors];
  if (errors.length) {
    throw new AppError(422, 'VALIDATION_ERROR', `The configuration has ${errors.length} problem${errors.length === 1 ? '' : 's'}: nothing was generated.`, errors as ErrorDetail[]);
  }
  return { sinks, orderAccessories: order.found };
}

/** Top-level lines over every build, merged per item and source; custom parts made (or found) first. */
async function topLines(ctx: Ctx, catalog: CatalogReads, input: GenerateInput, sinks: ConfiguredSink[], extras: { itemId: string; quantity: number }[]): Promise<TopLine[]> {
  const merged = new Map<string, TopLine>();
  const add = (itemId: string, source: LineSource, quantity: number, build: string | null, more: Partial<TopLine> = {}) => {
    const key = `${source}:${itemId}`;
    const line = merged.get(key) ?? { itemId, source, quantity: 0, notes: [], component: more.component ?? null, rules: [], builds: [], customReason: more.customReason ?? null };
    line.quantity += quantity;
    for (const n of more.notes ?? []) if (!line.notes.includes(n)) line.notes.push(n);
    for (const r of more.rules ?? []) if (!line.rules.includes(r)) line.rules.push(r);
    if (build && !line.builds.includes(build)) line.builds.push(build);
    merged.set(key, line);
  };
  for (const [i, sink] of sinks.entries()) {
    const spec = input.sinkConfigurations[i]!;
    const build = spec.buildNumber ?? input.buildNumber ?? `#${i + 1}`;
    for (const l of sink.lines) {
      const itemId = l.custom ? (await catalog.ensureCustomPart(ctx, l.custom)).item.id : l.itemId!;
      add(itemId, l.source, l.quantity * spec.quantity, build, { notes: l.notes, rules: l.rules, component: l.component, customReason: l.customReason });
    }
    for (const a of sink.accessories) add(a.itemId, 'SELECTED', a.quantity * spec.quantity, build, { component: 'accessories' });
  }
  for (const a of extras) add(a.itemId, 'SELECTED', a.quantity, null, { component: 'accessories' });
  return [...merged.values()];
}

export interface GeneratedBom extends BuiltBom {
  warnings: Located[];
  sinkConfigurations: { index: number; sinkFamily: { id: string; code: string; name: string }; quantity: number; buildNumber: string | null; unitPrice: number | null }[];
  estimatedPrice: number;
}

/**
 * A line's id: lines live inside their version's document, never as indexed rows, so they need no
 * time order; node's random UUIDs come from a batched entropy pool (uuid's v7 asked the system for
 * random bytes per line: 6% of a busy server's CPU on BOM previews).
 */
const lineId = () => randomUUID();

/** Generates the BOM of the request in the caller's warehouse (no write but custom parts). */
export async function generateDocument(ctx: Ctx, sources: BomSources, input: GenerateInput): Promise<GeneratedBom> {
  const { sinks, orderAccessories: extras } = await configureAll(ctx, sources, input);
  const top = await topLines(ctx, sources.catalog, input, sinks, extras);
  const structure = await sources.catalog.structure(ctx, [...new Set(top.map((t) => t.itemId))]);
  const built = buildBom(top, structure, { now: new Date(), assemblyDays: Math.max(0, ...sinks.map((s) => s.family!.assemblyDays)), newId: lineId });
  return {
    ...built,
    warnings: sinks.flatMap((s, i) => s.warnings.map((w) => ({ ...w, sinkConfiguration: i }))),
    sinkConfigurations: sinks.map((s, i) => ({
      index: i, sinkFamily: { id: s.family!.id, code: s.family!.code, name: s.family!.name }, quantity: input.sinkConfigurations[i]!.quantity,
      buildNumber: input.sinkConfigurations[i]!.buildNumber ?? null, unitPrice: s.price,
    })),
    estimatedPrice: Math.round(sinks.reduce((sum, s, i) => sum + (s.price ?? 0) * input.sinkConfigurations[i]!.quantity, 0) * 100) / 100,
  };
}

const defaultTitle = (g: GeneratedBom, input: GenerateInput) =>
  input.title ?? `${g.sinkConfigurations.map((s) => `${s.quantity} x ${s.sinkFamily.name}`).join(', ')}${input.buildNumber ? ` (build ${input.buildNumber})` : ''}`;

/** A saved BOM's facts as lists show them. */
export function bomView(row: repo.BomRow) {
  return {
    bomId: row.id,
    seriesId: row.series_id,
    orderId: row.order_id,
    buildNumber: row.build_number,
    version: row.version,
    status: row.status,
    title: row.title,
    notes: row.notes,
    warehouseId: row.warehouse_id,
    subtotal: Number(row.subtotal),
    generatedAt: toIso(row.generated_at)!,
    generatedBy: row.generated_by ? { id: row.generated_by, name: row.generated_by_name ?? '', role: row.generated_by_role ?? '' } : null,
    approvedAt: toIso(row.approved_at),
    approvedBy: row.approved_by ? { id: row.approved_by, name: row.approved_by_name ?? '' } : null,
    supersededAt: toIso(row.superseded_at),
  };
}

/** A saved BOM with its tree, summary and availability as generated. */
export function documentView(row: repo.BomRow) {
  const doc = row.document as GeneratedBom;
  return {
    ...bomView(row),
    bomItems: doc.bomItems, summary: doc.summary, availability: doc.availability, warnings: doc.warnings, sinkConfigurations: doc.sinkConfigurations, estimatedPrice: doc.estimatedPrice,
  };
}

/** Saves a generated BOM as the next version of its series: the order build's, or the given one, or a new one. */
async function save(ctx: Ctx, input: GenerateInput, g: GeneratedBom, seriesOf?: repo.BomRow) {
  const id = uuidv7();
  let seriesId = seriesOf?.series_id ?? id;
  let version = 1;
  const orderId = seriesOf ? seriesOf.order_id : (input.orderId ?? null);
  const buildNumber = seriesOf ? seriesOf.build_number : (input.buildNumber ?? null);
  await assertBomChangeAllowed(ctx, { orderId, buildNumber }, 'SAVE_VERSION');
  if (seriesOf) {
    version = (await repo.latestOfSeries(ctx.tx, seriesId)) + 1;
  } else if (orderId) {
    // Two regenerations of one order build number their versions in turn.
    await ctx.tx.query(`SELECT pg_advisory_xact_lock(hashtext('bom:' || $1::text || ':' || coalesce($2::text, '')))`, [orderId, buildNumber]);
    const latest = await repo.latestOfBuild(ctx.tx, orderId, buildNumber);
    if (latest) {
      seriesId = latest.series_id;
      version = latest.version + 1;
    }
  }
  const generatedAt = new Date();
  const request = { orderId, buildNumber, sinkConfigurations: input.sinkConfigurations, accessories: input.accessories };
  await repo.insertBom(ctx.tx, {
    id, seriesId, warehouseId: ctx.actor.warehouseId, orderId, buildNumber, version, title: seriesOf?.title ?? defaultTitle(g, input), notes: input.notes ?? null,
    request, document: g, subtotal: g.summary.subtotal, generatedBy: ctx.actor.userId, generatedAt,
  });
  const superseded = await repo.supersedeDrafts(ctx.tx, seriesId, id);
  await audit(ctx, { action: 'CREATE', tableName: 'boms', recordId: id, warehouseId: ctx.actor.warehouseId, after: { version, seriesId, orderId, buildNumber, subtotal: g.summary.subtotal, superseded } });
  return documentView((await repo.findBom(ctx.tx, id))!);
}

/** POST /bom/generate: the BOM of the request, saved as a DRAFT version unless it is a preview. */
export async function generate(ctx: Ctx, sources: BomSources, input: GenerateInput) {
  const g = await generateDocument(ctx, sources, input);
  if (input.preview) {
    return {
      saved: false,
      bom: {
        bomId: null, seriesId: null, orderId: input.orderId ?? null, buildNumber: input.buildNumber ?? null, version: null, status: 'PREVIEW' as const,
        title: defaultTitle(g, input), notes: input.notes ?? null, warehouseId: ctx.actor.warehouseId, subtotal: g.summary.subtotal,
        generatedAt: new Date().toISOString(), generatedBy: await generatedBy(ctx), approvedAt: null, approvedBy: null, supersededAt: null,
        bomItems: g.bomItems, summary: g.summary, availability: g.availability, warnings: g.warnings, sinkConfigurations: g.sinkConfigurations, estimatedPrice: g.estimatedPrice,
      },
    };
  }
  return { saved: true, bom: await save(ctx, input, g) };
}

async function generatedBy(ctx: Ctx) {
  if (ctx.actor.name !== undefined) return { id: ctx.actor.userId, name: ctx.actor.name, role: ctx.actor.role };
  const { rows } = await ctx.tx.query<{ name: string; role: string }>(`SELECT first_name || ' ' || last_name AS name, role FROM profiles WHERE id = $1`, [ctx.actor.userId]);
  return { id: ctx.actor.userId, name: rows[0]?.name ?? '', role: rows[0]?.role ?? ctx.actor.role };
}

async function mustFind(ctx: Ctx, id: string, opts?: Parameters<typeof repo.findBom>[2]) {
  const row = await repo.findBom(ctx.tx, id, opts);
  if (!row) throw notFound('BOM');
  return row;
}

export const getBom = async (ctx: Ctx, id: string) => documentView(await mustFind(ctx, id));

/** POST /bom/{id}/regenerate: a new version from the stored request (or a replacement), today's catalog and stock. */
export async function regenerate(ctx: Ctx, sources: BomSources, id: string, replace: Partial<Pick<GenerateInput, 'sinkConfigurations' | 'accessories' | 'notes'>>) {
  const row = await mustFind(ctx, id, { lock: true });
  const stored = row.request as Pick<GenerateInput, 'sinkConfigurations' | 'accessories'>;
  const input: GenerateInput = {
    orderId: row.order_id ?? undefined, buildNumber: row.build_number ?? undefined, preview: false, notes: replace.notes ?? row.notes ?? undefined,
    sinkConfigurations: replace.sinkConfigurations ?? stored.sinkConfigurations, accessories: replace.accessories ?? stored.accessories ?? [],
  };
  const g = await generateDocument(ctx, sources, input);
  return save(ctx, input, g, row);
}

export async function updateBom(ctx: Ctx, id: string, patch: { title?: string; notes?: string | null }) {
  const row = await mustFind(ctx, id, { lock: true, withDocument: false });
  assertEditable(row.status, row.version);
  await repo.updateDraft(ctx.tx, id, patch);
  await audit(ctx, { action: 'UPDATE', tableName: 'boms', recordId: id, warehouseId: row.warehouse_id, before: { title: row.title, notes: row.notes }, after: patch });
  return getBom(ctx, id);
}

export async function approveBom(ctx: Ctx, id: string) {
  const row = await mustFind(ctx, id, { lock: true, withDocument: false });
  assertApprovable(row.status, row.version);
  await assertBomChangeAllowed(ctx, { orderId: row.order_id, buildNumber: row.build_number }, 'APPROVE');
  const superseded = await repo.approve(ctx.tx, id, ctx.actor.userId);
  await audit(ctx, { action: 'UPDATE', tableName: 'boms', recordId: id, warehouseId: row.warehouse_id, before: { status: row.status }, after: { status: 'APPROVED', superseded }, description: `BOM version ${row.version} approved` });
  return getBom(ctx, id);
}

export async function versions(ctx: Ctx, id: string) {
  const row = await mustFind(ctx, id, { withDocument: false });
  return { seriesId: row.series_id, orderId: row.order_id, buildNumber: row.build_number, versions: (await repo.listVersions(ctx.tx, row.series_id)).map(bomView) };
}

export async function compare(ctx: Ctx, fromId: string, toId: string) {
  const [from, to] = [await mustFind(ctx, fromId), await mustFind(ctx, toId)];
  const items = (r: repo.BomRow) => ((r.document as { bomItems?: BomNode[] }).bomItems ?? []);
  const meta = (r: repo.BomRow) => ({ bomId: r.id, version: r.version, status: r.status, generatedAt: toIso(r.generated_at)!, subtotal: Number(r.subtotal) });
  return { from: meta(from), to: meta(to), sameSeries: from.series_id === to.series_id, ...compareBoms(items(from), items(to)), subtotalChange: Math.round((Number(to.subtotal) - Number(from.subtotal)) * 100) / 100 };
}

const encodeCursor = (r: repo.BomRow) => Buffer.from(`${new Date(r.generated_at).toISOString()}|${r.id}`).toString('base64url');
function decodeCursor(cursor: string) {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/i.test(id)) throw validation('Invalid cursor', [{ field: 'cursor', message: 'Not a cursor this list gave', code: 'INVALID_FORMAT' }]);
  return { at, id };
}

export async function listBoms(ctx: Ctx, q: { orderId?: string; status?: repo.BomStatus; latestOnly: boolean; limit: number; cursor?: string }) {
  const rows = await repo.listBoms(ctx.tx, { ...q, after: q.cursor ? decodeCursor(q.cursor) : undefined });
  const page = rows.slice(0, q.limit);
  return { boms: page.map(bomView), nextCursor: rows.length > q.limit ? encodeCursor(page[page.length - 1]!) : null };
}

/** The stored BOM for an export: header facts and its tree. */
export async function exportSource(ctx: Ctx, id: string) {
  const row = await mustFind(ctx, id);
  return { view: bomView(row), items: ((row.document as { bomItems?: BomNode[] }).bomItems ?? []) };
}
