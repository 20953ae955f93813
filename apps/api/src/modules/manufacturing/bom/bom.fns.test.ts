import { describe, expect, it } from 'vitest';
import { buildBom, compareBoms, flatten, shortages, type NodeItem, type Structure, type TopLine } from './bom.fns.js';

/** Multi-level expansion, procurement and comparison without a database. */
const item = (id: string, cost: number, stock: number, lead: number | null = 7, kind = 'PART'): NodeItem => ({
  id, partNumber: id.toUpperCase(), catalogNumber: null, name: `Item ${id}`, kind, cost, leadTimeDays: lead, isCustom: false, availableStock: stock, specifications: {},
});
const structure: Structure = {
  items: new Map([
    ['sink', item('sink', 1000, 5, 30, 'ASSEMBLY')],
    ['basin', item('basin', 300, 0, 10, 'SUB_ASSEMBLY')],
    ['bowl', item('bowl', 100, 3, 14)],
    ['bolt', item('bolt', 1, 20, 3)],
    ['kit', item('kit', 50, 0, 5, 'KIT')],
  ]),
  edges: [
    { parentId: 'sink', childId: 'basin', quantity: 2, sortOrder: 0 },
    { parentId: 'sink', childId: 'bolt', quantity: 4, sortOrder: 1 },
    { parentId: 'basin', childId: 'bowl', quantity: 1, sortOrder: 0 },
    { parentId: 'basin', childId: 'bolt', quantity: 6, sortOrder: 1 },
    { parentId: 'kit', childId: 'bolt', quantity: 2, sortOrder: 0 },
  ],
};
const top = (itemId: string, quantity: number, source: TopLine['source'] = 'CONFIGURED'): TopLine => ({ itemId, quantity, source, notes: [], component: null, rules: [], builds: [], customReason: null });
let n = 0;
const opts = { now: new Date('2025-01-17T16:30:00Z'), assemblyDays: 5, newId: () => `line-${++n}` };

describe('buildBom', () => {
  it('multiplies quantities down the tree and puts sub-assemblies under subItems, leaves under parts', () => {
    const bom = buildBom([top('sink', 2)], structure, opts);
    const sink = bom.bomItems[0]!;
    expect(sink.subItems.map((s) => `${s.partNumber} x${s.quantity}`)).toEqual(['BASIN x4']);
    expect(sink.parts.map((s) => `${s.partNumber} x${s.quantity}`)).toEqual(['BOLT x8']);
    expect(sink.subItems[0]!.parts.map((p) => `${p.partNumber} x${p.quantity} (per ${p.quantityPer})`)).toEqual(['BOWL x4 (per 1)', 'BOLT x24 (per 6)']);
    expect(sink.totalCost).toBe(2000);
  });

  it('buys leaves whose demand over the whole BOM exceeds stock, and dates the build from the slowest of them', () => {
    // Bolts: 8 + 24 (sink) + 2 (kit) = 34 against 20; bowls: 4 against 3.
    const lines = [top('sink', 2), top('kit', 1, 'SELECTED')];
    expect(shortages(lines, structure).map((s) => `${s.partNumber} ${s.required}-${s.available}=${s.shortfall}`)).toEqual(['BOLT 34-20=14', 'BOWL 4-3=1']);
    const bom = buildBom(lines, structure, opts);
    expect(bom.summary).toMatchObject({ totalItems: 2, totalStandardParts: 1, totalAccessories: 1, subtotal: 2050, procurementRequired: true, estimatedLeadTime: '1-2 weeks' });
    expect(bom.availability).toMatchObject({ allPartsAvailable: false, partsNeedingProcurement: 2, leadTimeDays: 14 + 5, estimatedReadyDate: '2025-02-05T00:00:00.000Z' });
    const bolt = bom.bomItems[0]!.parts[0]!;
    expect(bolt).toMatchObject({ needsProcurement: true, procurementQuantity: 14, estimatedLeadTime: '3 days' });
    expect(bom.bomItems[0]).toMatchObject({ needsProcurement: false });
  });

  it('needs nothing bought when stock covers the demand', () => {
    const bom = buildBom([top('kit', 3)], structure, opts);
    expect(bom.availability).toMatchObject({ allPartsAvailable: true, partsNeedingProcurement: 0, leadTimeDays: 5, estimatedReadyDate: '2025-01-22T00:00:00.000Z' });
    expect(bom.summary.estimatedLeadTime).toBe('In stock');
  });

  it('flattens depth-first with levels for the indented exports', () => {
    const rows = flatten(buildBom([top('sink', 1)], structure, opts).bomItems);
    expect(rows.map((r) => `${r.level} ${r.lineNumber} ${r.partNumber}`)).toEqual(['1 1 SINK', '2 1.1 BASIN', '3 1.1.1 BOWL', '3 1.1.2 BOLT', '2 1.2 BOLT']);
  });

  it('stops at a cycle in the structure instead of looping', () => {
    const cyclic: Structure = { items: structure.items, edges: [...structure.edges, { parentId: 'bowl', childId: 'sink', quantity: 1, sortOrder: 0 }] };
    const rows = flatten(buildBom([top('sink', 1)], cyclic, opts).bomItems);
    expect(rows.filter((r) => r.partNumber === 'SINK')).toHaveLength(1);
  });
});

describe('compareBoms', () => {
  it('names added, removed and changed lines, on top and over every part', () => {
    const a = buildBom([top('sink', 1), top('kit', 1)], structure, opts).bomItems;
    const b = buildBom([top('sink', 2), top('bolt', 5)], structure, opts).bomItems;
    const d = compareBoms(a, b);
    expect(d.lines).toEqual({
      added: [{ partNumber: 'BOLT', name: 'Item bolt', quantity: 5 }],
      removed: [{ partNumber: 'KIT', name: 'Item kit', quantity: 1 }],
      changed: [{ partNumber: 'SINK', name: 'Item sink', from: 1, to: 2, difference: 1 }],
      unchanged: 0,
    });
    expect(d.allParts.changed.find((c) => c.partNumber === 'BOLT')).toEqual({ partNumber: 'BOLT', name: 'Item bolt', from: 4 + 12 + 2, to: 8 + 24 + 5, difference: 19 });
  });
});
