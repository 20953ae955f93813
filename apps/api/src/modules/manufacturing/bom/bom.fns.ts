import { leadTimeRange } from '@plantops/contracts';

/**
 * A BOM from its top-level lines and the item structure below them (pure): quantities multiplied
 * down the tree, cost per line, stock and procurement need per part, summary and availability,
 * flat indented rows for exports, and the difference between two versions.
 */

export type LineSource = 'CONFIGURED' | 'GENERATED' | 'SELECTED';

export interface TopLine {
  itemId: string;
  source: LineSource;
  quantity: number;
  notes: string[];
  /** The option group / rule that produced it (configured lines). */
  component: string | null;
  rules: string[];
  /** The builds (sink configurations) it comes from, e.g. ["#1", "#2"]. */
  builds: string[];
  customReason: string | null;
}

export interface NodeItem {
  id: string;
  partNumber: string;
  catalogNumber: string | null;
  name: string;
  kind: string;
  cost: number;
  leadTimeDays: number | null;
  isCustom: boolean;
  availableStock: number;
  specifications: Record<string, unknown>;
}

export interface Structure {
  items: ReadonlyMap<string, NodeItem>;
  edges: readonly { parentId: string; childId: string; quantity: number; sortOrder: number }[];
}

export interface BomNode {
  id: string;
  lineNumber: string;
  level: number;
  category: string;
  item: { id: string; partNumber: string; catalogNumber: string | null; name: string; type: string; isCustom: boolean };
  partNumber: string;
  catalogNumber: string | null;
  name: string;
  quantity: number;
  quantityPer: number;
  unitCost: number;
  totalCost: number;
  source: LineSource | 'STRUCTURE';
  isCustom: boolean;
  availableStock: number;
  needsProcurement: boolean;
  procurementQuantity: number;
  leadTimeDays: number | null;
  estimatedLeadTime: string | null;
  notes: string[];
  rules: string[];
  builds: string[];
  specifications: Record<string, unknown> | null;
  customReason: string | null;
  subItems: BomNode[];
  parts: BomNode[];
}

export interface Shortage {
  itemId: string;
  partNumber: string;
  name: string;
  required: number;
  available: number;
  shortfall: number;
  leadTimeDays: number;
}

const money = (n: number) => Math.round(n * 100) / 100;
const qty = (n: number) => Math.round(n * 1000) / 1000;
const MAX_DEPTH = 10;

function childrenIndex(structure: Structure) {
  const byParent = new Map<string, Structure['edges'][number][]>();
  for (const e of structure.edges) {
    const list = byParent.get(e.parentId) ?? [];
    list.push(e);
    byParent.set(e.parentId, list);
  }
  for (const list of byParent.values()) {
    list.sort((a, b) => a.sortOrder - b.sortOrder || (structure.items.get(a.childId)?.partNumber ?? '').localeCompare(structure.items.get(b.childId)?.partNumber ?? ''));
  }
  return byParent;
}

/** Gross demand per item over the whole tree (every occurrence, quantities multiplied down). */
function demandOf(top: TopLine[], byParent: ReturnType<typeof childrenIndex>) {
  const demand = new Map<string, number>();
  const walk = (itemId: string, quantity: number, depth: number, trail: Set<string>) => {
    demand.set(itemId, (demand.get(itemId) ?? 0) + quantity);
    if (depth >= MAX_DEPTH) return;
    for (const e of byParent.get(itemId) ?? []) {
      if (trail.has(e.childId)) continue;
      walk(e.childId, quantity * e.quantity, depth + 1, new Set(trail).add(e.childId));
    }
  };
  for (const l of top) walk(l.itemId, l.quantity, 1, new Set([l.itemId]));
  return demand;
}

/**
 * Parts to buy: leaves of the tree (bought, not built) whose total demand exceeds the stock
 * available in the warehouse. Built items (with components) are made from their parts.
 */
export function shortages(top: TopLine[], structure: Structure, byParent = childrenIndex(structure)): Shortage[] {
  const demand = demandOf(top, byParent);
  const out: Shortage[] = [];
  for (const [itemId, required] of demand) {
    if (byParent.has(itemId)) continue;
    const item = structure.items.get(itemId);
    if (!item) continue;
    const shortfall = qty(Math.max(0, required - item.availableStock));
    if (shortfall > 0) out.push({ itemId, partNumber: item.partNumber, name: item.name, required: qty(required), available: item.availableStock, shortfall, leadTimeDays: item.leadTimeDays ?? 0 });
  }
  return out.sort((a, b) => a.partNumber.localeCompare(b.partNumber));
}

export interface BuiltBom {
  bomItems: BomNode[];
  summary: {
    totalItems: number;
    totalLines: number;
    totalStandardParts: number;
    totalCustomParts: number;
    totalAccessories: number;
    subtotal: number;
    customPartsCost: number;
    standardPartsCost: number;
    accessoriesCost: number;
    procurementRequired: boolean;
    estimatedLeadTime: string;
  };
  availability: {
    allPartsAvailable: boolean;
    partsNeedingProcurement: number;
    customPartsCount: number;
    estimatedReadyDate: string;
    leadTimeDays: number;
    shortages: Shortage[];
  };
}

/** The BOM tree, summary and availability. `newId` names each line (ids are the caller's business). */
export function buildBom(top: TopLine[], structure: Structure, opts: { now: Date; assemblyDays: number; newId: () => string }): BuiltBom {
  const byParent = childrenIndex(structure);
  const short = shortages(top, structure, byParent);
  const shortBy = new Map(short.map((s) => [s.itemId, s]));
  let lines = 0;

  const node = (itemId: string, quantityPer: number, quantity: number, lineNumber: string, level: number, trail: Set<string>, top?: TopLine): BomNode | null => {
    const item = structure.items.get(itemId);
    if (!item) return null;
    lines++;
    const edges = level < MAX_DEPTH ? (byParent.get(itemId) ?? []).filter((e) => !trail.has(e.childId)) : [];
    const children = edges
      .map((e, i) => node(e.childId, e.quantity, qty(quantity * e.quantity), `${lineNumber}.${i + 1}`, level + 1, new Set(trail).add(e.childId)))
      .filter((n): n is BomNode => n !== null);
    const s = edges.length === 0 ? shortBy.get(itemId) : undefined;
    const category = top?.source === 'SELECTED' ? 'ACCESSORY' : top?.source === 'GENERATED' ? 'CUSTOM_PART' : item.kind;
    return {
      id: opts.newId(),
      lineNumber,
      level,
      category,
      item: { id: item.id, partNumber: item.partNumber, catalogNumber: item.catalogNumber, name: item.name, type: item.kind.toLowerCase(), isCustom: item.isCustom },
      partNumber: item.partNumber,
      catalogNumber: item.catalogNumber,
      name: item.name,
      quantity: qty(quantity),
      quantityPer: qty(quantityPer),
      unitCost: money(item.cost),
      totalCost: money(item.cost * quantity),
      source: top?.source ?? 'STRUCTURE',
      isCustom: item.isCustom,
      availableStock: item.availableStock,
      needsProcurement: s !== undefined,
      procurementQuantity: s?.shortfall ?? 0,
      leadTimeDays: item.leadTimeDays,
      estimatedLeadTime: s ? leadTimeRange(s.leadTimeDays) : null,
      notes: top?.notes ?? [],
      rules: top?.rules ?? [],
      builds: top?.builds ?? [],
      specifications: item.isCustom ? item.specifications : null,
      customReason: top?.customReason ?? null,
      subItems: children.filter((c) => c.subItems.length + c.parts.length > 0),
      parts: children.filter((c) => c.subItems.length + c.parts.length === 0),
    };
  };

  const bomItems = top.map((l, i) => node(l.itemId, l.quantity, l.quantity, String(i + 1), 1, new Set([l.itemId]), l)).filter((n): n is BomNode => n !== null);
  const cost = (src: LineSource) => money(bomItems.filter((n) => n.source === src).reduce((s, n) => s + n.totalCost, 0));
  const subtotal = money(bomItems.reduce((s, n) => s + n.totalCost, 0));
  const buyDays = Math.max(0, ...short.map((s) => s.leadTimeDays));
  const ready = new Date(Date.UTC(opts.now.getUTCFullYear(), opts.now.getUTCMonth(), opts.now.getUTCDate() + buyDays + opts.assemblyDays));
  return {
    bomItems,
    summary: {
      totalItems: bomItems.length,
      totalLines: lines,
      totalStandardParts: bomItems.filter((n) => n.source === 'CONFIGURED').length,
      totalCustomParts: bomItems.filter((n) => n.source === 'GENERATED').length,
      totalAccessories: bomItems.filter((n) => n.source === 'SELECTED').length,
      subtotal,
      customPartsCost: cost('GENERATED'),
      standardPartsCost: money(subtotal - cost('GENERATED')),
      accessoriesCost: cost('SELECTED'),
      procurementRequired: short.length > 0,
      estimatedLeadTime: leadTimeRange(buyDays),
    },
    availability: {
      allPartsAvailable: short.length === 0,
      partsNeedingProcurement: short.length,
      customPartsCount: bomItems.filter((n) => n.isCustom).length,
      estimatedReadyDate: ready.toISOString(),
      leadTimeDays: buyDays + opts.assemblyDays,
      shortages: short,
    },
  };
}

export interface FlatRow {
  lineNumber: string;
  level: number;
  partNumber: string;
  catalogNumber: string | null;
  name: string;
  category: string;
  source: string;
  quantityPer: number;
  quantity: number;
  unitCost: number;
  totalCost: number;
  availableStock: number;
  needsProcurement: boolean;
  notes: string;
}

/** Depth-first rows (sub-assemblies before loose parts, as the tree shows them), for exports. */
export function flatten(nodes: readonly BomNode[]): FlatRow[] {
  const out: FlatRow[] = [];
  const visit = (n: BomNode) => {
    out.push({
      lineNumber: n.lineNumber, level: n.level, partNumber: n.partNumber, catalogNumber: n.catalogNumber, name: n.name, category: n.category, source: n.source,
      quantityPer: n.quantityPer, quantity: n.quantity, unitCost: n.unitCost, totalCost: n.totalCost, availableStock: n.availableStock, needsProcurement: n.needsProcurement,
      notes: n.notes.join('; '),
    });
    [...n.subItems, ...n.parts].sort((a, b) => a.lineNumber.localeCompare(b.lineNumber, undefined, { numeric: true })).forEach(visit);
  };
  nodes.forEach(visit);
  return out;
}

export interface LineChange {
  partNumber: string;
  name: string;
  from: number;
  to: number;
  difference: number;
}

export interface Difference {
  added: { partNumber: string; name: string; quantity: number }[];
  removed: { partNumber: string; name: string; quantity: number }[];
  changed: LineChange[];
  unchanged: number;
}

function diff(from: Map<string, { name: string; quantity: number }>, to: Map<string, { name: string; quantity: number }>): Difference {
  const out: Difference = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const [pn, b] of to) {
    const a = from.get(pn);
    if (!a) out.added.push({ partNumber: pn, name: b.name, quantity: b.quantity });
    else if (qty(a.quantity) !== qty(b.quantity)) out.changed.push({ partNumber: pn, name: b.name, from: qty(a.quantity), to: qty(b.quantity), difference: qty(b.quantity - a.quantity) });
    else out.unchanged++;
  }
  for (const [pn, a] of from) if (!to.has(pn)) out.removed.push({ partNumber: pn, name: a.name, quantity: a.quantity });
  for (const list of [out.added, out.removed, out.changed]) list.sort((x, y) => x.partNumber.localeCompare(y.partNumber));
  return out;
}

const totals = (nodes: readonly BomNode[], topOnly: boolean) => {
  const m = new Map<string, { name: string; quantity: number }>();
  const visit = (n: BomNode) => {
    const cur = m.get(n.partNumber) ?? { name: n.name, quantity: 0 };
    cur.quantity += n.quantity;
    m.set(n.partNumber, cur);
    if (!topOnly) [...n.subItems, ...n.parts].forEach(visit);
  };
  nodes.forEach(visit);
  return m;
};

/** Two BOM versions compared: their top-level lines, and every part's total over the whole tree. */
export function compareBoms(from: readonly BomNode[], to: readonly BomNode[]) {
  return { lines: diff(totals(from, true), totals(to, true)), allParts: diff(totals(from, false), totals(to, false)) };
}
