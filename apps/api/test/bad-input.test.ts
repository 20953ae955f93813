import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, expectError, json } from './harness.js';
import { createPart, inventoryWorld, type InventoryWorld } from './parts-fixtures.js';

/**
 * Input that once reached PostgreSQL or the JSON serializer and came back as a 500 (found by
 * fuzzing the inventory endpoints): each is now a 4xx in the API's error format, writing nothing.
 */
let w: InventoryWorld;
beforeAll(async () => {
  w = await inventoryWorld();
});
afterAll(async () => w?.t.close());

const ledgerRows = async (itemId: string) =>
  (await w.t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM stock_transactions WHERE item_id = $1`, [itemId])).rows[0]!.n;
const send = (method: 'POST' | 'PUT', url: string, payload: object) => w.t.app.inject({ method, url, headers: bearer(w.clerk), payload });

describe('text and structure no table can hold', () => {
  it('refuses NUL characters in queries and bodies', async () => {
    const part = await createPart(w.t.app, w.clerk, { quantityOnHand: 5 });
    expectError(await w.t.app.inject({ url: '/api/v1/inventory/search?query=%00', headers: bearer(w.clerk) }), 422, 'VALIDATION_ERROR');
    const before = await ledgerRows(part.id);
    expectError(await send('PUT', `/api/v1/inventory/parts/${part.id}/quantity`, { quantityChange: 1, reason: 'ok \u0000 reason' }), 422, 'VALIDATION_ERROR');
    expectError(await send('POST', '/api/v1/inventory/parts', { partNumber: 'NUL-1', name: 'Bad', cost: 1, specifications: { 'k\u0000': 'v' } }), 422);
    expect(await ledgerRows(part.id)).toBe(before);
  });

  it('refuses absurdly nested JSON', async () => {
    // Written as text: serialising it here would overflow this test's own stack.
    const specifications = `${'{"a":'.repeat(5000)}{"leaf":"x"}${'}'.repeat(5000)}`;
    const res = await w.t.app.inject({
      method: 'POST',
      url: '/api/v1/inventory/parts',
      headers: { ...bearer(w.clerk), 'content-type': 'application/json' },
      payload: `{"partNumber":"DEEP-1","name":"Deep","cost":1,"specifications":${specifications}}`,
    });
    const err = expectError(res, 422);
    expect(err.message).toMatch(/nested/);
  });

  it('stores a description with one very long word (kept out of the spelling vocabulary)', async () => {
    const part = await createPart(w.t.app, w.clerk);
    const word = 'x'.repeat(3000);
    expect((await send('PUT', `/api/v1/parts/${part.id}`, { description: `Sealed ${word}` })).statusCode).toBe(200);
    const { rows } = await w.t.db.query(`SELECT 1 FROM search_vocabulary WHERE length(word) > 40`);
    expect(rows).toHaveLength(0);
  });

  it('answers malformed URLs in the error format', async () => {
    expectError(await w.t.app.inject({ url: '/api/v1/parts/%zz', headers: bearer(w.clerk) }), 400, 'VALIDATION_ERROR');
    expectError(await w.t.app.inject({ url: `/api/v1/parts/${'a'.repeat(300)}`, headers: bearer(w.clerk) }), 414, 'VALIDATION_ERROR');
  });
});

describe('quantities beyond what can be stored', () => {
  it('refuses a receipt that would overflow on-hand, and changes nothing', async () => {
    const part = await createPart(w.t.app, w.clerk, { quantityOnHand: 1_000_000_000 });
    const inbound = () => send('POST', '/api/v1/part-transactions', { partId: part.id, type: 'INBOUND', quantity: 1_000_000_000 });
    expect((await inbound()).statusCode).toBe(201);
    const before = await ledgerRows(part.id);
    expectError(await inbound(), 422, 'VALIDATION_ERROR');
    expect(await ledgerRows(part.id)).toBe(before);
    expect(json(await w.t.app.inject({ url: `/api/v1/parts/${part.id}`, headers: bearer(w.clerk) })).data.quantityOnHand).toBe(2_000_000_000);
  });

  it('totals stock over sites beyond 2^31 on the part page and in search', async () => {
    const part = await createPart(w.t.app, w.clerk, { quantityOnHand: 1 });
    await w.t.db.query(`UPDATE stock SET quantity_on_hand = 2147483647 WHERE item_id = $1`, [part.id]);
    await w.t.db.query(`INSERT INTO stock (item_id, warehouse_id, quantity_on_hand) VALUES ($1, $2, 5)`, [part.id, w.ids.north]);
    const page = await w.t.app.inject({ url: `/api/v1/inventory/parts/${part.id}`, headers: bearer(w.admin) });
    expect(page.statusCode).toBe(200);
    expect(json(page).data.quantityOnHand).toBe(2147483652);
    const found = await w.t.app.inject({ url: `/api/v1/inventory/search?query=${part.partNumber}&sortBy=quantityOnHand`, headers: bearer(w.admin) });
    expect(json(found).data.results[0].quantityOnHand).toBe(2147483652);
  });
});

describe('input elsewhere that once reached a 500', () => {
  const asAdmin = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    w.t.app.inject({ method, url, headers: bearer(w.admin), ...(payload ? { payload } : {}) });

  it('treats Object built-in names as unknown export lists, and refuses an export for a site that does not exist', async () => {
    for (const list of ['constructor', '__proto__', 'toString']) {
      expectError(await asAdmin('POST', '/api/v1/exports', { list, format: 'csv' }), 422, 'VALIDATION_ERROR');
    }
    const res = await w.t.app.inject({ method: 'POST', url: '/api/v1/exports', headers: { ...bearer(w.admin), 'x-warehouse-id': '01900000-0000-7000-8000-00000000dead' }, payload: { list: 'users', format: 'csv' } });
    expectError(res, 422, 'VALIDATION_ERROR');
  });

  it('refuses audit dates outside years 1900-9999', async () => {
    expectError(await asAdmin('GET', '/api/v1/audit-logs?dateFrom=275760-09-13'), 400, 'VALIDATION_ERROR');
    expectError(await asAdmin('GET', '/api/v1/audit-logs/export?format=csv&dateTo=-271821-04-20'), 400);
    expect((await asAdmin('GET', '/api/v1/audit-logs?dateFrom=2026-01-01')).statusCode).toBe(200);
  });

  it('does not let a request-only job be started by hand', async () => {
    expectError(await asAdmin('POST', '/api/v1/admin/jobs/export-builder/run'), 409, 'BUSINESS_WORKFLOW_ERROR');
    const jobs = json(await asAdmin('GET', '/api/v1/admin/jobs')).data.jobs as { name: string; manualRun: boolean }[];
    expect(jobs.find((j) => j.name === 'export-builder')?.manualRun).toBe(false);
    expect(jobs.find((j) => j.name === 'metrics-aggregator')?.manualRun).toBe(true);
  });

  it('refuses empty and unknown time zones, and a start URL on another site', async () => {
    expectError(await asAdmin('PUT', '/api/v1/notifications/preferences', { timezone: '' }), 422);
    expectError(await asAdmin('POST', '/api/v1/warehouses', { code: 'MARS', name: 'Mars', timezone: 'Mars/Olympus' }), 422);
    expectError(await asAdmin('PUT', '/api/v1/settings/pwa-manifest', { start_url: '//evil.example/' }), 422);
    expect((await asAdmin('PUT', '/api/v1/settings/pwa-manifest', { start_url: '/' })).statusCode).toBe(200);
  });
});
