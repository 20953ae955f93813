import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pagedQuery } from '../src/platform/db/paged-query.js';
import { bearer, expectError, json, type Session, type TestContext } from './harness.js';
import { createPart, inventoryWorld, uniquePartNumber } from './parts-fixtures.js';

/**
 * Issue 9: the cheap audited create (one statement, same checks and records as before, decision
 * 0010) and keyset-paged lists with totals exact only when cheap (decision 0011).
 */
let t: TestContext;
let admin: Session;
let clerk: Session;
let techNorth: Session;
let ids: { main: string; north: string };
beforeAll(async () => {
  ({ t, admin, clerk, techNorth, ids } = await inventoryWorld());
});
afterAll(async () => t?.close());

const get = (s: Session, url: string) => t.app.inject({ url, headers: bearer(s) });
type Page = { parts: { id: string; partNumber: string; quantityOnHand: number; updatedAt: string }[]; pagination: Record<string, unknown> & { nextCursor: string | null } };
const page = async (s: Session, url: string): Promise<Page> => {
  const res = await get(s, url);
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return json(res).data;
};

describe('part create in one statement', () => {
  it('writes the item, stock, ledger row, both audit rows and every event, in the acting site', async () => {
    const before = (await t.db.query<{ n: number }>(`SELECT max(id)::int AS n FROM realtime_events`)).rows[0]!.n ?? 0;
    const part = await createPart(t.app, clerk, { quantityOnHand: 12, reorderPoint: 3, cost: 1.005, defaultBin: 'Z-9' });
    expect(part).toMatchObject({ quantityOnHand: 12, stockState: 'OK', cost: 1.01, defaultBin: 'Z-9', warehouseId: ids.main });
    // The response is what a read returns afterwards.
    expect(json(await get(clerk, `/api/v1/parts/${part.id}`)).data).toEqual(part);
    const trail = await t.db.query<{ action: string; table_name: string; after_data: { quantityOnHand?: number; onHand?: number } }>(
      `SELECT action, table_name, after_data FROM system_logs WHERE record_id::text IN ($1::text, (SELECT id::text FROM stock WHERE item_id = $1::uuid)) ORDER BY action`, [part.id],
    );
    expect(trail.rows.map((r) => [r.action, r.table_name])).toEqual([['CREATE', 'items'], ['STOCK_INBOUND', 'stock']]);
    expect(trail.rows[0]!.after_data.quantityOnHand).toBe(0);
    expect(trail.rows[1]!.after_data.onHand).toBe(12);
    const ledger = await t.db.query<{ type: string; quantity: number; on_hand_after: number; reason: string }>(`SELECT type, quantity, on_hand_after, reason FROM stock_transactions WHERE item_id = $1`, [part.id]);
    expect(ledger.rows).toEqual([{ type: 'INBOUND', quantity: 12, on_hand_after: 12, reason: 'Initial stock' }]);
    const events = await t.db.query<{ channel: string }>(`SELECT channel FROM realtime_events WHERE id > $1 ORDER BY id`, [before]);
    expect(events.rows.map((e) => e.channel).sort()).toEqual(['part_transactions', 'system_logs', 'system_logs']);
  });

  it('alerts the stock keepers when the opening balance is already at or below the reorder point', async () => {
    const part = await createPart(t.app, clerk, { quantityOnHand: 2, reorderPoint: 5 });
    expect(part.stockState).toBe('LOW');
    const alerts = await t.db.query<{ type: string }>(`SELECT type FROM notifications WHERE data->>'partId' = $1 OR link LIKE '%' || $1`, [part.id]);
    expect(alerts.rows.length).toBeGreaterThan(0);
    expect(new Set(alerts.rows.map((a) => a.type))).toEqual(new Set(['PART_LOW_STOCK']));
  });

  it('refuses a taken part number with 409 naming the field, and leaves no row behind', async () => {
    const part = await createPart(t.app, clerk, { quantityOnHand: 3 });
    const counts = async () => (await t.db.query<{ n: string }>(`SELECT (SELECT count(*) FROM items) || '/' || (SELECT count(*) FROM stock_transactions) || '/' || (SELECT count(*) FROM system_logs) AS n`)).rows[0]!.n;
    const before = await counts();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/parts', headers: bearer(clerk), payload: { partNumber: part.partNumber.toLowerCase(), quantityOnHand: 5 } });
    const error = expectError(res, 409, 'RESOURCE_CONFLICT');
    expect(error.details?.[0]).toMatchObject({ field: 'partNumber', code: 'DUPLICATE' });
    expect(await counts()).toBe(before);
  });

  it('keeps row-level security: a NORTH technician cannot create, and NORTH never sees the MAIN part', async () => {
    expectError(await t.app.inject({ method: 'POST', url: '/api/v1/parts', headers: bearer(techNorth), payload: { partNumber: uniquePartNumber() } }), 403);
    const part = await createPart(t.app, clerk);
    expectError(await get(techNorth, `/api/v1/parts/${part.id}`), 404);
  });
});

describe('keyset paging of /api/v1/parts', () => {
  let tag: string;
  beforeAll(async () => {
    tag = uniquePartNumber('PG');
    for (let i = 0; i < 7; i++) await createPart(t.app, clerk, { partNumber: `${tag}-${i}`, quantityOnHand: 7 - i + (i % 2) });
  });

  for (const sort of ['sortBy=partNumber', 'sortBy=partNumber&sortOrder=desc', 'sortBy=quantityOnHand', 'sortBy=updatedAt&sortOrder=desc']) {
    it(`following nextCursor (${sort}) visits every part once, in the order of one big page`, async () => {
      const whole = await page(clerk, `/api/v1/parts?search=${tag}&${sort}&limit=100`);
      expect(whole.parts).toHaveLength(7);
      expect(whole.pagination).toMatchObject({ totalItems: 7, totalIsEstimate: false, hasNextPage: false, nextCursor: null });
      const seen: string[] = [];
      let url = `/api/v1/parts?search=${tag}&${sort}&limit=3`;
      for (let n = 1; n <= 3; n++) {
        const p = await page(clerk, url);
        expect(p.pagination).toMatchObject({ currentPage: n, totalItems: 7, totalPages: 3, hasNextPage: n < 3, hasPreviousPage: n > 1 });
        seen.push(...p.parts.map((x) => x.id));
        if (!p.pagination.nextCursor) break;
        url = `/api/v1/parts?search=${tag}&${sort}&limit=3&cursor=${encodeURIComponent(p.pagination.nextCursor)}`;
      }
      expect(seen).toEqual(whole.parts.map((x) => x.id));
    });
  }

  it('page numbers still work and agree with the cursor', async () => {
    const second = await page(clerk, `/api/v1/parts?search=${tag}&limit=3&page=2`);
    const first = await page(clerk, `/api/v1/parts?search=${tag}&limit=3`);
    const viaCursor = await page(clerk, `/api/v1/parts?search=${tag}&limit=3&cursor=${encodeURIComponent(first.pagination.nextCursor!)}`);
    expect(viaCursor.parts).toEqual(second.parts);
  });

  it('an item change moves the part up in updatedAt order on every site', async () => {
    const first = (await page(clerk, `/api/v1/parts?search=${tag}&sortBy=updatedAt&sortOrder=asc&limit=1`)).parts[0]!;
    const res = await t.app.inject({ method: 'PUT', url: `/api/v1/parts/${first.id}`, headers: bearer(clerk), payload: { name: 'Renamed for paging' } });
    expect(res.statusCode).toBe(200);
    const newest = (await page(clerk, `/api/v1/parts?search=${tag}&sortBy=updatedAt&sortOrder=desc&limit=1`)).parts[0]!;
    expect(newest.id).toBe(first.id);
  });

  it('refuses a cursor that is not one it handed out, or one made for another order, with 400', async () => {
    const p = await page(clerk, `/api/v1/parts?search=${tag}&limit=2`);
    const other = expectError(await get(clerk, `/api/v1/parts?search=${tag}&limit=2&sortBy=quantityOnHand&cursor=${encodeURIComponent(p.pagination.nextCursor!)}`), 400, 'VALIDATION_ERROR');
    expect(other.details?.[0]?.field).toBe('cursor');
    expectError(await get(clerk, '/api/v1/parts?cursor=not-a-cursor'), 400, 'VALIDATION_ERROR');
    const forged = Buffer.from(JSON.stringify({ s: 'partNumber:asc', v: ["x'); DROP TABLE items; --", 'nope'], o: 0 })).toString('base64url');
    expectError(await get(clerk, `/api/v1/parts?cursor=${forged}`), 400, 'VALIDATION_ERROR');
  });

  it('keeps sites apart when paging: NORTH pages never show MAIN parts', async () => {
    const north = await page(techNorth, `/api/v1/parts?search=${tag}&limit=2`);
    expect(north.parts).toEqual([]);
    const all = await page(admin, `/api/v1/parts?search=${tag}&limit=100`);
    expect(all.parts.every((x) => x.id)).toBe(true);
    expect(all.parts).toHaveLength(7);
  });
});

describe('pagedQuery: totals exact only when cheap', () => {
  it('counts up to the cap and estimates beyond it, saying so', async () => {
    const q = { select: 'SELECT g', from: 'FROM generate_series(1, 50) AS g', where: ['g > $1'], params: [0], sort: { name: 'g', keys: [{ expr: 'g', type: 'int' as const }], dir: 'asc' as const } };
    const exact = await t.db.transaction((tx) => pagedQuery<{ g: number }>(tx, q, { page: 1, limit: 10 }, 100));
    expect(exact.page).toMatchObject({ total: 50, totalIsEstimate: false, hasNextPage: true });
    expect(exact.rows.map((r) => r.g)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const estimated = await t.db.transaction((tx) => pagedQuery<{ g: number }>(tx, q, { page: 2, limit: 10 }, 20));
    expect(estimated.page.totalIsEstimate).toBe(true);
    expect(estimated.page.total).toBeGreaterThan(20);
    expect(estimated.rows.map((r) => r.g)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    // The last page knows its total without counting.
    const last = await t.db.transaction((tx) => pagedQuery<{ g: number }>(tx, q, { page: 5, limit: 10 }, 20));
    expect(last.page).toMatchObject({ total: 50, totalIsEstimate: false, hasNextPage: false, nextCursor: null });
  });
});
