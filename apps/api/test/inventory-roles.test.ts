import { roleEmailLocalPart, ROLES, type Role } from '@plantops/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, json, login, type Session, type TestContext } from './harness.js';
import { createPart, uniquePartNumber } from './parts-fixtures.js';

/**
 * Every inventory endpoint of spec section 3 and the CMMS parts endpoints, called by every role:
 * who gets through and who gets 403. The expected holders are written out here (spec 12.2 for
 * the manufacturing roles, domain.md for the maintenance ones), not derived from the permission
 * table, so a route that declares the wrong permission fails this test.
 */
const EVERYONE_BUT_REQUESTER = ROLES.filter((r) => r !== 'REQUESTER');
const ADJUST: Role[] = ['ADMIN', 'MANAGER', 'PRODUCTION_COORDINATOR', 'SUPERVISOR', 'PROCUREMENT', 'INVENTORY_CLERK'];
const CREATE_ITEM: Role[] = ['ADMIN', 'PROCUREMENT', 'INVENTORY_CLERK'];
const MANAGE_PARTS: Role[] = ['ADMIN', 'MANAGER', 'SUPERVISOR', 'INVENTORY_CLERK'];
const BOOK_USAGE: Role[] = ['ADMIN', 'MANAGER', 'SUPERVISOR', 'TECHNICIAN', 'INVENTORY_CLERK'];
// journeys.md: procurement receives deliveries too.
const RECEIVE: Role[] = ['ADMIN', 'MANAGER', 'SUPERVISOR', 'INVENTORY_CLERK', 'PROCUREMENT'];

let t: TestContext;
const sessions = new Map<Role, Session>();
let ids: { category: string; assembly: string; subAssembly: string; part: string };

beforeAll(async () => {
  t = await createTestApp();
  for (const role of ROLES) sessions.set(role, await login(t.app, `${roleEmailLocalPart(role)}@plantops.local`));
  const admin = sessions.get('ADMIN')!;
  const find = async (partNumber: string) =>
    json(await t.app.inject({ url: `/api/v1/inventory/search?query=${partNumber}&limit=1`, headers: bearer(admin) })).data.results[0].id as string;
  const categories = json(await t.app.inject({ url: '/api/v1/inventory/categories', headers: bearer(admin) })).data.categories as { id: string }[];
  const part = await createPart(t.app, admin, { quantityOnHand: 1000 });
  ids = { category: categories[0]!.id, assembly: await find('SINK-CS-PRO-48'), subAssembly: await find('SUB-BASIN-48-SS'), part: part.id };
}, 60_000);
afterAll(async () => t?.close());

interface Call {
  name: string;
  allowed: readonly Role[];
  request: () => { method?: 'GET' | 'POST' | 'PUT'; url: string; payload?: object };
}

const calls: Call[] = [
  { name: 'GET categories', allowed: EVERYONE_BUT_REQUESTER, request: () => ({ url: '/api/v1/inventory/categories' }) },
  { name: 'GET category assemblies', allowed: EVERYONE_BUT_REQUESTER, request: () => ({ url: `/api/v1/inventory/categories/${ids.category}/assemblies` }) },
  { name: 'GET sub-assemblies', allowed: EVERYONE_BUT_REQUESTER, request: () => ({ url: `/api/v1/inventory/assemblies/${ids.assembly}/sub-assemblies` }) },
  { name: 'GET sub-assembly parts', allowed: EVERYONE_BUT_REQUESTER, request: () => ({ url: `/api/v1/inventory/sub-assemblies/${ids.subAssembly}/parts` }) },
  { name: 'GET search', allowed: EVERYONE_BUT_REQUESTER, request: () => ({ url: '/api/v1/inventory/search?query=gasket' }) },
  { name: 'GET part detail', allowed: EVERYONE_BUT_REQUESTER, request: () => ({ url: `/api/v1/inventory/parts/${ids.part}` }) },
  { name: 'GET low stock', allowed: EVERYONE_BUT_REQUESTER, request: () => ({ url: '/api/v1/inventory/low-stock' }) },
  { name: 'PUT quantity', allowed: ADJUST, request: () => ({ method: 'PUT', url: `/api/v1/inventory/parts/${ids.part}/quantity`, payload: { quantityChange: 1, reason: 'Cycle count' } }) },
  { name: 'POST inventory part', allowed: CREATE_ITEM, request: () => ({ method: 'POST', url: '/api/v1/inventory/parts', payload: { partNumber: uniquePartNumber('RL'), name: 'Role check bracket', cost: 4 } }) },
  { name: 'GET parts', allowed: EVERYONE_BUT_REQUESTER, request: () => ({ url: '/api/v1/parts' }) },
  { name: 'GET part', allowed: EVERYONE_BUT_REQUESTER, request: () => ({ url: `/api/v1/parts/${ids.part}` }) },
  { name: 'POST part', allowed: MANAGE_PARTS, request: () => ({ method: 'POST', url: '/api/v1/parts', payload: { partNumber: uniquePartNumber('RP'), name: 'Role check seal', description: 'Seal' } }) },
  { name: 'PUT part', allowed: MANAGE_PARTS, request: () => ({ method: 'PUT', url: `/api/v1/parts/${ids.part}`, payload: { defaultBin: 'R-01' } }) },
  { name: 'GET part transactions', allowed: EVERYONE_BUT_REQUESTER, request: () => ({ url: `/api/v1/part-transactions?partId=${ids.part}` }) },
  { name: 'POST USED', allowed: BOOK_USAGE, request: () => ({ method: 'POST', url: '/api/v1/part-transactions', payload: { partId: ids.part, type: 'USED', quantity: 1 } }) },
  { name: 'POST INBOUND', allowed: RECEIVE, request: () => ({ method: 'POST', url: '/api/v1/part-transactions', payload: { partId: ids.part, type: 'INBOUND', quantity: 1 } }) },
  { name: 'POST ADJUSTMENT', allowed: MANAGE_PARTS, request: () => ({ method: 'POST', url: '/api/v1/part-transactions', payload: { partId: ids.part, type: 'ADJUSTMENT', quantity: 1, reason: 'Count' } }) },
  { name: 'POST receipt', allowed: RECEIVE, request: () => ({ method: 'POST', url: '/api/v1/receipts', payload: { lines: [{ partId: ids.part, quantity: 1 }] } }) },
];

describe('inventory and parts endpoints by role', () => {
  it.each(calls)('$name', async (call) => {
    const outcome: Record<string, number> = {};
    for (const role of ROLES) {
      const { method = 'GET', url, payload } = call.request();
      const res = await t.app.inject({ method, url, headers: bearer(sessions.get(role)!), ...(payload ? { payload } : {}) });
      outcome[role] = res.statusCode;
    }
    const expected = Object.fromEntries(ROLES.map((r) => [r, call.allowed.includes(r) ? 'allowed' : 403]));
    const actual = Object.fromEntries(ROLES.map((r) => [r, outcome[r]! < 300 ? 'allowed' : outcome[r]]));
    expect(actual).toEqual(expected);
  });
});
