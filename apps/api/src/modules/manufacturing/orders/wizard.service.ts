import { v7 as uuidv7 } from 'uuid';
import { audit } from '../../core/audit/audit.writer.js';
import type { CatalogReads } from '../../core/inventory/index.js';
import type { Ctx } from '../../../platform/db/unit-of-work.js';
import { AppError, conflict, validation, workflow, type ErrorDetail } from '../../../platform/http/errors.js';
import { toIso } from '../../../platform/http/envelope.js';
import { generateBom, type SinkConfigurator } from '../bom/index.js';
import { buildNumber, money, orderNumber, orderTotals } from './orders.fns.js';
import { notifySubmitted, published } from './orders.events.js';
import { assertDraft } from './orders.policy.js';
import * as customers from './customers.repo.js';
import * as repo from './orders.repo.js';
import type { AccessoriesInput, DraftInput, SinkConfigurationInput, SinkSelectionInput } from './orders.schema.js';
import { orderSettings } from './orders.settings.js';
import { loadVisible } from './orders.service.js';

/**
 * The spec's 5-step wizard on a DRAFT order (2.1). Each step may be revisited until submit; the
 * submit validates everything again through the configurator, prices the order, saves BOM
 * version 1 per build and moves the order to PENDING — or writes nothing.
 */

/** What the orders module needs of the configurator (app.ts hands in the configurator module's; decision 0012). */
export interface OrderConfigurator extends SinkConfigurator {
  families(ctx: Ctx): Promise<{ id: string; code: string; name: string; description: string; baseModel: string; isActive: boolean }[]>;
}

const year = () => new Date().getUTCFullYear();
const stepAtLeast = (o: repo.OrderRow, step: number) => Math.max(o.step, step);

export async function createDraft(ctx: Ctx, input: DraftInput) {
  const warehouseId = ctx.actor.warehouseId;
  let customer;
  if (input.customer.id) {
    customer = await customers.findCustomer(ctx.tx, input.customer.id, warehouseId);
    if (!customer) throw validation('That customer does not exist on this site', [{ field: 'customer.id', message: 'Not found', code: 'INVALID_REFERENCE' }]);
  } else {
    const { id: _omit, ...details } = input.customer;
    customer = (await customers.upsertCustomer(ctx.tx, uuidv7(), warehouseId, { ...details, phone: details.phone ?? null }, ctx.actor.userId)).customer;
  }
  const settings = await orderSettings(ctx.tx);
  const y = year();
  const number = orderNumber(settings.numberPrefix, y, await repo.nextNumber(ctx.tx, 'ORDER', settings.numberPrefix, y));
  const id = uuidv7();
  await repo.insertOrder(ctx.tx, {
    id, warehouseId, orderNumber: number, customerId: customer.id, priority: input.priority, specialInstructions: input.specialInstructions ?? null,
    shippingAddress: input.customer.shippingAddress, requestedDelivery: input.requestedDelivery ?? null, createdBy: ctx.actor.userId
  });
  await repo.insertHistory(ctx.tx, { id: uuidv7(), orderId: id, warehouseId, from: null, to: 'DRAFT', userId: ctx.actor.userId, notes: 'Order created' });
  const order = (await repo.findOrder(ctx.tx, id, warehouseId))!;
  await audit(ctx, { action: 'CREATE', tableName: 'orders', recordId: id, warehouseId, after: { orderNumber: number, customerId: customer.id, priority: input.priority, status: 'DRAFT' } });
  await published(ctx, order, 'created');
  return {
    orderId: id, orderNumber: number, status: order.status, step: order.step, customer, priority: order.priority,
    specialInstructions: order.special_instructions, createdAt: toIso(order.created_at), createdBy: ctx.actor.userId,
  };
}

const matchesFamily = (f: { id: string; code: string; name: string; baseModel: string }, ref: string) =>
  [f.id, f.code, f.name, f.baseModel].some((v) => v.toLowerCase() === ref.trim().toLowerCase());

/** Numbers for the units that came without one, skipping any a person already used. */
async function offerBuildNumbers(ctx: Ctx, orderId: string, count: number, inRequest: Set<string>): Promise<string[]> {
  const out: string[] = [];
  while (out.length < count) {
    const need = count - out.length;
    const first = await repo.nextNumber(ctx.tx, 'BUILD', 'BN', year(), need);
    const candidates = Array.from({ length: need }, (_, i) => buildNumber(year(), first + i)).filter((n) => !inRequest.has(n.toUpperCase()));
    const taken = new Set((await repo.takenBuildNumbers(ctx.tx, candidates, orderId)).map((n) => n.toUpperCase()));
    out.push(...candidates.filter((n) => !taken.has(n.toUpperCase())));
  }
  return out;
}

export async function selectSinks(ctx: Ctx, configurator: OrderConfigurator, id: string, input: SinkSelectionInput) {
  const order = await loadVisible(ctx, id, true);
  assertDraft(order, 'sink selection');
  const families = (await configurator.families(ctx)).filter((f) => f.isActive);
  const problems: ErrorDetail[] = [];
  const chosen = input.sinks.map((s, i) => {
    const family = families.find((f) => matchesFamily(f, s.sinkFamilyId));
    if (!family) problems.push({ field: `sinks[${i}].sinkFamilyId`, code: 'UNKNOWN_FAMILY', message: `There is no sink family "${s.sinkFamilyId}". Choose one of: ${families.map((f) => `${f.name} (${f.id})`).join(', ')}.` });
    return family;
  });
  const given = input.sinks.flatMap((s, i) => (s.buildNumbers ?? []).map((n, j) => ({ n, field: `sinks[${i}].buildNumbers[${j}]` })));
  const seen = new Set<string>();
  for (const g of given) {
    if (seen.has(g.n.toUpperCase())) problems.push({ field: g.field, code: 'BUILD_NUMBER_DUPLICATE', message: `${g.n} is given twice: one build number per unit` });
    seen.add(g.n.toUpperCase());
  }
  if (problems.length) throw validation(`The sink selection has ${problems.length} problem${problems.length === 1 ? '' : 's'}`, problems);
  const taken = await repo.takenBuildNumbers(ctx.tx, given.map((g) => g.n), order.id);
  if (taken.length) {
    throw conflict(`Build number${taken.length === 1 ? '' : 's'} ${taken.join(', ')} already belong${taken.length === 1 ? 's' : ''} to another order: build numbers are unique across the plant`,
      given.filter((g) => taken.some((t) => t.toUpperCase() === g.n.toUpperCase())).map((g) => ({ field: g.field, code: 'BUILD_NUMBER_TAKEN', message: `${g.n} is taken` })));
  }
  const missing = input.sinks.reduce((sum, s) => sum + (s.buildNumbers ? 0 : s.quantity), 0);
  const offered = await offerBuildNumbers(ctx, order.id, missing, seen);
  const before = await repo.buildsOf(ctx.tx, order.id);
  const sinksBefore = await repo.sinksOf(ctx.tx, order.id);
  const familyOfSink = new Map(sinksBefore.map((s) => [s.id, s.family_id]));
  const sinks: repo.NewSink[] = input.sinks.map((s, i) => {
    const family = chosen[i]!;
    const numbers = s.buildNumbers ?? offered.splice(0, s.quantity);
    return {
      id: uuidv7(), family, quantity: s.quantity,
      builds: numbers.map((n) => {
        // A build that keeps its number and family keeps its configuration and accessories.
        const keep = before.find((b) => b.build_number.toUpperCase() === n.toUpperCase() && familyOfSink.get(b.sink_id) === family.id);
        return { id: uuidv7(), buildNumber: n, keep };
      }),
    };
  });
  await repo.replaceSelection(ctx.tx, order.id, order.warehouse_id, sinks);
  await repo.updateOrder(ctx.tx, order.id, { step: stepAtLeast(order, 2) });
  const after = sinks.map((s) => ({ family: s.family.id, quantity: s.quantity, buildNumbers: s.builds.map((b) => b.buildNumber) }));
  await audit(ctx, { action: 'UPDATE', tableName: 'orders', recordId: order.id, warehouseId: order.warehouse_id, before: { sinks: sinksBefore.map((s) => ({ family: s.family_id, quantity: s.quantity })) }, after: { sinks: after }, description: 'Sink selection (step 2)' });
  await published(ctx, order, 'updated', { step: 2 });
  const updated = (await repo.findOrder(ctx.tx, order.id, order.warehouse_id))!;
  return {
    orderId: order.id, orderNumber: order.order_number, status: updated.status, step: updated.step,
    sinks: sinks.map((s) => ({ id: s.id, sinkFamily: { id: s.family.id, name: s.family.name, description: s.family.description }, quantity: s.quantity, buildNumbers: s.builds.map((b) => b.buildNumber) })),
    updatedAt: toIso(updated.updated_at),
  };
}

/** The builds a step names: one by number, or every build of a selection line. */
async function targetBuilds(ctx: Ctx, order: repo.OrderRow, ref: { sinkId?: string; buildNumber?: string }) {
  const builds = await repo.buildsOf(ctx.tx, order.id);
  if (!builds.length) throw workflow(`Gate WIZARD_ORDER: choose the sinks of ${order.order_number} first (step 2)`);
  if (ref.buildNumber) {
    const b = builds.find((x) => x.build_number.toUpperCase() === ref.buildNumber!.toUpperCase());
    if (!b) throw validation(`${ref.buildNumber} is not a build of ${order.order_number}`, [{ field: 'buildNumber', code: 'INVALID_REFERENCE', message: `Builds: ${builds.map((x) => x.build_number).join(', ')}` }]);
    return [b];
  }
  if (ref.sinkId) {
    const list = builds.filter((b) => b.sink_id === ref.sinkId);
    if (!list.length) throw validation(`That sink is not part of ${order.order_number}`, [{ field: 'sinkId', code: 'INVALID_REFERENCE', message: 'Use a sink id from the sink selection' }]);
    return list;
  }
  return [];
}

/** Engine problems as the API's error details, their paths under `configuration`. */
const asDetails = (issues: { field: string; code: string; message: string; validValues?: unknown[] }[], prefix: string) =>
  issues.map((i) => ({ ...i, field: i.field ? `${prefix}.${i.field}` : prefix })) as ErrorDetail[];

export async function configureSink(ctx: Ctx, configurator: OrderConfigurator, catalog: CatalogReads, id: string, input: SinkConfigurationInput) {
  const order = await loadVisible(ctx, id, true);
  assertDraft(order, 'configuration');
  const builds = await targetBuilds(ctx, order, input);
  const sink = (await repo.sinksOf(ctx.tx, order.id)).find((s) => s.id === builds[0]!.sink_id)!;
  const result = await configurator.configureSink(ctx, { sinkFamilyId: sink.family_id, configuration: input.configuration, accessories: [] });
  if (result.errors.length) {
    throw new AppError(422, 'VALIDATION_ERROR', `The ${sink.family_name} configuration has ${result.errors.length} problem${result.errors.length === 1 ? '' : 's'}: nothing was saved.`, asDetails(result.errors, 'configuration'));
  }
  // Custom parts get their numbers now (the same specification reuses its part), as the spec's answer shows;
  // through the catalog reads, so that a part made here keeps this transaction off the caches (decision 0019).
  const customParts = [];
  for (const l of result.lines.filter((x) => x.custom)) {
    const { item } = await catalog.ensureCustomPart(ctx, l.custom!);
    customParts.push({ partNumber: item.partNumber, description: item.name, cost: item.cost });
  }
  const price = result.price ?? 0;
  await repo.configureBuilds(ctx.tx, builds.map((b) => b.id), input.configuration, price, customParts);
  await repo.updateOrder(ctx.tx, order.id, { step: stepAtLeast(order, 3) });
  await audit(ctx, { action: 'UPDATE', tableName: 'orders', recordId: order.id, warehouseId: order.warehouse_id, before: { configurations: builds.map((b) => ({ build: b.build_number, configuration: b.configuration })) }, after: { builds: builds.map((b) => b.build_number), configuration: input.configuration, price }, description: 'Sink configuration (step 3)' });
  await published(ctx, order, 'updated', { step: 3 });
  const updated = (await repo.findOrder(ctx.tx, order.id, order.warehouse_id))!;
  return {
    orderId: order.id, step: updated.step,
    sinkConfiguration: { sinkId: sink.id, buildNumbers: builds.map((b) => b.build_number), configuration: input.configuration, estimatedCost: price, customParts, warnings: result.warnings.map(({ field, code, message }) => ({ field, code, message })) },
    updatedAt: toIso(updated.updated_at),
  };
}

/** Accessories by id or part number, resolved against the catalog; unknown ones are named. */
async function resolveAccessories(ctx: Ctx, catalog: CatalogReads, refs: AccessoriesInput['accessories']): Promise<repo.StoredAccessory[]> {
  const items = await catalog.activeItems(ctx, refs);
  const problems: ErrorDetail[] = [];
  const merged = new Map<string, repo.StoredAccessory>();
  refs.forEach((r, i) => {
    const item = items[i];
    if (!item) {
      problems.push({ field: `accessories[${i}]`, code: 'ACCESSORY_NOT_FOUND', message: `No active catalog item "${r.accessoryId ?? r.partNumber}"` });
      return;
    }
    const line = merged.get(item.id) ?? { itemId: item.id, partNumber: item.partNumber, name: item.name, quantity: 0, unitCost: money(item.listPrice ?? item.cost) };
    line.quantity += r.quantity;
    merged.set(item.id, line);
  });
  if (problems.length) throw validation(`${problems.length} accessor${problems.length === 1 ? 'y is' : 'ies are'} not in the catalog: nothing was saved`, problems);
  return [...merged.values()];
}

const accessoryLines = (list: repo.StoredAccessory[]) =>
  list.map((a) => ({ id: a.itemId, name: a.name, partNumber: a.partNumber, quantity: a.quantity, unitCost: a.unitCost, totalCost: money(a.unitCost * a.quantity) }));
const accessoryTotal = (list: repo.StoredAccessory[]) => money(list.reduce((s, a) => s + a.unitCost * a.quantity, 0));

export async function setAccessories(ctx: Ctx, catalog: CatalogReads, id: string, input: AccessoriesInput) {
  const order = await loadVisible(ctx, id, true);
  assertDraft(order, 'accessories');
  const builds = await targetBuilds(ctx, order, input);
  const list = await resolveAccessories(ctx, catalog, input.accessories);
  const total = accessoryTotal(list);
  if (builds.length) await repo.setBuildAccessories(ctx.tx, builds.map((b) => b.id), list, total);
  else await repo.updateOrder(ctx.tx, order.id, { accessories: list, accessoryTotal: total });
  await repo.updateOrder(ctx.tx, order.id, { step: stepAtLeast(order, 4) });
  await audit(ctx, { action: 'UPDATE', tableName: 'orders', recordId: order.id, warehouseId: order.warehouse_id, after: { builds: builds.map((b) => b.build_number), accessories: list }, description: 'Accessories (step 4)' });
  await published(ctx, order, 'updated', { step: 4 });
  const updated = (await repo.findOrder(ctx.tx, order.id, order.warehouse_id))!;
  return { orderId: order.id, step: updated.step, buildNumbers: builds.map((b) => b.build_number), accessories: accessoryLines(list), accessoryTotal: total, updatedAt: toIso(updated.updated_at) };
}

const refsOf = (list: repo.StoredAccessory[]) => list.map((a) => ({ accessoryId: a.itemId, quantity: a.quantity }));

/** Step 5: everything checked again, priced, a BOM per build saved, PENDING — or nothing written. */
export async function submit(ctx: Ctx, configurator: OrderConfigurator, catalog: CatalogReads, id: string) {
  const order = await loadVisible(ctx, id, true);
  assertDraft(order, 'submission');
  const sinks = await repo.sinksOf(ctx.tx, order.id);
  const builds = await repo.buildsOf(ctx.tx, order.id);
  if (!builds.length) throw workflow(`Gate WIZARD_ORDER: ${order.order_number} has no sinks yet (step 2)`);
  const problems: ErrorDetail[] = builds.filter((b) => !b.configuration).map((b) => ({ field: `builds.${b.build_number}.configuration`, code: 'BUILD_NOT_CONFIGURED', message: `Configure build ${b.build_number} (step 3)` }));
  // The catalog or the rules may have changed since step 3: the engine checks and prices every build again.
  const priced = new Map<string, number>();
  for (const b of builds.filter((x) => x.configuration)) {
    const sink = sinks.find((s) => s.id === b.sink_id)!;
    const result = await configurator.configureSink(ctx, { sinkFamilyId: sink.family_id, configuration: b.configuration, accessories: [] });
    problems.push(...asDetails(result.errors, `builds.${b.build_number}.configuration`));
    priced.set(b.id, result.price ?? 0);
  }
  if (problems.length) throw new AppError(422, 'VALIDATION_ERROR', `${order.order_number} cannot be submitted: ${problems.length} problem${problems.length === 1 ? '' : 's'} to fix first`, problems);

  const boms = [];
  let readyBy = 0;
  for (const [i, b] of builds.entries()) {
    const sink = sinks.find((s) => s.id === b.sink_id)!;
    const generated = await generateBom(ctx, { configurator, catalog }, {
      orderId: order.id, buildNumber: b.build_number, preview: false, title: `${order.order_number} ${b.build_number}: ${sink.family_name}`,
      sinkConfigurations: [{ sinkFamilyId: sink.family_id, buildNumber: b.build_number, quantity: 1, configuration: b.configuration, accessories: [] }],
      // Order-level accessories ride on the first build's BOM, so that every part the order takes is in one of its BOMs.
      accessories: [...refsOf(b.accessories), ...(i === 0 ? refsOf(order.accessories) : [])],
    });
    boms.push({ buildNumber: b.build_number, bomId: generated.bom.bomId!, version: generated.bom.version!, status: generated.bom.status });
    readyBy = Math.max(readyBy, Date.parse(generated.bom.availability.estimatedReadyDate));
  }
  const settings = await orderSettings(ctx.tx);
  const configuredTotal = builds.reduce((s, b) => s + (priced.get(b.id) ?? 0) + Number(b.accessory_total), 0);
  const totals = orderTotals(configuredTotal + Number(order.accessory_total), order.priority, settings);
  const estimated = new Date(readyBy + settings.transitDays * 86_400_000).toISOString().slice(0, 10);
  for (const b of builds) await repo.configureBuilds(ctx.tx, [b.id], b.configuration, priced.get(b.id) ?? 0, b.custom_parts);
  await repo.updateOrder(ctx.tx, order.id, {
    status: 'PENDING', step: 5, subtotal: totals.subtotal, tax: totals.tax, shippingCost: totals.shipping, totalAmount: totals.total,
    estimatedDelivery: order.estimated_delivery ?? estimated, submittedNow: true,
  });
  await repo.insertHistory(ctx.tx, { id: uuidv7(), orderId: order.id, warehouseId: order.warehouse_id, from: 'DRAFT', to: 'PENDING', userId: ctx.actor.userId, notes: 'Order submitted for processing' });
  const after = (await repo.findOrder(ctx.tx, order.id, order.warehouse_id))!;
  await audit(ctx, { action: 'STATUS_CHANGE', tableName: 'orders', recordId: order.id, warehouseId: order.warehouse_id, before: { status: 'DRAFT' }, after: { status: 'PENDING', ...totals, boms }, description: 'Order submitted' });
  await published(ctx, after, 'status', { from: 'DRAFT' });
  await notifySubmitted(ctx, after);

  // The summary groups units per family, as the spec shows.
  const perSink = sinks.map((s) => {
    const own = builds.filter((b) => b.sink_id === s.id);
    return { name: s.family_name, quantity: s.quantity, configuredCost: money(own.reduce((sum, b) => sum + (priced.get(b.id) ?? 0), 0) / Math.max(1, own.length)) };
  });
  const allAccessories = [...builds.flatMap((b) => b.accessories), ...order.accessories];
  const byItem = new Map<string, { name: string; quantity: number; cost: number }>();
  for (const a of allAccessories) {
    const line = byItem.get(a.itemId) ?? { name: a.name, quantity: 0, cost: 0 };
    line.quantity += a.quantity;
    line.cost = money(line.cost + a.unitCost * a.quantity);
    byItem.set(a.itemId, line);
  }
  return {
    orderId: order.id, orderNumber: order.order_number, status: after.status, step: 5,
    orderSummary: {
      customer: { companyName: order.customer.company_name, contactName: order.customer.contact_name },
      sinks: perSink, accessories: [...byItem.values()], subtotal: totals.subtotal, tax: totals.tax, taxRate: settings.taxRate, shipping: totals.shipping, total: totals.total,
    },
    boms,
    submittedAt: toIso(after.submitted_at)!,
    estimatedDelivery: after.estimated_delivery ? `${after.estimated_delivery}T00:00:00.000Z` : null,
  };
}
