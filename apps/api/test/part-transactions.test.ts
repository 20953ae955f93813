import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, expectError, json, login, type Session, type TestContext } from './harness.js';
import { createPart, inventoryWorld } from './parts-fixtures.js';

let t: TestContext;
let admin: Session;
let clerk: Session;
let tech: Session;
let ids: { main: string; north: string };

beforeAll(async () => {
  ({ t, admin, clerk, tech, ids } = await inventoryWorld());
});
afterAll(async () => t?.close());

const get = (s: Session, url: string) => t.app.inject({ url, headers: bearer(s) });
const book = (s: Session, payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/part-transactions', headers: bearer(s), payload });
const onHand = async (partId: string) => json(await get(clerk, `/api/v1/parts/${partId}`)).data.quantityOnHand as number;
const ledgerCount = async (partId: string, type?: string) =>
  (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM stock_transactions WHERE item_id = $1 AND ($2::text IS NULL OR type = $2)`, [partId, type ?? null])).rows[0]!.n;

describe('booking movements', () => {
  it('lets a technician record usage against a work order, but not receive or adjust', async () => {
    const part = await createPart(t.app, clerk, { quantityOnHand: 5 });
    const workOrderId = '0190a0b0-0000-7000-8000-000000000001';
    const res = await book(tech, { partId: part.id, type: 'USED', quantity: 2, workOrderId, notes: 'Replaced on line 3' });
    expect(res.statusCode).toBe(201);
    expect(json(res).data).toMatchObject({
      partId: part.id, partNumber: part.partNumber, type: 'USED', quantity: -2, quantityAfter: 3, workOrderId,
      notes: 'Replaced on line 3', performedBy: { name: 'Toni Technician' }, warehouseId: ids.main,
    });
    expectError(await book(tech, { partId: part.id, type: 'INBOUND', quantity: 1 }), 403, 'AUTH_INSUFFICIENT_PERMISSIONS');
    expectError(await book(tech, { partId: part.id, type: 'ADJUSTMENT', quantity: -1, reason: 'Count' }), 403);
    const contractor = await login(t.app, 'contractor@plantops.local');
    expectError(await book(contractor, { partId: part.id, type: 'USED', quantity: 1 }), 403);
    expect(await onHand(part.id)).toBe(3);
  });

  it('lets the clerk receive and adjust; supervisors and managers do everything', async () => {
    const part = await createPart(t.app, clerk);
    expect((await book(clerk, { partId: part.id, type: 'INBOUND', quantity: 7 })).statusCode).toBe(201);
    expect((await book(clerk, { partId: part.id, type: 'ADJUSTMENT', quantity: -2, reason: 'Cycle count' })).statusCode).toBe(201);
    const supervisor = await login(t.app, 'supervisor@plantops.local');
    expect((await book(supervisor, { partId: part.id, type: 'USED', quantity: 1 })).statusCode).toBe(201);
    const manager = await login(t.app, 'manager@plantops.local');
    expect((await book(manager, { partId: part.id, type: 'ADJUSTMENT', quantity: 3, reason: 'Found in bin' })).statusCode).toBe(201);
    expect(await onHand(part.id)).toBe(7);
  });

  it('validates quantities per type and requires a reason for adjustments', async () => {
    const part = await createPart(t.app, clerk, { quantityOnHand: 5 });
    expectError(await book(clerk, { partId: part.id, type: 'INBOUND', quantity: 0 }), 422);
    expectError(await book(clerk, { partId: part.id, type: 'USED', quantity: -1 }), 422);
    expectError(await book(clerk, { partId: part.id, type: 'USED', quantity: 1.5 }), 422);
    expectError(await book(clerk, { partId: part.id, type: 'ADJUSTMENT', quantity: 0, reason: 'x' }), 422);
    const err = expectError(await book(clerk, { partId: part.id, type: 'ADJUSTMENT', quantity: -1 }), 422, 'VALIDATION_ERROR');
    expect(err.details?.map((d) => d.field)).toContain('reason');
    expectError(await book(clerk, { partId: part.id, type: 'RESERVED', quantity: 1 }), 422);
    expect(await ledgerCount(part.id)).toBe(1);
  });

  it('refuses usage beyond what is available with 409 and writes nothing', async () => {
    const part = await createPart(t.app, clerk, { quantityOnHand: 2 });
    const audits = async () => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM system_logs WHERE table_name = 'stock'`)).rows[0]!.n;
    const before = await audits();
    expectError(await book(tech, { partId: part.id, type: 'USED', quantity: 3 }), 409, 'BUSINESS_INSUFFICIENT_INVENTORY');
    expect(await onHand(part.id)).toBe(2);
    expect(await ledgerCount(part.id, 'USED')).toBe(0);
    expect(await audits()).toBe(before);
  });

  it('goes below zero only with allowNegative on an adjustment with a reason', async () => {
    const part = await createPart(t.app, clerk, { quantityOnHand: 1 });
    expectError(await book(clerk, { partId: part.id, type: 'ADJUSTMENT', quantity: -3, reason: 'Count' }), 409, 'BUSINESS_INSUFFICIENT_INVENTORY');
    expectError(await book(clerk, { partId: part.id, type: 'USED', quantity: 3, allowNegative: true }), 422);
    const res = await book(clerk, { partId: part.id, type: 'ADJUSTMENT', quantity: -3, reason: 'Books were wrong', allowNegative: true });
    expect(res.statusCode).toBe(201);
    expect(json(res).data).toMatchObject({ quantity: -3, quantityAfter: -2, reason: 'Books were wrong' });
    expect(json(await get(clerk, `/api/v1/parts/${part.id}`)).data).toMatchObject({ quantityOnHand: -2, stockState: 'OUT' });
  });

  it('books only on parts of the caller’s site', async () => {
    const north = await createPart(t.app, admin, { quantityOnHand: 4 }, { 'x-warehouse-id': ids.north });
    expectError(await book(tech, { partId: north.id, type: 'USED', quantity: 1 }), 404, 'RESOURCE_NOT_FOUND');
    expectError(await book(tech, { partId: '0190a0b0-0000-7000-8000-0000000000ff', type: 'USED', quantity: 1 }), 404);
    expect(await ledgerCount(north.id, 'USED')).toBe(0);
  });
});

describe('racing for the last units', () => {
  it('lets exactly as many concurrent uses succeed as there is stock', async () => {
    const part = await createPart(t.app, clerk, { quantityOnHand: 3 });
    const results = await Promise.all(Array.from({ length: 10 }, () => book(tech, { partId: part.id, type: 'USED', quantity: 1 })));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(3);
    expect(codes.filter((c) => c === 409)).toHaveLength(7);
    for (const r of results.filter((x) => x.statusCode === 409)) expectError(r, 409, 'BUSINESS_INSUFFICIENT_INVENTORY');
    expect(await onHand(part.id)).toBe(0);
    expect(await ledgerCount(part.id, 'USED')).toBe(3);
    const afters = results.filter((r) => r.statusCode === 201).map((r) => json(r).data.quantityAfter).sort();
    expect(afters).toEqual([0, 1, 2]);
  });
});

describe('low-stock notifications', () => {
  const keepersOfMain = async () =>
    (await t.db.query<{ id: string }>(`SELECT id FROM profiles WHERE warehouse_id = $1 AND role IN ('INVENTORY_CLERK', 'PROCUREMENT', 'SUPERVISOR') AND active`, [ids.main])).rows.map((r) => r.id).sort();
  const alerts = async (partId: string) =>
    (await t.db.query<{ user_id: string; type: string }>(`SELECT user_id, type FROM notifications WHERE part_id = $1 ORDER BY id`, [partId])).rows;

  it('notifies the stock keepers once per crossing of the reorder point', async () => {
    const part = await createPart(t.app, clerk, { quantityOnHand: 10, reorderPoint: 5 });
    const use = (quantity: number) => book(tech, { partId: part.id, type: 'USED', quantity });
    expect((await use(5)).statusCode).toBe(201); // 5: at the reorder point -> LOW
    const keepers = await keepersOfMain();
    expect(keepers).toHaveLength(3);
    let sent = await alerts(part.id);
    expect(sent.map((n) => n.user_id).sort()).toEqual(keepers);
    expect(new Set(sent.map((n) => n.type))).toEqual(new Set(['PART_LOW_STOCK']));

    expect((await use(1)).statusCode).toBe(201); // 4
    expect((await use(1)).statusCode).toBe(201); // 3
    expect(await alerts(part.id)).toHaveLength(3);

    expect((await book(clerk, { partId: part.id, type: 'INBOUND', quantity: 7 })).statusCode).toBe(201); // 10: OK again
    expect(await alerts(part.id)).toHaveLength(3);
    expect((await use(6)).statusCode).toBe(201); // 4: LOW again
    sent = await alerts(part.id);
    expect(sent).toHaveLength(6);
    // Nobody outside MAIN's stock keepers hears about it.
    expect(new Set(sent.map((n) => n.user_id))).toEqual(new Set(keepers));
  });
});

describe('reading the ledger', () => {
  it('lists newest first with filters and returns one entry', async () => {
    const part = await createPart(t.app, clerk, { quantityOnHand: 9 });
    const wo = '0190a0b0-0000-7000-8000-000000000002';
    await book(tech, { partId: part.id, type: 'USED', quantity: 1, workOrderId: wo });
    await book(clerk, { partId: part.id, type: 'ADJUSTMENT', quantity: 1, reason: 'Recount' });
    const all = json(await get(tech, `/api/v1/part-transactions?partId=${part.id}`)).data;
    expect(all.transactions.map((x: { type: string }) => x.type)).toEqual(['ADJUSTMENT', 'USED', 'INBOUND']);
    expect(all.pagination.totalItems).toBe(3);
    expect(json(await get(tech, `/api/v1/part-transactions?workOrderId=${wo}`)).data.transactions).toHaveLength(1);
    expect(json(await get(tech, `/api/v1/part-transactions?partId=${part.id}&type=USED`)).data.transactions).toHaveLength(1);
    const today = new Date().toISOString().slice(0, 10);
    expect(json(await get(tech, `/api/v1/part-transactions?partId=${part.id}&dateFrom=${today}&dateTo=${today}`)).data.transactions).toHaveLength(3);
    expect(json(await get(tech, `/api/v1/part-transactions?partId=${part.id}&dateTo=2000-01-01`)).data.pagination.totalItems).toBe(0);
    const one = json(await get(tech, `/api/v1/part-transactions/${all.transactions[1].id}`)).data;
    expect(one).toMatchObject({ type: 'USED', workOrderId: wo, quantity: -1 });

    const techNorth = await login(t.app, 'technician-north@plantops.local');
    expectError(await get(techNorth, `/api/v1/part-transactions/${one.id}`), 404);
    expect(json(await get(techNorth, `/api/v1/part-transactions?partId=${part.id}`)).data.transactions).toEqual([]);
    expectError(await get(tech, '/api/v1/part-transactions?limit=101'), 400);
  });

  it('is append-only: no update or delete routes', async () => {
    const part = await createPart(t.app, clerk, { quantityOnHand: 1 });
    const [entry] = json(await get(clerk, `/api/v1/part-transactions?partId=${part.id}`)).data.transactions;
    expectError(await t.app.inject({ method: 'PUT', url: `/api/v1/part-transactions/${entry.id}`, headers: bearer(admin), payload: { quantity: 5 } }), 404);
    expectError(await t.app.inject({ method: 'DELETE', url: `/api/v1/part-transactions/${entry.id}`, headers: bearer(admin) }), 404);
  });
});
