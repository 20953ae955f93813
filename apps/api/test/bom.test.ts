import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, expectError, json, type Session, type TestContext } from './harness.js';
import { warehouseIds } from './parts-fixtures.js';
import { MDRD, SPEC_CONFIGURATION } from './sink-configurations.js';
import { CUSTOMER, manufacturingPeople } from './order-fixtures.js';

/** Spec 4.2 and the BOM documents through HTTP: generation, custom parts, versions, approval, comparison, exports, roles and sites. */
let t: TestContext;
let coordinator: Session;
let admin: Session;
let assembler: Session;
let qc: Session;
let procurement: Session;
let serviceTech: Session;
let sites: { main: string; north: string };
// BOMs are saved against real orders (the orders module refuses unknown ones); drafts keep their BOMs open.
let exampleOrder: string;
let order: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ coordinator, admin, assembler, qc, procurement, serviceTech } = await manufacturingPeople(t));
  sites = await warehouseIds(t.app, admin);
  const draft = async () => json(await post(coordinator, '/api/v1/orders/draft', { customer: CUSTOMER })).data.orderId as string;
  [exampleOrder, order] = [await draft(), await draft()];
});
afterAll(async () => t?.close());

const post = (s: Session, url: string, payload: unknown, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url, headers: { ...bearer(s), ...headers }, payload: payload as object });
const get = (s: Session, url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers: { ...bearer(s), ...headers } });
async function generate(s: Session, payload: Record<string, unknown>, status = 201) {
  const res = await post(s, '/api/v1/bom/generate', payload);
  if (res.statusCode !== status) throw new Error(`generate: ${res.statusCode} ${res.body}`);
  return json(res).data;
}
const count = async (sql: string, params: unknown[] = []) => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]!.n;
type Node = { partNumber: string; quantity: number; subItems: Node[]; parts: Node[]; [k: string]: unknown };
const find = (nodes: Node[], pn: string): Node | undefined => {
  for (const n of nodes) {
    if (n.partNumber === pn) return n;
    const hit = find([...n.subItems, ...n.parts], pn);
    if (hit) return hit;
  }
  return undefined;
};

describe('POST /bom/generate (spec 4.2)', () => {
  it('expands the spec example: two CleanStation Pro 48 sinks, the custom pegboard and an accessory, with stock and procurement', async () => {
    const bom = await generate(coordinator, {
      orderId: exampleOrder, buildNumber: 'B-001',
      sinkConfigurations: [{ sinkId: '550e8400-e29b-41d4-a716-446655440100', quantity: 2, configuration: SPEC_CONFIGURATION }],
      accessories: [{ partNumber: 'ACC-1001', quantity: 2 }],
    });
    expect(bom).toMatchObject({ version: 1, status: 'DRAFT', orderId: exampleOrder, buildNumber: 'B-001', generatedBy: { name: 'Paula Coordinator', role: 'PRODUCTION_COORDINATOR' } });
    const [sink, peg, acc] = bom.bomItems;
    expect(sink).toMatchObject({ category: 'ASSEMBLY', item: { partNumber: 'SINK-CS-PRO-48', type: 'assembly' }, quantity: 2, unitCost: 3500, totalCost: 7000, source: 'CONFIGURED', isCustom: false });
    const basin = sink.subItems.find((n: Node) => n.partNumber === 'SUB-BASIN-48-SS');
    expect(basin).toMatchObject({ quantity: 2, unitCost: 850, totalCost: 1700 });
    expect(basin.parts.find((p: Node) => p.partNumber === 'BASIN-48-316L')).toMatchObject({ name: 'Basin Bowl 48-inch 316L', quantity: 2, unitCost: 450, totalCost: 900, availableStock: 25, needsProcurement: false });
    expect(basin.parts.find((p: Node) => p.partNumber === 'DRAIN-3-CENTER')).toMatchObject({ quantity: 2, unitCost: 125, totalCost: 250, availableStock: 48, needsProcurement: false });
    // 8 bolts per basin assembly, two sinks, 15 in stock: one to buy.
    expect(basin.parts.find((p: Node) => p.partNumber === 'BOLT-SS-M8X25')).toMatchObject({ quantity: 16, quantityPer: 8, availableStock: 15, needsProcurement: true, procurementQuantity: 1 });
    expect(peg).toMatchObject({
      category: 'CUSTOM_PART', source: 'GENERATED', isCustom: true, quantity: 2, unitCost: 125, totalCost: 250, availableStock: 0, needsProcurement: true, estimatedLeadTime: '2-3 weeks',
      item: { name: 'Custom Pegboard Assembly Universal 24x18', type: 'part', isCustom: true },
      specifications: { dimensions: '24x18x0.125', material: '316L Stainless Steel', holePattern: 'Universal 0.25" holes on 1" centers', finish: 'Brushed #4' },
    });
    expect(peg.partNumber).toMatch(/^700-\d{4}$/);
    expect(acc).toMatchObject({ category: 'ACCESSORY', source: 'SELECTED', partNumber: 'ACC-1001', quantity: 2, unitCost: 75, totalCost: 150, availableStock: 12, needsProcurement: false });
    expect(bom.summary).toMatchObject({ totalItems: 3, totalStandardParts: 1, totalCustomParts: 1, totalAccessories: 1, subtotal: 7400, customPartsCost: 250, standardPartsCost: 7150, procurementRequired: true, estimatedLeadTime: '2-3 weeks' });
    expect(bom.availability).toMatchObject({ allPartsAvailable: false, customPartsCount: 1, leadTimeDays: 21 + 5 });
    expect(bom.availability.shortages.map((s: { partNumber: string }) => s.partNumber)).toEqual(expect.arrayContaining(['BOLT-SS-M8X25', peg.partNumber]));
    const today = new Date();
    expect(bom.availability.estimatedReadyDate).toBe(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 26)).toISOString());
    expect(bom.estimatedPrice).toBe(2 * 4250);
  });

  it('reuses the custom part of the same specification, also when requests race', async () => {
    const pegboard = { size: 'CUSTOM', holePattern: 'UNIVERSAL', material: 'STAINLESS_STEEL', customDimensions: { width: 33, length: 21 } };
    const body = { preview: true, sinkConfigurations: [{ sinkFamilyId: 'CSP', configuration: { ...SPEC_CONFIGURATION, pegboard } }] };
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => post(coordinator, '/api/v1/bom/generate', body)));
    const numbers = results.map((r) => {
      expect(r.statusCode).toBe(200);
      return json(r).data.bomItems[1].partNumber;
    });
    expect(new Set(numbers).size).toBe(1);
    expect(await count(`items WHERE part_number = $1`, [numbers[0]])).toBe(1);
    const again = await generate(coordinator, body, 200);
    expect(again.bomItems[1].partNumber).toBe(numbers[0]);
    const v = json(await post(coordinator, '/api/v1/configurations/validate', { sinkFamilyId: 'CSP', configuration: { ...SPEC_CONFIGURATION, pegboard } })).data;
    expect(v.customPartsRequired[0].partNumber).toBe(numbers[0]);
  });

  it('builds a three-basin MDRD BOM with accessories, its custom basin made once from sheet and filler (and shown where those are used)', async () => {
    const bom = await generate(coordinator, {
      preview: true,
      sinkConfigurations: [{ sinkFamilyId: 'MDRD_T2', configuration: MDRD(), accessories: [{ partNumber: 'T-OA-SSSHELF-1812-BOLT-ON-KIT', quantity: 2 }, { partNumber: 'T2-OA-SC-2420-SS', quantity: 1 }] }],
    }, 200);
    expect(bom).toMatchObject({ bomId: null, status: 'PREVIEW', version: null });
    expect(bom.bomItems.map((n: Node) => `${n.partNumber} x${n.quantity}`)).toEqual([
      'T2-STD-MANUAL-EN-KIT x1', 'T2-BODY-73-120-HA x1', 'T2-DL27-KIT x1', 'T2-LEVELING-CASTOR-475 x1', 'T2-OHL-MDRD-KIT x1', 'T2-ADW-PB-SOLID-KIT x1', 'T2-ADW-PB-9636 x1',
      'T-OA-PB-COLOR x1', 'T2-BSN-EDR-KIT x1', 'T2-BSN-ESK-KIT x1', 'T2-BSN-ESK-DI-KIT x1', 'T2-ADW-BASIN24X20X8 x1', 'T2-ADW-BASIN24X20X10 x1', 'T2-ADW-BASIN-22x20x9 x1',
      'T2-OA-MS-1026 x2', 'T2-OA-BASIN-LIGHT-EDR-KIT x1', 'T2-CTRL-EDR1-ESK2 x1', 'T2-OA-STD-FAUCET-WB-KIT x1', 'T2-OA-DI-GOOSENECK-FAUCET-KIT x1', 'T2-OA-WATERGUN-TURRET-KIT x1',
      'T-OA-SSSHELF-1812-BOLT-ON-KIT x2', 'T2-OA-SC-2420-SS x1',
    ]);
    expect(bom.bomItems.find((n: Node) => n.partNumber === 'T-OA-PB-COLOR').notes).toEqual(['Colour: GREEN']);
    expect(bom.bomItems[0]).toMatchObject({ catalogNumber: null, item: { catalogNumber: null } });
    expect(bom.bomItems[1]).toMatchObject({ catalogNumber: '709.84' });
    const custom = bom.bomItems.find((n: Node) => n.partNumber === 'T2-ADW-BASIN-22x20x9');
    expect(custom).toMatchObject({ source: 'GENERATED', category: 'CUSTOM_PART', catalogNumber: '720.215.001', isCustom: true, unitCost: 527.2 });
    expect(custom.parts.map((p: Node) => `${p.partNumber} x${p.quantity}`)).toEqual(['SS-SHEET-14GA x1', 'WELD-FILLER-316L x1']);
    // Quantities multiply down the tree: two P-trap kits, each with one trap.
    expect(find(bom.bomItems, 'T2-OA-MS-1026')!.parts.find((p) => p.partNumber === 'PTRAP-1.5-SS')!.quantity).toBe(2);
    expect(bom.summary).toMatchObject({ totalItems: 22, totalCustomParts: 1, totalAccessories: 2 });
    expect(bom.sinkConfigurations).toEqual([expect.objectContaining({ sinkFamily: expect.objectContaining({ code: 'MDRD_T2' }), quantity: 1 })]);

    // Where-used: the configured custom basin is in the part page of the sheet it is made from.
    const sheet = (await t.db.query<{ id: string }>(`SELECT id FROM items WHERE part_number = 'SS-SHEET-14GA'`)).rows[0]!.id;
    const page = json(await get(procurement, `/api/v1/inventory/parts/${sheet}`)).data;
    expect(page.usedInAssemblies.map((u: { partNumber: string }) => u.partNumber)).toContain('T2-ADW-BASIN-22x20x9');
    const basinPage = json(await get(procurement, `/api/v1/inventory/parts/${custom.item.id}`)).data;
    expect(basinPage).toMatchObject({ partNumber: 'T2-ADW-BASIN-22x20x9', catalogNumber: '720.215.001', isCustom: true });
    expect(await count(`items WHERE upper(part_number) = 'T2-ADW-BASIN-22X20X9'`)).toBe(1);
  });

  it('answers 422 with every problem (the same as validate) and writes nothing', async () => {
    const bad = MDRD({
      body: { model: 'T2-B2', length: 130, width: 30, legs: { type: 'FIXED_HEIGHT', model: 'LC1' }, feet: 'LEVELING_CASTERS' },
      basins: [{ type: 'E_SINK_DI', size: { width: 41, length: 20, depth: 9 } }, { type: 'E_SINK', size: '24X20X8' }, { type: 'E_DRAIN', size: '24X20X8' }],
      faucets: [{ type: 'WRIST_BLADE', placement: 'BASIN_1' }, { type: 'WRIST_BLADE', placement: 'BASIN_2' }, { type: 'PRE_RINSE', placement: 'BASIN_3' }],
    });
    const before = { items: await count('items'), boms: await count('boms') };
    const res = await post(coordinator, '/api/v1/bom/generate', { orderId: '550e8400-e29b-41d4-a716-446655440099', sinkConfigurations: [{ sinkFamilyId: 'MDRD_T2', configuration: bad }], accessories: [{ partNumber: 'NOT-A-PART' }] });
    const err = expectError(res, 422, 'VALIDATION_ERROR');
    const validated = json(await post(coordinator, '/api/v1/configurations/validate', { sinkFamilyId: 'MDRD_T2', configuration: bad })).data;
    const strip = ({ sinkConfiguration: _s, ...rest }: Record<string, unknown>) => rest;
    expect(err.details!.filter((d) => (d as { sinkConfiguration?: number }).sinkConfiguration === 0).map(strip)).toEqual(validated.errors);
    expect(err.details!.map((d) => d.code).sort()).toEqual(['ACCESSORY_NOT_FOUND', 'BASIN_COUNT_MISMATCH', 'DI_BASIN_REQUIRES_GOOSENECK', 'OPTION_NOT_AVAILABLE', 'OUT_OF_RANGE', 'TOO_MANY_FAUCETS']);
    expect({ items: await count('items'), boms: await count('boms') }).toEqual(before);
    expect(await count(`items WHERE upper(part_number) = 'T2-ADW-BASIN-41X20X9'`)).toBe(0);
    const unknown = expectError(await post(coordinator, '/api/v1/bom/generate', { sinkConfigurations: [{ sinkFamilyId: 'NOPE', configuration: {} }] }), 422);
    expect(unknown.details).toEqual([expect.objectContaining({ field: 'sinkFamilyId', code: 'UNKNOWN_FAMILY', sinkConfiguration: 0 })]);
  });

  it('answers repeat previews from the catalog caches, and a change to stock, cost or structure reaches the next one (decision 0019)', async () => {
    const body = { preview: true, sinkConfigurations: [{ sinkFamilyId: 'CSP', configuration: SPEC_CONFIGURATION }] };
    const basinOf = async () => {
      const bom = json(await post(coordinator, '/api/v1/bom/generate', body)).data;
      const basin = find(bom.bomItems, 'BASIN-48-316L')!;
      return { availableStock: basin.availableStock as number, unitCost: basin.unitCost as number, parts: basin.parts.map((p) => p.partNumber) };
    };
    const before = await basinOf();
    expect(await basinOf()).toEqual(before);
    const basinId = (await t.db.query<{ id: string }>(`SELECT id FROM items WHERE part_number = 'BASIN-48-316L'`)).rows[0]!.id;
    // Committed through the app's own database, as a receipt or an item edit would be.
    await t.db.transaction((tx) => tx.query(`UPDATE stock SET quantity_on_hand = quantity_on_hand + 100 WHERE item_id = $1 AND warehouse_id = $2`, [basinId, sites.main]));
    expect((await basinOf()).availableStock).toBe(before.availableStock + 100);
    await t.db.transaction((tx) => tx.query(`UPDATE items SET cost = cost + 10 WHERE id = $1`, [basinId]));
    expect((await basinOf()).unitCost).toBe(before.unitCost + 10);
    const extraId = (await t.db.query<{ id: string }>(`SELECT id FROM items WHERE part_number = 'DRAIN-3-CENTER'`)).rows[0]!.id;
    expect(before.parts).not.toContain('DRAIN-3-CENTER');
    await t.db.transaction((tx) => tx.query(`INSERT INTO item_components (parent_id, child_id, quantity, sort_order) VALUES ($1, $2, 2, 99)`, [basinId, extraId]));
    expect((await basinOf()).parts).toContain('DRAIN-3-CENTER');
    await t.db.transaction(async (tx) => {
      await tx.query(`DELETE FROM item_components WHERE parent_id = $1 AND child_id = $2`, [basinId, extraId]);
      await tx.query(`UPDATE items SET cost = cost - 10 WHERE id = $1`, [basinId]);
      await tx.query(`UPDATE stock SET quantity_on_hand = quantity_on_hand - 100 WHERE item_id = $1 AND warehouse_id = $2`, [basinId, sites.main]);
    });
    expect(await basinOf()).toEqual(before);
  });

  it('is for PRODUCTION_COORDINATOR and ADMIN only (spec 12.2)', async () => {
    const body = { preview: true, sinkConfigurations: [{ sinkFamilyId: 'CSP', configuration: SPEC_CONFIGURATION }] };
    expect((await post(admin, '/api/v1/bom/generate', body)).statusCode).toBe(200);
    for (const s of [assembler, qc, procurement, serviceTech]) expectError(await post(s, '/api/v1/bom/generate', body), 403, 'AUTH_INSUFFICIENT_PERMISSIONS');
  });
});

describe('BOM documents: versions, approval, comparison, exports', () => {
  let v1: { bomId: string };
  let v2: { bomId: string };
  let v3: { bomId: string };

  it('numbers regenerations of an order build as versions; older drafts become SUPERSEDED', async () => {
    v1 = await generate(coordinator, { orderId: order, buildNumber: 'T2-0001', sinkConfigurations: [{ sinkFamilyId: 'MDRD_T2', configuration: MDRD() }] });
    v2 = await generate(coordinator, { orderId: order, buildNumber: 'T2-0001', sinkConfigurations: [{ sinkFamilyId: 'MDRD_T2', configuration: MDRD({ documentLanguage: 'FR' }) }] });
    expect(v2).toMatchObject({ version: 2, status: 'DRAFT' });
    expect(json(await get(coordinator, `/api/v1/bom/${v1.bomId}`)).data).toMatchObject({ version: 1, status: 'SUPERSEDED' });
    const other = await generate(coordinator, { orderId: order, buildNumber: 'T2-0002', sinkConfigurations: [{ sinkFamilyId: 'MDRD_T2', configuration: MDRD() }] });
    expect(other.version).toBe(1);
  });

  it('is approved by PRODUCTION_COORDINATOR or ADMIN, and an APPROVED version cannot change (409)', async () => {
    expectError(await post(assembler, `/api/v1/bom/${v2.bomId}/approve`, {}), 403);
    expectError(await post(coordinator, `/api/v1/bom/${v1.bomId}/approve`, {}), 409, 'RESOURCE_CONFLICT');
    const approved = json(await post(coordinator, `/api/v1/bom/${v2.bomId}/approve`, {})).data;
    expect(approved).toMatchObject({ status: 'APPROVED', approvedBy: { name: 'Paula Coordinator' } });
    const again = expectError(await post(admin, `/api/v1/bom/${v2.bomId}/approve`, {}), 409);
    expect(again.details![0]!.code).toBe('BOM_ALREADY_APPROVED');
    const edit = expectError(await t.app.inject({ method: 'PATCH', url: `/api/v1/bom/${v2.bomId}`, headers: bearer(coordinator), payload: { notes: 'change' } }), 409, 'RESOURCE_CONFLICT');
    expect(edit.details![0]!.code).toBe('BOM_APPROVED_IMMUTABLE');
    expect(edit.message).toMatch(/APPROVED and cannot be changed: regenerate/);
  });

  it('regenerates an approved BOM as a new draft, which supersedes it once approved', async () => {
    const res = await post(coordinator, `/api/v1/bom/${v2.bomId}/regenerate`, { sinkConfigurations: [{ sinkFamilyId: 'MDRD_T2', quantity: 2, configuration: MDRD({ documentLanguage: 'FR', sprayers: [] }) }], accessories: [{ partNumber: 'T-OA-MNT-ARM', quantity: 1 }] });
    expect(res.statusCode).toBe(201);
    v3 = json(res).data;
    expect(v3).toMatchObject({ version: 3, status: 'DRAFT', orderId: order, buildNumber: 'T2-0001' });
    expect(json(await get(coordinator, `/api/v1/bom/${v2.bomId}`)).data.status).toBe('APPROVED');
    const patched = json(await t.app.inject({ method: 'PATCH', url: `/api/v1/bom/${v3.bomId}`, headers: bearer(coordinator), payload: { notes: 'Two units for the north wing' } })).data;
    expect(patched.notes).toBe('Two units for the north wing');
    await post(admin, `/api/v1/bom/${v3.bomId}/approve`, {});
    const list = json(await get(assembler, `/api/v1/bom/${v3.bomId}/versions`)).data;
    expect(list.versions.map((v: { version: number; status: string }) => `${v.version} ${v.status}`)).toEqual(['3 APPROVED', '2 SUPERSEDED', '1 SUPERSEDED']);
  });

  it('compares two versions: added, removed and changed quantities', async () => {
    const diff = json(await get(qc, `/api/v1/bom/${v1.bomId}/compare/${v3.bomId}`)).data;
    expect(diff).toMatchObject({ from: { version: 1 }, to: { version: 3 }, sameSeries: true });
    expect(diff.lines.added.map((a: { partNumber: string }) => a.partNumber)).toEqual(['T-OA-MNT-ARM', 'T2-STD-MANUAL-FR-KIT']);
    expect(diff.lines.removed.map((a: { partNumber: string }) => a.partNumber)).toEqual(['T2-OA-WATERGUN-TURRET-KIT', 'T2-STD-MANUAL-EN-KIT']);
    expect(diff.lines.changed).toContainEqual({ partNumber: 'T2-BODY-73-120-HA', name: expect.any(String), from: 1, to: 2, difference: 1 });
    expect(diff.allParts.changed.find((c: { partNumber: string }) => c.partNumber === 'SS-SHEET-14GA')).toMatchObject({ difference: expect.any(Number) });
  });

  it('exports CSV, XLSX and an indented PDF with order, build and revision', async () => {
    const csv = await get(procurement, `/api/v1/bom/${v3.bomId}/export?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/bom-T2-0001-rev3-/);
    const lines = csv.body.replace(/^\ufeff/, '').split(/\r?\n/);
    expect(lines[0]).toMatch(/^Level,Line,Part number,Catalog,Name,Source,Qty per,Quantity/);
    // Depth-first and indented by level: the body, then its parts with their line numbers.
    const body = lines.findIndex((l) => l.startsWith('1,2,T2-BODY-73-120-HA,709.84,'));
    expect(body).toBeGreaterThan(0);
    expect(lines[body + 1]).toMatch(/^2,2\.1,/);
    const xlsx = await get(procurement, `/api/v1/bom/${v3.bomId}/export?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await get(procurement, `/api/v1/bom/${v3.bomId}/export?format=pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    expectError(await get(serviceTech, `/api/v1/bom/${v3.bomId}/export?format=csv`), 403);
  });

  it('keeps another warehouse\'s BOM ids and lists hidden (row-level security)', async () => {
    const mine = json(await get(coordinator, '/api/v1/bom?limit=100')).data.boms.map((b: { bomId: string }) => b.bomId);
    expect(mine).toContain(v3.bomId);
    const north = { 'x-warehouse-id': sites.north };
    expectError(await get(admin, `/api/v1/bom/${v3.bomId}`, north), 404, 'RESOURCE_NOT_FOUND');
    expectError(await get(admin, `/api/v1/bom/${v3.bomId}/versions`, north), 404);
    expectError(await get(admin, `/api/v1/bom/${v3.bomId}/export?format=csv`, north), 404);
    expectError(await post(admin, `/api/v1/bom/${v3.bomId}/regenerate`, {}, north), 404);
    expect(json(await get(admin, '/api/v1/bom?limit=100', north)).data.boms).toEqual([]);
    const made = await post(admin, '/api/v1/bom/generate', { sinkConfigurations: [{ sinkFamilyId: 'CSS', configuration: { body: { material: 'STAINLESS_STEEL_316L', size: '30x20x34', mounting: 'FLOOR_MOUNTED' }, basin: { type: 'SINGLE_BASIN', depth: '10_INCH', drainPosition: 'CENTER' } } }] }, north);
    expect(made.statusCode).toBe(201);
    const northBom = json(made).data;
    expect(northBom.warehouseId).toBe(sites.north);
    expectError(await get(coordinator, `/api/v1/bom/${northBom.bomId}`), 404);
    expectError(await post(coordinator, `/api/v1/bom/${northBom.bomId}/approve`, {}), 404);
    expect(json(await get(coordinator, '/api/v1/bom?limit=100')).data.boms.map((b: { bomId: string }) => b.bomId)).not.toContain(northBom.bomId);
    expect(json(await get(admin, '/api/v1/bom?limit=100', north)).data.boms.map((b: { bomId: string }) => b.bomId)).toEqual([northBom.bomId]);
    expectError(await get(coordinator, `/api/v1/bom/${v1.bomId}/compare/00000000-0000-4000-8000-000000000000`), 404);
  });

  it('pages the list with a cursor and filters it', async () => {
    const first = json(await get(coordinator, `/api/v1/bom?limit=2&orderId=${order}`)).data;
    expect(first.boms).toHaveLength(2);
    const rest = json(await get(coordinator, `/api/v1/bom?limit=2&orderId=${order}&cursor=${first.nextCursor}`)).data;
    const all = [...first.boms, ...rest.boms].map((b: { bomId: string }) => b.bomId);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(4);
    const latest = json(await get(coordinator, `/api/v1/bom?orderId=${order}&latestOnly=true`)).data.boms;
    expect(latest.map((b: { buildNumber: string; version: number }) => `${b.buildNumber} v${b.version}`).sort()).toEqual(['T2-0001 v3', 'T2-0002 v1']);
    expectError(await get(coordinator, '/api/v1/bom?cursor=bogus'), 422);
  });
});

describe('OpenAPI', () => {
  it('documents the configurator and BOM routes with their statuses', async () => {
    const spec = json(await t.app.inject({ url: '/api/openapi.json' }));
    const paths = spec.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
    expect(Object.keys(paths['/api/v1/bom/generate']!.post!.responses).sort()).toEqual(expect.arrayContaining(['200', '201', '422']));
    expect(Object.keys(paths['/api/v1/bom/{bomId}/approve']!.post!.responses)).toEqual(expect.arrayContaining(['200', '409']));
    expect(Object.keys(paths['/api/v1/bom/{bomId}']!.patch!.responses)).toEqual(expect.arrayContaining(['200', '409']));
    for (const p of ['/api/v1/bom', '/api/v1/bom/{bomId}/versions', '/api/v1/bom/{bomId}/compare/{otherBomId}', '/api/v1/bom/{bomId}/export', '/api/v1/bom/{bomId}/regenerate',
      '/api/v1/configurations/sink-families', '/api/v1/configurations/validate', '/api/v1/configurations/templates']) {
      expect(paths[p], p).toBeDefined();
    }
  });
});
