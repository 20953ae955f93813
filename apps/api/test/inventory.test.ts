import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, expectError, json, login, type Session, type TestContext } from './harness.js';

let t: TestContext;
let procurement: Session;
beforeAll(async () => {
  t = await createTestApp();
  procurement = await login(t.app, 'procurement@plantops.local');
});
afterAll(async () => t?.close());

const get = (s: Session, url: string) => t.app.inject({ url, headers: bearer(s) });
const data = async (s: Session, url: string) => {
  const res = await get(s, url);
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return json(res).data;
};
const search = (s: Session, query: string, extra = '') => data(s, `/api/v1/inventory/search?query=${encodeURIComponent(query)}${extra}`);
const idOf = async (partNumber: string) => (await search(procurement, partNumber, '&limit=1')).results[0].id as string;

describe('hierarchical browsing (spec 3.1)', () => {
  it('walks categories > assemblies > sub-assemblies > parts with the spec examples', async () => {
    const cats = await data(procurement, '/api/v1/inventory/categories');
    expect(cats.categories.map((c: { name: string }) => c.name)).toEqual(['Sinks', 'Assemblies', 'Sub-Assemblies', 'Parts', 'Accessories', 'Service Parts']);
    expect(cats.totalCategories).toBe(6);
    const sinks = cats.categories[0];
    expect(sinks.assemblyCount).toBeGreaterThanOrEqual(2);

    const assemblies = await data(procurement, `/api/v1/inventory/categories/${sinks.id}/assemblies?search=48`);
    const pro = assemblies.assemblies.find((a: { partNumber: string }) => a.partNumber === 'SINK-CS-PRO-48');
    expect(pro).toMatchObject({ name: 'CleanStation Pro 48-inch', cost: 3500, specifications: { dimensions: '48x24x36' } });
    expect(assemblies.pagination).toMatchObject({ currentPage: 1, itemsPerPage: 20 });

    const subs = await data(procurement, `/api/v1/inventory/assemblies/${pro.id}/sub-assemblies`);
    const basin = subs.subAssemblies.find((x: { partNumber: string }) => x.partNumber === 'SUB-BASIN-48-SS');
    expect(basin).toMatchObject({ cost: 850, isRequired: true, partCount: 5 });

    const parts = await data(procurement, `/api/v1/inventory/sub-assemblies/${basin.id}/parts`);
    expect(parts.parts.map((p: { partNumber: string }) => p.partNumber)).toEqual(expect.arrayContaining(['BASIN-48-316L', 'DRAIN-3-CENTER']));
    const bowl = parts.parts.find((p: { partNumber: string }) => p.partNumber === 'BASIN-48-316L');
    expect(bowl).toMatchObject({ cost: 450, quantityOnHand: 25, reorderLevel: 5, supplier: { name: 'Stainless Supply Co', partNumber: 'SS-BASIN-48-316L' } });
    expect(parts.totalValue).toBe(450 + 125 + 15 + 8 * 2.5 + 8 * 0.4);
  });

  it('answers unknown ids with 404 and malformed ones with 400', async () => {
    expectError(await get(procurement, '/api/v1/inventory/categories/00000000-0000-4000-8000-000000000000/assemblies'), 404, 'RESOURCE_NOT_FOUND');
    expectError(await get(procurement, '/api/v1/inventory/parts/00000000-0000-4000-8000-000000000000'), 404);
    expectError(await get(procurement, '/api/v1/inventory/parts/nope'), 400);
  });
});

describe('search (spec 3.2)', () => {
  it('tolerates typos and reports the correction', async () => {
    const drian = await search(procurement, 'drian');
    expect(drian.correctedQuery).toBe('drain');
    expect(drian.results[0].partNumber).toMatch(/DRAIN/);
    const gaskte = await search(procurement, 'gaskte');
    expect(gaskte.results.map((r: { partNumber: string }) => r.partNumber)).toContain('GASKET-DRAIN-3');
    const basn = await search(procurement, 'basn bowl');
    expect(basn.results[0].partNumber).toMatch(/^BASIN-\d+-316L$/);
  });

  it('ranks items matching more words first and finds exact part and catalog numbers', async () => {
    const res = await search(procurement, 'stainless steel basin');
    expect(res.results[0].name).toMatch(/Basin/);
    expect(res.results[0].relevanceScore).toBe(1);
    expect((await search(procurement, 'BASIN-48-316L')).results[0].partNumber).toBe('BASIN-48-316L');
    expect((await search(procurement, '709.82')).results[0].partNumber).toBe('T2-BODY-48-60-HA');
  });

  it('searches the category tree itself with type=category', async () => {
    const res = await search(procurement, 'sinks', '&type=category');
    expect(res.results[0]).toMatchObject({ type: 'category', name: 'Sinks', categoryPath: 'Sinks', partNumber: null });
    expect(res.pagination.totalItems).toBeGreaterThanOrEqual(1);
    const all = await data(procurement, '/api/v1/inventory/search?type=category&limit=100');
    expect(all.results.every((r: { type: string }) => r.type === 'category')).toBe(true);
    expect(all.results.some((r: { categoryPath: string }) => r.categoryPath.includes(' > '))).toBe(true);
  });

  it('filters by type, cost and stock, and returns facets and category paths', async () => {
    const res = await search(procurement, 'basin', '&type=part&minCost=100&maxCost=500&inStock=true');
    expect(res.results.length).toBeGreaterThan(0);
    for (const r of res.results) {
      expect(r.type).toBe('part');
      expect(r.cost).toBeGreaterThanOrEqual(100);
      expect(r.cost).toBeLessThanOrEqual(500);
      expect(r.quantityOnHand).toBeGreaterThan(0);
    }
    const bowl = res.results.find((r: { partNumber: string }) => r.partNumber === 'BASIN-48-316L');
    expect(bowl.categoryPath).toBe('Sinks > CleanStation Pro 48-inch > Basin Assembly 48-inch Stainless');
    expect(res.filters.available.priceRanges.find((b: { min: number }) => b.min === 100).count).toBe(res.pagination.totalItems);
    expect(res.filters.available.categories.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(res.pagination.totalItems);
  });

  it('refuses a limit above 100 and an inverted price range', async () => {
    expectError(await get(procurement, '/api/v1/inventory/search?query=x&limit=101'), 400, 'VALIDATION_ERROR');
    expectError(await get(procurement, '/api/v1/inventory/search?minCost=10&maxCost=5'), 400);
    expectError(await get(procurement, '/api/v1/inventory/search?type=widget'), 400);
  });
});

describe('part detail and stock operations (spec 3.3)', () => {
  it('shows category path, where-used, stock per warehouse and history', async () => {
    const admin = await login(t.app, 'admin@plantops.local');
    const detail = await data(admin, `/api/v1/inventory/parts/${await idOf('BASIN-48-316L')}`);
    expect(detail.categoryPath.map((p: { type: string }) => p.type)).toEqual(['category', 'assembly', 'sub_assembly']);
    expect(detail.usedInAssemblies).toContainEqual(expect.objectContaining({ partNumber: 'SUB-BASIN-48-SS', quantity: 1 }));
    expect(detail.stockByWarehouse.map((s: { warehouseCode: string }) => s.warehouseCode)).toEqual(['MAIN', 'NORTH']);
    expect(detail.quantityOnHand).toBe(33);
    expect(detail.inventoryHistory[0]).toMatchObject({ type: 'INBOUND', reason: 'Opening balance' });
    expect(detail.supplier).toMatchObject({ name: 'Stainless Supply Co', contactInfo: { phone: '+1-800-555-0199' } });
    // A site-bound role sees only its own warehouse's stock.
    const north = await login(t.app, 'technician-north@plantops.local');
    const northView = await data(north, `/api/v1/inventory/parts/${detail.id}`);
    expect(northView.stockByWarehouse.map((s: { warehouseCode: string }) => s.warehouseCode)).toEqual(['NORTH']);
    expect(northView.quantityOnHand).toBe(8);
  });

  it('adjusts quantity through the ledger and never below zero', async () => {
    const id = await idOf('DRAIN-3-CENTER');
    const put = (payload: object) => t.app.inject({ method: 'PUT', url: `/api/v1/inventory/parts/${id}/quantity`, headers: bearer(procurement), payload });
    const res = await put({ quantityChange: -5, reason: 'Used in production order TOR-2025-0001' });
    expect(json(res).data).toMatchObject({ partNumber: 'DRAIN-3-CENTER', previousQuantity: 48, quantityChange: -5, newQuantity: 43, needsReorder: false, reorderLevel: 10, updatedBy: { role: 'PROCUREMENT' } });
    expectError(await put({ quantityChange: -1000, reason: 'Too many' }), 409, 'BUSINESS_INSUFFICIENT_INVENTORY');
    expectError(await put({ quantityChange: 0, reason: 'Nothing' }), 422);
    expectError(await put({ quantityChange: -1 }), 422);
    const after = await data(procurement, `/api/v1/inventory/parts/${id}`);
    expect(after.quantityOnHand).toBe(43);
    // the history says who moved the stock and at which site
    expect(after.inventoryHistory[0]).toMatchObject({
      quantityChange: -5, reason: 'Used in production order TOR-2025-0001',
      performedBy: { id: procurement.user.id, name: expect.stringMatching(/\S \S/) },
      warehouse: { code: 'MAIN', name: 'Main Plant' },
    });
    const negative = await put({ quantityChange: -50, reason: 'Cycle count found fewer', allowNegative: true });
    expect(json(negative).data.newQuantity).toBe(-7);
  });

  it('is refused to roles without inventory:update', async () => {
    const assembler = await login(t.app, 'assembler@plantops.local');
    expectError(await t.app.inject({ method: 'PUT', url: `/api/v1/inventory/parts/${await idOf('NUT-SS-M8')}/quantity`, headers: bearer(assembler), payload: { quantityChange: 1, reason: 'found one' } }), 403);
    expectError(await t.app.inject({ method: 'POST', url: '/api/v1/inventory/parts', headers: bearer(assembler), payload: { name: 'X part', cost: 1, partNumber: 'X-1' } }), 403);
    // Reading what runs low takes only inventory:read (spec 3.3).
    expect((await get(assembler, '/api/v1/inventory/low-stock')).statusCode).toBe(200);
  });

  it('creates custom 700-series parts from a sequence and reuses the number for the same specification', async () => {
    const basinId = await idOf('SUB-BASIN-48-SS');
    const body = {
      subAssemblyId: basinId, name: 'Custom Basin Extension', cost: 275, isCustom: true, reorderLevel: 2,
      specifications: { material: '316L Stainless Steel', dimensions: '12x6x2' }, supplier: { name: 'Stainless Supply Co', supplierPartNumber: 'SS-CUSTOM-001' },
    };
    const post = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/inventory/parts', headers: bearer(procurement), payload });
    const first = await post(body);
    expect(first.statusCode).toBe(201);
    const created = json(first).data;
    expect(created.partNumber).toMatch(/^700-\d{4}$/);
    expect(created.subAssembly).toEqual({ id: basinId, name: 'Basin Assembly 48-inch Stainless' });
    expect(created.supplier).toMatchObject({ name: 'Stainless Supply Co', supplierPartNumber: 'SS-CUSTOM-001' });
    const again = await post({ ...body, specifications: { dimensions: '12x6x2', material: '316l stainless steel ' } });
    expect(again.statusCode).toBe(200);
    expect(json(again).data).toMatchObject({ id: created.id, partNumber: created.partNumber, reused: true });
    const other = json(await post({ ...body, specifications: { dimensions: '14x6x2' } })).data;
    expect(Number(other.partNumber.slice(4))).toBe(Number(created.partNumber.slice(4)) + 1);
  });

  it('refuses duplicate part numbers and unknown references, writing nothing', async () => {
    const count = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM items')).rows[0]!.n;
    const before = await count();
    const post = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/inventory/parts', headers: bearer(procurement), payload });
    expectError(await post({ partNumber: 'basin-48-316l', name: 'Dup', cost: 1 }), 409, 'RESOURCE_CONFLICT');
    expectError(await post({ partNumber: 'NEW-1', name: 'Orphan', cost: 1, categoryId: '00000000-0000-4000-8000-000000000000' }), 422);
    expectError(await post({ name: 'No number', cost: 1 }), 422);
    expectError(await post({ partNumber: 'NEW-2', name: 'Neg', cost: -1 }), 422);
    expect(await count()).toBe(before);
    const ok = await post({ partNumber: 'new-3', name: 'New bracket', cost: 4.5, quantityOnHand: 10, reorderLevel: 4 });
    expect(json(ok).data).toMatchObject({ partNumber: 'NEW-3', quantityOnHand: 10, reorderLevel: 4 });
  });

  it('lists low stock with urgency, usage and a summary', async () => {
    const res = await data(procurement, '/api/v1/inventory/low-stock?limit=100');
    const gasket = res.lowStockParts.find((p: { partNumber: string }) => p.partNumber === 'GASKET-DRAIN-3');
    expect(gasket).toMatchObject({ quantityOnHand: 2, reorderLevel: 10, stockPercentage: 20, urgencyLevel: 'HIGH', supplier: { name: 'Seal Tech Inc' }, leadTime: '1 week' });
    const bolt = res.lowStockParts.find((p: { partNumber: string }) => p.partNumber === 'BOLT-SS-M8X25');
    expect(bolt).toMatchObject({ stockPercentage: 60, urgencyLevel: 'MEDIUM' });
    expect(res.summary.totalLowStockParts).toBe(res.pagination.totalItems);
    const urgent = await data(procurement, '/api/v1/inventory/low-stock?urgent=true&limit=100');
    expect(urgent.lowStockParts.every((p: { stockPercentage: number }) => p.stockPercentage <= 50)).toBe(true);
    expect(urgent.lowStockParts.some((p: { partNumber: string }) => p.partNumber === 'BOLT-SS-M8X25')).toBe(false);
  });

  it('exports the low-stock list and search results as CSV and XLSX', async () => {
    const csv = await get(procurement, '/api/v1/inventory/low-stock/export?format=csv&urgent=true');
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('Part number,Name,On hand,Reorder level,Urgency,Cost,Supplier,Used (90 days)');
    expect(lines.some((l) => l.startsWith('GASKET-DRAIN-3,'))).toBe(true);
    const xlsx = await get(procurement, '/api/v1/inventory/search/export?format=xlsx&query=basin');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const requester = await login(t.app, 'requester@plantops.local');
    expectError(await get(requester, '/api/v1/inventory/low-stock/export?format=csv'), 403);
  });
});
