import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, expectError, json, login, type Session, type TestContext } from './harness.js';
import { createPart, inventoryWorld, uniquePartNumber } from './parts-fixtures.js';

let t: TestContext;
let admin: Session;
let clerk: Session;
let tech: Session;
let techNorth: Session;
let ids: { main: string; north: string };

beforeAll(async () => {
  ({ t, admin, clerk, tech, techNorth, ids } = await inventoryWorld());
});
afterAll(async () => t?.close());

const get = (s: Session, url: string) => t.app.inject({ url, headers: bearer(s) });
const send = (s: Session, method: 'POST' | 'PUT', url: string, payload: object) => t.app.inject({ method, url, headers: bearer(s), payload });

describe('creating parts', () => {
  it('creates the item and its MAIN stock, booking the opening balance in the ledger', async () => {
    const vendor = json(await send(clerk, 'POST', '/api/v1/vendors', { name: `Bearings ${uniquePartNumber()}`, type: 'SUPPLIER' })).data;
    const partNumber = uniquePartNumber('BRG');
    const part = await createPart(t.app, clerk, {
      partNumber, originalNumber: 'SKF-6204', vendorId: vendor.id, modelCompatibility: ['PX-200', 'PX-300'],
      reorderPoint: 4, defaultBin: 'A-01', cost: 12.5, quantityOnHand: 10,
    });
    expect(part).toMatchObject({
      partNumber, originalNumber: 'SKF-6204', name: 'Test bearing', kind: 'PART', vendorId: vendor.id, vendor: { id: vendor.id, name: vendor.name },
      quantityOnHand: 10, quantityReserved: 0, quantityAvailable: 10, reorderPoint: 4, stockState: 'OK',
      modelCompatibility: ['PX-200', 'PX-300'], defaultBin: 'A-01', warehouseId: ids.main, cost: 12.5,
    });
    const ledger = json(await get(clerk, `/api/v1/part-transactions?partId=${part.id}`)).data.transactions;
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ type: 'INBOUND', quantity: 10, quantityAfter: 10, reason: 'Initial stock', performedBy: { name: 'Ines Clerk' } });
    const trail = await t.db.query<{ action: string }>(`SELECT action FROM system_logs WHERE table_name = 'items' AND record_id = $1`, [part.id]);
    expect(trail.rows.map((r) => r.action)).toEqual(['CREATE']);
  });

  it('names the part after its description when no name is given', async () => {
    const part = await createPart(t.app, clerk, { name: undefined, description: 'V-belt A42\nfor the main conveyor' });
    expect(part.name).toBe('V-belt A42');
  });

  it('refuses a duplicate part number (any case) with 409 and writes nothing', async () => {
    const part = await createPart(t.app, clerk);
    const before = (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM items`)).rows[0]!.n;
    expectError(await send(clerk, 'POST', '/api/v1/parts', { partNumber: part.partNumber.toLowerCase(), name: 'Copy' }), 409, 'RESOURCE_CONFLICT');
    expect((await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM items`)).rows[0]!.n).toBe(before);
  });

  it('validates the body strictly', async () => {
    expectError(await send(clerk, 'POST', '/api/v1/parts', { name: 'No number' }), 422, 'VALIDATION_ERROR');
    expectError(await send(clerk, 'POST', '/api/v1/parts', { partNumber: uniquePartNumber(), quantityOnHand: -1 }), 422);
    expectError(await send(clerk, 'POST', '/api/v1/parts', { partNumber: uniquePartNumber(), colour: 'red' }), 422);
    expectError(await send(clerk, 'POST', '/api/v1/parts', { partNumber: uniquePartNumber(), vendorId: '00000000-0000-4000-8000-000000000000' }), 422);
  });

  it('is for part managers only', async () => {
    expectError(await send(tech, 'POST', '/api/v1/parts', { partNumber: uniquePartNumber() }), 403, 'AUTH_INSUFFICIENT_PERMISSIONS');
    const supervisor = await login(t.app, 'supervisor@plantops.local');
    const manager = await login(t.app, 'manager@plantops.local');
    await createPart(t.app, supervisor);
    const byManager = await createPart(t.app, manager, {}, { 'x-warehouse-id': ids.north });
    expect(byManager.warehouseId).toBe(ids.north);
  });
});

describe('reading parts', () => {
  it('lists with filters, search, sorting and pagination', async () => {
    const tag = uniquePartNumber('FLT');
    const a = await createPart(t.app, clerk, { partNumber: `${tag}-A`, name: 'Filter cartridge', modelCompatibility: ['ZX-9'], quantityOnHand: 2, reorderPoint: 5 });
    const b = await createPart(t.app, clerk, { partNumber: `${tag}-B`, name: 'Filter housing', kind: 'ACCESSORY', quantityOnHand: 20, reorderPoint: 5 });
    const found = json(await get(clerk, `/api/v1/parts?search=${tag}&sortBy=quantityOnHand&sortOrder=desc`)).data;
    expect(found.parts.map((p: { id: string }) => p.id)).toEqual([b.id, a.id]);
    expect(found.pagination).toMatchObject({ totalItems: 2, currentPage: 1 });
    expect(json(await get(clerk, `/api/v1/parts?search=${tag}&lowStock=true`)).data.parts.map((p: { id: string; stockState: string }) => [p.id, p.stockState])).toEqual([[a.id, 'LOW']]);
    expect(json(await get(clerk, `/api/v1/parts?search=${tag}&model=zx-9`)).data.parts.map((p: { id: string }) => p.id)).toEqual([a.id]);
    expect(json(await get(clerk, `/api/v1/parts?search=${tag}&kind=ACCESSORY`)).data.parts.map((p: { id: string }) => p.id)).toEqual([b.id]);
    const paged = json(await get(clerk, `/api/v1/parts?search=${tag}&limit=1&page=2`)).data;
    expect(paged.parts.map((p: { id: string }) => p.id)).toEqual([b.id]);
    expect(paged.pagination).toMatchObject({ totalItems: 2, totalPages: 2, hasPreviousPage: true, hasNextPage: false });
    expect(json(await get(clerk, '/api/v1/parts?search=description-nobody-wrote')).data.pagination.totalItems).toBe(0);
  });

  it('rejects a page size above 100 with 400', async () => {
    expectError(await get(clerk, '/api/v1/parts?limit=101'), 400, 'VALIDATION_ERROR');
  });

  it('lets technicians, contractors and manufacturing roles read, but not requesters', async () => {
    const part = await createPart(t.app, clerk);
    expect((await get(tech, `/api/v1/parts/${part.id}`)).statusCode).toBe(200);
    const contractor = await login(t.app, 'contractor@plantops.local');
    expect((await get(contractor, '/api/v1/parts')).statusCode).toBe(200);
    const buyer = await login(t.app, 'procurement@plantops.local');
    expect((await get(buyer, `/api/v1/parts/${part.id}`)).statusCode).toBe(200);
    const requester = await login(t.app, 'requester@plantops.local');
    expectError(await get(requester, '/api/v1/parts'), 403);
    expectError(await get(requester, `/api/v1/parts/${part.id}`), 403);
  });

  it('keeps sites apart: NORTH does not see MAIN parts', async () => {
    const part = await createPart(t.app, clerk);
    expectError(await get(techNorth, `/api/v1/parts/${part.id}`), 404, 'RESOURCE_NOT_FOUND');
    const list = json(await get(techNorth, `/api/v1/parts?search=${part.partNumber}`)).data;
    expect(list.parts).toEqual([]);
    expectError(await get(techNorth, `/api/v1/parts?warehouseId=${ids.main}`), 403);
    // ADMIN sees every site, or one when asked.
    expect(json(await get(admin, `/api/v1/parts?search=${part.partNumber}`)).data.parts).toHaveLength(1);
    expect(json(await get(admin, `/api/v1/parts?search=${part.partNumber}&warehouseId=${ids.north}`)).data.parts).toHaveLength(0);
  });
});

describe('updating parts', () => {
  it('changes details and site settings, audited, but never the quantity', async () => {
    const part = await createPart(t.app, clerk, { quantityOnHand: 5 });
    const res = await send(clerk, 'PUT', `/api/v1/parts/${part.id}`, { description: 'Sealed', reorderPoint: 6, defaultBin: 'B-02', modelCompatibility: ['M1'], cost: 3 });
    expect(res.statusCode).toBe(200);
    expect(json(res).data).toMatchObject({ description: 'Sealed', reorderPoint: 6, defaultBin: 'B-02', modelCompatibility: ['M1'], cost: 3, quantityOnHand: 5, stockState: 'LOW' });
    const err = expectError(await send(clerk, 'PUT', `/api/v1/parts/${part.id}`, { quantityOnHand: 50 }), 422, 'VALIDATION_ERROR');
    expect(err.details?.[0]).toMatchObject({ field: 'quantityOnHand', code: 'UNKNOWN_FIELD' });
    expect(json(await get(clerk, `/api/v1/parts/${part.id}`)).data.quantityOnHand).toBe(5);
    const trail = await t.db.query<{ action: string; before_data: { description: string }; after_data: { description: string } }>(
      `SELECT action, before_data, after_data FROM system_logs WHERE table_name = 'items' AND record_id = $1 ORDER BY id`, [part.id]);
    expect(trail.rows.map((r) => r.action)).toEqual(['CREATE', 'UPDATE']);
    expect(trail.rows[1]).toMatchObject({ before_data: { description: 'Deep groove ball bearing' }, after_data: { description: 'Sealed' } });
  });

  it('refuses technicians and other sites', async () => {
    const part = await createPart(t.app, clerk);
    expectError(await send(tech, 'PUT', `/api/v1/parts/${part.id}`, { description: 'x' }), 403);
    const north = await createPart(t.app, admin, {}, { 'x-warehouse-id': ids.north });
    expectError(await send(clerk, 'PUT', `/api/v1/parts/${north.id}`, { description: 'x' }), 404);
  });
});

describe('documentation', () => {
  it('publishes the parts, ledger, receipt and vendor routes in OpenAPI', async () => {
    const spec = json(await t.app.inject({ url: '/api/openapi.json' }));
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining([
      '/api/v1/parts', '/api/v1/parts/{id}', '/api/v1/part-transactions', '/api/v1/part-transactions/{id}',
      '/api/v1/receipts', '/api/v1/receipts/{id}', '/api/v1/vendors', '/api/v1/vendors/{id}', '/api/v1/vendors/{id}/restore',
    ]));
  });
});
