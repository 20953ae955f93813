import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { bearer, expectError, json, login, type Session } from './harness.js';
import { multipartBody } from './multipart.js';
import { createPart, inventoryWorld, type InventoryWorld } from './parts-fixtures.js';

/**
 * The read caches (decision 0006) never serve what the database no longer says: every way a
 * part page, a search result or a session can change is seen on the very next request.
 */
let w: InventoryWorld;
beforeAll(async () => {
  w = await inventoryWorld();
});
afterAll(async () => w?.t.close());

const read = (s: Session, url: string, headers: Record<string, string> = {}) => w.t.app.inject({ url, headers: { ...bearer(s), ...headers } });
const page = async (s: Session, url: string, headers: Record<string, string> = {}) => {
  const res = await read(s, url, headers);
  expect(res.statusCode).toBe(200);
  return { cache: res.headers['x-cache'], data: json(res).data };
};
const partPage = (s: Session, id: string, headers: Record<string, string> = {}) => page(s, `/api/v1/inventory/parts/${id}`, headers);

describe('part page cache', () => {
  it('serves repeat reads from cache and sees every change on the next read', async () => {
    const part = await createPart(w.t.app, w.clerk, { quantityOnHand: 10 });
    expect((await partPage(w.admin, part.id)).cache).toBe('miss');
    // On PostgreSQL the creation's NOTIFY may still be on its way and drop the first entry again.
    await expect.poll(async () => (await partPage(w.admin, part.id)).cache).toBe('hit');
    expect((await partPage(w.admin, part.id)).data.quantityOnHand).toBe(10);

    // Another user's adjustment through the spec endpoint.
    const adjust = await w.t.app.inject({ method: 'PUT', url: `/api/v1/inventory/parts/${part.id}/quantity`, headers: bearer(w.clerk), payload: { quantityChange: -4, reason: 'Cycle count' } });
    expect(adjust.statusCode).toBe(200);
    expect(await partPage(w.admin, part.id)).toMatchObject({ cache: 'miss', data: { quantityOnHand: 6 } });

    // A CMMS part transaction: another module, the same ledger.
    const used = await w.t.app.inject({ method: 'POST', url: '/api/v1/part-transactions', headers: bearer(w.tech), payload: { partId: part.id, type: 'USED', quantity: 1 } });
    expect(used.statusCode).toBe(201);
    expect((await partPage(w.admin, part.id)).data.quantityOnHand).toBe(5);

    // An edit to the item itself, through the CMMS parts endpoint.
    await partPage(w.admin, part.id);
    const renamed = await w.t.app.inject({ method: 'PUT', url: `/api/v1/parts/${part.id}`, headers: bearer(w.clerk), payload: { description: 'Renamed bearing' } });
    expect(renamed.statusCode).toBe(200);
    expect((await partPage(w.admin, part.id)).data.description).toBe('Renamed bearing');
  });

  it('shows a document attached to the part after the page was cached', async () => {
    const part = await createPart(w.t.app, w.clerk);
    await expect.poll(async () => (await partPage(w.admin, part.id)).cache).toBe('hit');
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 0, g: 0, b: 0 } } }).png().toBuffer();
    const { payload, headers } = multipartBody([{ name: 'file', filename: 'drawing.png', content: png, contentType: 'image/png' }]);
    const res = await w.t.app.inject({ method: 'POST', url: `/api/v1/files?bucket=equipment-photos&recordType=item&recordId=${part.id}`, headers: { ...bearer(w.admin), ...headers }, payload });
    expect(res.statusCode).toBe(201);
    expect((await partPage(w.admin, part.id)).data.documents).toMatchObject([{ name: 'drawing.png', type: 'PNG', contentType: 'image/png' }]);
  });

  it('sees a change written straight to the database, outside any request', async () => {
    const part = await createPart(w.t.app, w.clerk, { quantityOnHand: 3 });
    await partPage(w.admin, part.id);
    await w.t.db.query(`UPDATE stock SET reorder_point = 77 WHERE item_id = $1`, [part.id]);
    await expect.poll(async () => (await partPage(w.admin, part.id)).data.stockByWarehouse[0].reorderPoint, { timeout: 2000 }).toBe(77);
  });

  it('keeps entries per user and warehouse scope, and refreshes on Cache-Control: no-cache', async () => {
    const part = await createPart(w.t.app, w.clerk, { quantityOnHand: 2 });
    // On PostgreSQL the creation's NOTIFY may still be on its way and drop the first entry again.
    await expect.poll(async () => (await partPage(w.admin, part.id)).cache).toBe('hit');
    // The same part for a user of another site: built under that user's row-level security.
    const north = await partPage(w.techNorth, part.id);
    expect(north.cache).toBe('miss');
    expect(north.data.stockByWarehouse.every((s: { warehouseId: string }) => s.warehouseId === w.ids.north)).toBe(true);
    expect((await partPage(w.admin, part.id, { 'cache-control': 'no-cache' })).cache).toBe('miss');
  });

  it('does not cache a refusal or a missing part', async () => {
    const missing = '01900000-0000-7000-8000-000000000000';
    expectError(await read(w.admin, `/api/v1/inventory/parts/${missing}`), 404);
    expectError(await read(w.admin, `/api/v1/inventory/parts/${missing}`), 404);
  });
});

describe('CMMS part cache', () => {
  it('serves GET /parts/{id} again from cache and sees a part transaction and a vendor change on the next read', async () => {
    const part = await createPart(w.t.app, w.clerk, { quantityOnHand: 8 });
    const cmms = (s: Session) => page(s, `/api/v1/parts/${part.id}`);
    expect((await cmms(w.tech)).cache).toBe('miss');
    await expect.poll(async () => (await cmms(w.tech)).cache).toBe('hit');
    const used = await w.t.app.inject({ method: 'POST', url: '/api/v1/part-transactions', headers: bearer(w.tech), payload: { partId: part.id, type: 'USED', quantity: 3 } });
    expect(used.statusCode).toBe(201);
    expect(await cmms(w.tech)).toMatchObject({ cache: 'miss', data: { quantityOnHand: 5 } });
  });
});

describe('search cache', () => {
  it('finds a part created after the same search was cached', async () => {
    const url = '/api/v1/inventory/search?query=zebrawood';
    expect((await page(w.admin, url)).data.pagination.totalItems).toBe(0);
    expect((await page(w.admin, url)).cache).toBe('hit');
    await createPart(w.t.app, w.clerk, { name: 'Zebrawood handle' });
    const after = await page(w.admin, url);
    expect(after.cache).toBe('miss');
    expect(after.data.results.map((r: { name: string }) => r.name)).toEqual(['Zebrawood handle']);
  });

  it('shares an entry among the users of one site, never across sites', async () => {
    await createPart(w.t.app, w.clerk, { name: 'Quokka grommet', quantityOnHand: 5 });
    const url = '/api/v1/inventory/search?query=quokka';
    const stock = (p: { data: { results: { quantityOnHand: number }[] } }) => p.data.results.map((r) => r.quantityOnHand);
    // On PostgreSQL the creation's NOTIFY may still be on its way and drop the first entry again.
    await expect.poll(async () => (await page(w.tech, url)).cache).toBe('hit');
    // Another MAIN user is served the MAIN entry; its stock is what MAIN's policy shows.
    expect(await page(w.clerk, url)).toMatchObject({ cache: 'hit' });
    expect(stock(await page(w.clerk, url))).toEqual([5]);
    // A NORTH user never gets it: a miss, and NORTH's own figure.
    const north = await page(w.techNorth, url);
    expect(north.cache).toBe('miss');
    expect(stock(north)).toEqual([0]);
    // An admin across all sites has a scope of its own; acting in NORTH it shares NORTH's entry.
    expect((await page(w.admin, url)).cache).toBe('miss');
    expect(await page(w.admin, url, { 'x-warehouse-id': w.ids.north })).toMatchObject({ cache: 'hit' });
    // What a search matches is shared by every site (it reads no stock); an in-stock filter is not.
    const names = (p: { data: { results: { name: string }[] } }) => p.data.results.map((r) => r.name);
    expect(names(await page(w.clerk, `${url}&inStock=true`))).toEqual(['Quokka grommet']);
    expect(names(await page(w.techNorth, `${url}&inStock=true`))).toEqual([]);
    expect(names(await page(w.techNorth, `${url}&sortBy=name&sortOrder=asc`))).toEqual(['Quokka grommet']);
    expect(stock(await page(w.clerk, `${url}&sortBy=name&sortOrder=asc`))).toEqual([5]);
  });
});

describe('session cache', () => {
  const permissions = (s: Session) => read(s, '/api/v1/auth/permissions');
  const userId = async (email: string) => (await w.t.db.query<{ id: string }>(`SELECT id FROM profiles WHERE email = $1`, [email])).rows[0]!.id;

  it('ends a signed-in user\'s access at once on a role change and on deactivation', async () => {
    const email = 'qc-person@plantops.local';
    const s = await login(w.t.app, email);
    expect(json(await permissions(s)).data.role).toBe('QC_PERSON');
    expect((await permissions(s)).statusCode).toBe(200);
    const id = await userId(email);
    const change = await w.t.app.inject({ method: 'PUT', url: `/api/v1/users/${id}`, headers: bearer(w.admin), payload: { role: 'ASSEMBLER' } });
    expect(change.statusCode).toBe(200);
    expectError(await permissions(s), 401, 'AUTH_INVALID_TOKEN');

    const again = await login(w.t.app, email);
    expect(json(await permissions(again)).data.role).toBe('ASSEMBLER');
    const off = await w.t.app.inject({ method: 'DELETE', url: `/api/v1/users/${id}`, headers: bearer(w.admin) });
    expect(off.statusCode).toBe(200);
    expectError(await permissions(again), 401, 'AUTH_INVALID_TOKEN');
  });

  it('refuses a token whose session was ended in the database directly', async () => {
    const s = await login(w.t.app, 'service-tech@plantops.local');
    expect((await permissions(s)).statusCode).toBe(200);
    await w.t.db.query(`UPDATE user_sessions SET is_active = false, ended_reason = 'ADMIN' WHERE user_id = $1`, [await userId('service-tech@plantops.local')]);
    await expect.poll(async () => (await permissions(s)).statusCode, { timeout: 2000 }).toBe(401);
  });
});
