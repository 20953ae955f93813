import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, expectError, json, login, type Session, type TestContext } from './harness.js';
import { createPart, uniquePartNumber, warehouseIds } from './parts-fixtures.js';

let t: TestContext;
let admin: Session;
let clerk: Session;
let tech: Session;
let ids: { main: string; north: string };
let vendorId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin@plantops.local');
  clerk = await login(t.app, 'inventory-clerk@plantops.local');
  tech = await login(t.app, 'technician@plantops.local');
  ids = await warehouseIds(t.app, admin);
  vendorId = json(await t.app.inject({ method: 'POST', url: '/api/v1/vendors', headers: bearer(clerk), payload: { name: 'Acme Seals', type: 'SUPPLIER' } })).data.id;
});
afterAll(async () => t?.close());

const get = (s: Session, url: string) => t.app.inject({ url, headers: bearer(s) });
const receive = (s: Session, payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/receipts', headers: bearer(s), payload });
const count = async (table: string) => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

describe('receiving goods', () => {
  it('books one INBOUND per line, links the lines to the ledger and fills an empty default bin', async () => {
    const seal = await createPart(t.app, clerk, { quantityOnHand: 1 });
    const gasket = await createPart(t.app, clerk, { defaultBin: 'C-09' });
    const res = await receive(clerk, {
      vendorId, poNumber: 'PO-4711', asnNumber: 'ASN-1', notes: 'Two pallets',
      lines: [{ partId: seal.id, quantity: 4, bin: 'S-01' }, { partId: gasket.id, quantity: 10, bin: 'S-02' }],
    });
    expect(res.statusCode).toBe(201);
    const receipt = json(res).data;
    expect(receipt).toMatchObject({
      warehouseId: ids.main, vendorId, vendor: { id: vendorId, name: 'Acme Seals' }, poNumber: 'PO-4711', asnNumber: 'ASN-1',
      receivedBy: { id: clerk.user.id, name: 'Ines Clerk' }, lineCount: 2, totalQuantity: 14,
    });
    expect(receipt.lines.map((l: { partNumber: string; quantity: number; bin: string }) => [l.partNumber, l.quantity, l.bin])).toEqual([
      [seal.partNumber, 4, 'S-01'],
      [gasket.partNumber, 10, 'S-02'],
    ]);
    const ledger = await t.db.query<{ id: string; type: string; quantity: number; receipt_id: string; vendor_id: string }>(
      `SELECT id, type, quantity, receipt_id, vendor_id FROM stock_transactions WHERE receipt_id = $1 ORDER BY id`, [receipt.id]);
    expect(ledger.rows.map((r) => r.id)).toEqual(receipt.lines.map((l: { transactionId: string }) => l.transactionId));
    expect(ledger.rows.every((r) => r.type === 'INBOUND' && r.vendor_id === vendorId)).toBe(true);

    const sealNow = json(await get(clerk, `/api/v1/parts/${seal.id}`)).data;
    const gasketNow = json(await get(clerk, `/api/v1/parts/${gasket.id}`)).data;
    expect([sealNow.quantityOnHand, sealNow.defaultBin]).toEqual([5, 'S-01']);
    expect([gasketNow.quantityOnHand, gasketNow.defaultBin]).toEqual([10, 'C-09']);
    const trail = await t.db.query(`SELECT 1 FROM system_logs WHERE table_name = 'receipts' AND record_id = $1 AND action = 'CREATE'`, [receipt.id]);
    expect(trail.rows).toHaveLength(1);
  });

  it('writes nothing when any line is bad', async () => {
    const good = await createPart(t.app, clerk);
    const north = await createPart(t.app, admin, {}, { 'x-warehouse-id': ids.north });
    const before = await Promise.all(['receipts', 'receipt_lines', 'stock_transactions'].map(count));
    const err = expectError(await receive(clerk, { lines: [{ partId: good.id, quantity: 3 }, { partId: north.id, quantity: 1 }] }), 422, 'VALIDATION_ERROR');
    expect(err.details).toEqual([expect.objectContaining({ field: 'lines.1.partId', code: 'INVALID_REFERENCE' })]);
    expectError(await receive(clerk, { lines: [{ partId: good.id, quantity: 3 }, { partId: good.id, quantity: 0 }] }), 422);
    expectError(await receive(clerk, { lines: [] }), 422);
    expectError(await receive(clerk, { lines: Array.from({ length: 201 }, () => ({ partId: good.id, quantity: 1 })) }), 422);
    expectError(await receive(clerk, { vendorId: '0190a0b0-0000-7000-8000-000000000003', lines: [{ partId: good.id, quantity: 1 }] }), 422);
    expect(await Promise.all(['receipts', 'receipt_lines', 'stock_transactions'].map(count))).toEqual(before);
    expect(json(await get(clerk, `/api/v1/parts/${good.id}`)).data.quantityOnHand).toBe(0);
  });

  it("refuses another site's vendor with 422 naming vendorId, even for an admin who sees every site", async () => {
    const part = await createPart(t.app, clerk);
    const northVendor = json(await t.app.inject({ method: 'POST', url: '/api/v1/vendors', headers: { ...bearer(admin), 'x-warehouse-id': ids.north }, payload: { name: 'North Fasteners', type: 'SUPPLIER' } })).data;
    expect(northVendor.warehouseId).toBe(ids.north);
    const before = await Promise.all(['receipts', 'receipt_lines', 'stock_transactions'].map(count));
    for (const who of [clerk, admin]) {
      const err = expectError(await receive(who, { vendorId: northVendor.id, lines: [{ partId: part.id, quantity: 1 }] }), 422, 'VALIDATION_ERROR');
      expect(err.details).toEqual([expect.objectContaining({ field: 'vendorId', code: 'INVALID_REFERENCE' })]);
      expect(err.message).toMatch(/nothing was received/);
    }
    expect(await Promise.all(['receipts', 'receipt_lines', 'stock_transactions'].map(count))).toEqual(before);
    // the receiving site's own vendors are the ones its vendor list offers
    const offered = json(await get(admin, `/api/v1/vendors?warehouseId=${ids.main}&active=true&limit=100`)).data.vendors;
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.every((v: { warehouseId: string }) => v.warehouseId === ids.main)).toBe(true);
    // received into North (admin acting there), the same vendor is accepted
    const northPart = await createPart(t.app, admin, {}, { 'x-warehouse-id': ids.north });
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/receipts', headers: { ...bearer(admin), 'x-warehouse-id': ids.north }, payload: { vendorId: northVendor.id, lines: [{ partId: northPart.id, quantity: 2 }] } });
    expect(ok.statusCode).toBe(201);
    expect(json(ok).data).toMatchObject({ warehouseId: ids.north, vendor: { id: northVendor.id, name: 'North Fasteners' } });
  });

  it('refuses an archived vendor', async () => {
    const part = await createPart(t.app, clerk);
    const old = json(await t.app.inject({ method: 'POST', url: '/api/v1/vendors', headers: bearer(clerk), payload: { name: 'Gone Ltd', type: 'SUPPLIER' } })).data;
    await t.app.inject({ method: 'DELETE', url: `/api/v1/vendors/${old.id}`, headers: bearer(clerk) });
    expectError(await receive(clerk, { vendorId: old.id, lines: [{ partId: part.id, quantity: 1 }] }), 422);
  });

  it('is for receivers only: technicians and requesters are refused', async () => {
    const part = await createPart(t.app, clerk);
    expectError(await receive(tech, { lines: [{ partId: part.id, quantity: 1 }] }), 403, 'AUTH_INSUFFICIENT_PERMISSIONS');
    const requester = await login(t.app, 'requester@plantops.local');
    expectError(await get(requester, '/api/v1/receipts'), 403);
    const supervisor = await login(t.app, 'supervisor@plantops.local');
    expect((await receive(supervisor, { lines: [{ partId: part.id, quantity: 2 }] })).statusCode).toBe(201);
  });
});

describe('reading receipts', () => {
  it('lists with filters and keeps sites apart', async () => {
    const part = await createPart(t.app, clerk);
    const po = uniquePartNumber('PO');
    const receipt = json(await receive(clerk, { vendorId, poNumber: po, lines: [{ partId: part.id, quantity: 1 }] })).data;
    const byPo = json(await get(tech, `/api/v1/receipts?poNumber=${po.toLowerCase()}`)).data;
    expect(byPo.receipts.map((r: { id: string }) => r.id)).toEqual([receipt.id]);
    expect(byPo.receipts[0]).toMatchObject({ lineCount: 1, totalQuantity: 1, vendor: { name: 'Acme Seals' } });
    const byVendor = json(await get(clerk, `/api/v1/receipts?vendorId=${vendorId}`)).data.receipts;
    expect(byVendor.some((r: { id: string }) => r.id === receipt.id)).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    expect(json(await get(clerk, `/api/v1/receipts?poNumber=${po}&dateFrom=${today}`)).data.receipts).toHaveLength(1);
    expect(json(await get(clerk, `/api/v1/receipts?poNumber=${po}&dateTo=2000-01-01`)).data.receipts).toHaveLength(0);
    const detail = json(await get(tech, `/api/v1/receipts/${receipt.id}`)).data;
    expect(detail.lines).toHaveLength(1);

    const techNorth = await login(t.app, 'technician-north@plantops.local');
    expectError(await get(techNorth, `/api/v1/receipts/${receipt.id}`), 404);
    expect(json(await get(techNorth, `/api/v1/receipts?poNumber=${po}`)).data.receipts).toEqual([]);
    expect(json(await get(admin, `/api/v1/receipts?poNumber=${po}`)).data.receipts).toHaveLength(1);
    expectError(await get(clerk, '/api/v1/receipts?limit=101'), 400);
  });
});
