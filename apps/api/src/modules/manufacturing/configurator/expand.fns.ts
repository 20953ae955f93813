import { leadTimeRange } from '@plantops/contracts';
import { evaluate, getAt, isTruthy, type Scope } from './expression.fns.js';
import type { BomRule, CatalogItem, Expr, FamilyDoc, Problem } from './family.types.js';

/**
 * A valid configuration becomes BOM lines (the family's rules), a price and a lead time. Pure:
 * the catalog items the rules name are passed in; custom parts are described here and created
 * (or found again) by core inventory when a BOM is generated.
 */

export interface CustomPartDraft {
  numbering: 'SEQUENCE' | 'PATTERN';
  /** The pattern's part number; null for a 700-series number not yet given. */
  partNumber: string | null;
  catalogNumber: string | null;
  kind: 'PART' | 'SUB_ASSEMBLY' | 'ASSEMBLY' | 'KIT';
  name: string;
  cost: number;
  leadTimeDays: number;
  specifications: Record<string, unknown>;
  components: { partNumber: string; quantity: number }[];
  supplier: string | null;
  reason: string;
  /** Same specification, same part: the key lines merge on and core inventory reuses parts by. */
  specKey: string;
}

export interface ConfiguredLine {
  key: string;
  ruleIds: string[];
  component: string;
  source: 'CONFIGURED' | 'GENERATED';
  partNumber: string | null;
  quantity: number;
  notes: string[];
  custom?: CustomPartDraft;
}

const canonical = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(canonical) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canonical(x)])) : v;

function resolveCustom(doc: FamilyDoc, rule: BomRule, scope: Scope): CustomPartDraft {
  const spec = rule.custom!;
  const specifications = Object.fromEntries(Object.entries(spec.specifications).map(([k, e]) => [k, evaluate(e, scope)]));
  // Pattern numbers keep the pattern's case (T2-ADW-BASIN-22x20x9); part numbers are unique case-insensitively.
  const partNumber = spec.numbering === 'PATTERN' ? String(evaluate(spec.partNumber ?? null, scope)) : null;
  const name = String(evaluate(spec.name, scope));
  return {
    numbering: spec.numbering,
    partNumber,
    catalogNumber: spec.catalogNumber ?? null,
    kind: spec.kind,
    name,
    cost: Math.round(Number(evaluate(spec.cost, scope)) * 100) / 100,
    leadTimeDays: spec.leadTimeDays,
    specifications,
    components: (spec.components ?? []).map((c) => ({ partNumber: c.partNumber, quantity: Number(evaluate(c.quantity, scope)) })).filter((c) => c.quantity > 0),
    supplier: spec.supplier ?? null,
    reason: String(evaluate(spec.reason, scope)),
    specKey: JSON.stringify(canonical({ family: doc.code, rule: rule.id, partNumber: partNumber?.toUpperCase() ?? null, specifications })),
  };
}

/** Applies every BOM rule; lines with the same part number (or custom specification) merge. */
export function expandConfiguration(doc: FamilyDoc, configuration: unknown): ConfiguredLine[] {
  const lines = new Map<string, ConfiguredLine>();
  const base: Scope = { root: configuration, options: doc.options };
  const add = (rule: BomRule, scope: Scope) => {
    if (rule.when !== undefined && !isTruthy(evaluate(rule.when, scope))) return;
    const quantity = Number(evaluate(rule.quantity ?? 1, scope));
    if (!(quantity > 0)) return;
    const custom = rule.custom ? resolveCustom(doc, rule, scope) : undefined;
    const partNumber = custom ? custom.partNumber : String(evaluate(rule.partNumber ?? null, scope) ?? '').toUpperCase() || null;
    if (!custom && !partNumber) return;
    const key = custom ? `custom:${custom.specKey}` : partNumber!;
    const note = rule.note === undefined ? null : evaluate(rule.note, scope);
    const line = lines.get(key);
    if (line) {
      line.quantity += quantity;
      if (!line.ruleIds.includes(rule.id)) line.ruleIds.push(rule.id);
      if (note && !line.notes.includes(String(note))) line.notes.push(String(note));
      return;
    }
    lines.set(key, { key, ruleIds: [rule.id], component: rule.component, source: custom ? 'GENERATED' : 'CONFIGURED', partNumber, quantity, notes: note ? [String(note)] : [], custom });
  };
  for (const rule of doc.bom) {
    if (!rule.forEach) {
      add(rule, base);
      continue;
    }
    const items = getAt(configuration, rule.forEach);
    if (Array.isArray(items)) items.forEach((value, index) => add(rule, { ...base, el: { value, index, path: `${rule.forEach}[${index}]` } }));
  }
  return [...lines.values()];
}

/** Lines whose part the catalog does not have: a data problem, reported like any other error. */
export function missingCatalogItems(lines: ConfiguredLine[], catalog: ReadonlyMap<string, CatalogItem>): Problem[] {
  const missing = (pn: string) => !catalog.has(pn.toUpperCase());
  return [
    ...lines.filter((l) => !l.custom && l.partNumber && missing(l.partNumber)).map((l) => ({
      field: l.component, code: 'CATALOG_ITEM_MISSING', severity: 'error' as const,
      message: `Rule ${l.ruleIds.join(', ')} needs ${l.partNumber}, which is not in the catalog: ask an administrator to add it.`,
    })),
    ...lines.flatMap((l) => (l.custom?.components ?? []).filter((c) => missing(c.partNumber)).map((c) => ({
      field: l.component, code: 'CATALOG_ITEM_MISSING', severity: 'error' as const,
      message: `The custom part of rule ${l.ruleIds.join(', ')} is made from ${c.partNumber}, which is not in the catalog.`,
    }))),
  ];
}

export interface PricedAccessory {
  item: CatalogItem;
  quantity: number;
}

export interface Price {
  basePrice: number;
  adders: { label: string; amount: number }[];
  linesTotal: number;
  accessoriesTotal: number;
  total: number;
}

const money = (n: number) => Math.round(n * 100) / 100;
const sellPrice = (doc: FamilyDoc, item: { listPrice: number | null; cost: number }) => item.listPrice ?? item.cost * doc.pricing.markup;

/** The customer price: base price, option adders, priced lines (all, or only custom ones) and accessories. */
export function priceConfiguration(doc: FamilyDoc, configuration: unknown, lines: ConfiguredLine[], catalog: ReadonlyMap<string, CatalogItem>, accessories: PricedAccessory[]): Price {
  const base: Scope = { root: configuration, options: doc.options };
  const adders: Price['adders'] = [];
  for (const rule of doc.pricing.adders) {
    const scopes = rule.forEach ? ((getAt(configuration, rule.forEach) as unknown[] | undefined) ?? []).map((value, index) => ({ ...base, el: { value, index, path: `${rule.forEach}[${index}]` } })) : [base];
    for (const scope of scopes) {
      if (rule.when !== undefined && !isTruthy(evaluate(rule.when, scope))) continue;
      const amount = Number(evaluate(rule.amount, scope));
      if (amount) adders.push({ label: rule.label, amount: money(amount) });
    }
  }
  const priced = doc.pricing.priceLines === 'ALL' ? lines : lines.filter((l) => l.custom);
  const linesTotal = priced.reduce((sum, l) => {
    const item = l.custom ? { listPrice: null, cost: l.custom.cost } : catalog.get(l.partNumber!.toUpperCase());
    return sum + (item ? sellPrice(doc, item) * l.quantity : 0);
  }, 0);
  const accessoriesTotal = accessories.reduce((sum, a) => sum + sellPrice(doc, a.item) * a.quantity, 0);
  const total = doc.basePrice + adders.reduce((s, a) => s + a.amount, 0) + linesTotal + accessoriesTotal;
  return { basePrice: doc.basePrice, adders, linesTotal: money(linesTotal), accessoriesTotal: money(accessoriesTotal), total: money(total) };
}

/** Lead time of a line's part: the custom part's own, else the catalog's. */
export const lineLeadDays = (l: ConfiguredLine, catalog: ReadonlyMap<string, CatalogItem>) =>
  l.custom ? l.custom.leadTimeDays : (catalog.get(l.partNumber?.toUpperCase() ?? '')?.leadTimeDays ?? 0);

/**
 * Lead time if every part had to be bought: the slowest part, then assembly. Warnings name the
 * options whose parts take longer than the family's threshold.
 */
export function estimateLeadTime(doc: FamilyDoc, lines: ConfiguredLine[], catalog: ReadonlyMap<string, CatalogItem>, accessories: PricedAccessory[]) {
  const partDays = Math.max(0, ...lines.map((l) => lineLeadDays(l, catalog)), ...accessories.map((a) => a.item.leadTimeDays ?? 0));
  const days = partDays + doc.assemblyDays;
  const warnings: Problem[] = lines
    .filter((l) => lineLeadDays(l, catalog) > doc.longLeadTimeDays)
    .map((l) => {
      const name = l.custom ? l.custom.name : (catalog.get(l.partNumber!.toUpperCase())?.name ?? l.partNumber);
      const d = lineLeadDays(l, catalog);
      return {
        field: l.component, code: 'LONG_LEAD_TIME', severity: 'warning' as const,
        message: `${l.partNumber ?? 'The custom part'} (${name}) takes ${leadTimeRange(d)} to get, longer than the usual ${leadTimeRange(doc.longLeadTimeDays)}: the build is ready in about ${leadTimeRange(days)}.`,
      };
    });
  return { days, text: leadTimeRange(days), warnings };
}

export function recommendations(doc: FamilyDoc, configuration: unknown) {
  const scope: Scope = { root: configuration, options: doc.options };
  return (doc.recommendations ?? [])
    .filter((r) => isTruthy(evaluate(r.when, scope)))
    .map((r) => ({ component: r.component, suggestion: r.suggestion, additionalCost: money(Number(evaluate(r.additionalCost, scope))) }));
}

export interface GroupResult {
  isValid: boolean;
  compatibility: 'COMPATIBLE' | 'INCOMPATIBLE';
  selectedOptions: unknown;
  customRequired: boolean;
  [fact: string]: unknown;
}

/** Per option group: valid or not, what was chosen, and the facts the family reports about it. */
export function groupResults(doc: FamilyDoc, configuration: unknown, errors: Problem[], lines: ConfiguredLine[]): Record<string, GroupResult> {
  const scope: Scope = { root: configuration, options: doc.options };
  const results: Record<string, GroupResult> = {};
  for (const group of Object.keys(doc.options)) {
    const groupErrors = errors.filter((e) => e.field === group || e.field.startsWith(`${group}.`) || e.field.startsWith(`${group}[`));
    const facts = Object.fromEntries(Object.entries(doc.groupFacts?.[group] ?? {}).map(([k, e]: [string, Expr]) => [k, groupErrors.length ? null : evaluate(e, scope)]));
    results[group] = {
      isValid: groupErrors.length === 0,
      compatibility: groupErrors.length === 0 ? ('COMPATIBLE' as const) : ('INCOMPATIBLE' as const),
      selectedOptions: (configuration as Record<string, unknown> | null)?.[group] ?? null,
      customRequired: lines.some((l) => l.custom && l.component === group),
      ...facts,
    };
  }
  return results;
}
