import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, expectError, json, login, type Session, type TestContext } from './harness.js';
import { multipartBody } from './multipart.js';
import { inventoryWorld } from './parts-fixtures.js';

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
const send = (s: Session, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(s), ...(payload ? { payload } : {}) });
let n = 0;
const newVendor = (over: object = {}) => ({ name: `Vendor ${++n} ${Math.random().toString(36).slice(2, 6)}`, type: 'SUPPLIER', ...over });

describe('managing vendors', () => {
  it('creates, updates and audits a vendor with contacts', async () => {
    const body = newVendor({
      email: 'sales@acme.example', phone: '+1 555 0100', address: '1 Industrial Way', website: 'https://acme.example', notes: 'Net 30',
      contacts: [{ name: 'Jo Sales', email: 'jo@acme.example', role: 'Account manager' }],
    });
    const res = await send(clerk, 'POST', '/api/v1/vendors', body);
    expect(res.statusCode).toBe(201);
    const vendor = json(res).data;
    expect(vendor).toMatchObject({ ...body, active: true, archivedAt: null, warehouseId: ids.main });
    const updated = json(await send(clerk, 'PUT', `/api/v1/vendors/${vendor.id}`, { type: 'CONTRACTOR', phone: null, contacts: [] })).data;
    expect(updated).toMatchObject({ type: 'CONTRACTOR', phone: null, contacts: [], name: body.name });
    const trail = await t.db.query<{ action: string }>(`SELECT action FROM system_logs WHERE table_name = 'vendors' AND record_id = $1 ORDER BY id`, [vendor.id]);
    expect(trail.rows.map((r) => r.action)).toEqual(['CREATE', 'UPDATE']);
  });

  it('validates the body and refuses a duplicate name in the same site', async () => {
    expectError(await send(clerk, 'POST', '/api/v1/vendors', { name: 'X', type: 'SHOP' }), 422);
    expectError(await send(clerk, 'POST', '/api/v1/vendors', newVendor({ email: 'not-an-email' })), 422);
    expectError(await send(clerk, 'POST', '/api/v1/vendors', newVendor({ contacts: Array.from({ length: 21 }, (_, i) => ({ name: `C${i}` })) })), 422);
    const v = json(await send(clerk, 'POST', '/api/v1/vendors', newVendor())).data;
    expectError(await send(clerk, 'POST', '/api/v1/vendors', newVendor({ name: v.name.toUpperCase() })), 409, 'RESOURCE_CONFLICT');
  });

  it('archives on delete and restores, never deleting', async () => {
    const v = json(await send(clerk, 'POST', '/api/v1/vendors', newVendor())).data;
    const archived = await send(clerk, 'DELETE', `/api/v1/vendors/${v.id}`);
    expect(archived.statusCode).toBe(200);
    expect(json(archived).data).toMatchObject({ id: v.id, active: false });
    expect(json(archived).data.archivedAt).toEqual(expect.any(String));
    expect(json(await get(clerk, `/api/v1/vendors?active=false`)).data.vendors.map((x: { id: string }) => x.id)).toContain(v.id);
    expect(json(await get(clerk, `/api/v1/vendors?active=true`)).data.vendors.map((x: { id: string }) => x.id)).not.toContain(v.id);
    const restored = json(await send(clerk, 'POST', `/api/v1/vendors/${v.id}/restore`)).data;
    expect(restored).toMatchObject({ active: true, archivedAt: null });
    const trail = await t.db.query<{ action: string }>(`SELECT action FROM system_logs WHERE table_name = 'vendors' AND record_id = $1 ORDER BY id`, [v.id]);
    expect(trail.rows.map((r) => r.action)).toEqual(['CREATE', 'ARCHIVE', 'RESTORE']);
    expect((await t.db.query(`SELECT 1 FROM vendors WHERE id = $1`, [v.id])).rows).toHaveLength(1);
  });

  it('lets technicians read but not manage; contractors and requesters see nothing', async () => {
    const v = json(await send(clerk, 'POST', '/api/v1/vendors', newVendor())).data;
    expect((await get(tech, `/api/v1/vendors/${v.id}`)).statusCode).toBe(200);
    expectError(await send(tech, 'POST', '/api/v1/vendors', newVendor()), 403);
    expectError(await send(tech, 'DELETE', `/api/v1/vendors/${v.id}`), 403);
    for (const email of ['contractor@plantops.local', 'requester@plantops.local']) {
      const s = await login(t.app, email);
      expectError(await get(s, '/api/v1/vendors'), 403);
    }
    const supervisor = await login(t.app, 'supervisor@plantops.local');
    expect((await send(supervisor, 'PUT', `/api/v1/vendors/${v.id}`, { notes: 'Preferred' })).statusCode).toBe(200);
  });
});

describe('listing vendors', () => {
  it('filters by type, active and search, and keeps sites apart', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const s = json(await send(clerk, 'POST', '/api/v1/vendors', newVendor({ name: `Supplier ${tag}` }))).data;
    const c = json(await send(clerk, 'POST', '/api/v1/vendors', newVendor({ name: `Crew ${tag}`, type: 'CONTRACTOR' }))).data;
    const found = json(await get(clerk, `/api/v1/vendors?search=${tag}`)).data;
    expect(found.vendors.map((v: { id: string }) => v.id)).toEqual([c.id, s.id]);
    expect(json(await get(clerk, `/api/v1/vendors?search=${tag}&type=CONTRACTOR`)).data.vendors.map((v: { id: string }) => v.id)).toEqual([c.id]);
    expect(json(await get(clerk, `/api/v1/vendors?search=${tag}&limit=1`)).data.pagination).toMatchObject({ totalItems: 2, totalPages: 2 });
    expectError(await get(clerk, '/api/v1/vendors?limit=101'), 400);

    expect(json(await get(techNorth, `/api/v1/vendors?search=${tag}`)).data.vendors).toEqual([]);
    expectError(await get(techNorth, `/api/v1/vendors/${s.id}`), 404);
    const northVendor = json(await t.app.inject({ method: 'POST', url: '/api/v1/vendors', headers: { ...bearer(admin), 'x-warehouse-id': ids.north }, payload: newVendor({ name: `North ${tag}` }) })).data;
    expect(northVendor.warehouseId).toBe(ids.north);
    expect(json(await get(techNorth, `/api/v1/vendors?search=${tag}`)).data.vendors.map((v: { id: string }) => v.id)).toEqual([northVendor.id]);
    expect(json(await get(admin, `/api/v1/vendors?search=${tag}`)).data.pagination.totalItems).toBe(3);
    expectError(await send(clerk, 'PUT', `/api/v1/vendors/${northVendor.id}`, { notes: 'x' }), 404);
  });
});

describe('vendor documents', () => {
  const pdf = '%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n';
  const upload = (s: Session, vendorId: string) => {
    const { payload, headers } = multipartBody([{ name: 'file', filename: 'certificate.pdf', contentType: 'application/pdf', content: pdf }]);
    return t.app.inject({ method: 'POST', url: `/api/v1/files?bucket=vendor-documents&recordType=vendor&recordId=${vendorId}`, headers: { ...bearer(s), ...headers }, payload });
  };

  it('lists the vendor’s files and lets whoever reads the vendor download them', async () => {
    const v = json(await send(clerk, 'POST', '/api/v1/vendors', newVendor())).data;
    const up = await upload(clerk, v.id);
    expect(up.statusCode).toBe(201);
    const fileId = json(up).data.id;
    const detail = json(await get(tech, `/api/v1/vendors/${v.id}`)).data;
    expect(detail.documents).toEqual([{ id: fileId, fileName: 'certificate.pdf', contentType: 'application/pdf', size: pdf.length, url: `/api/v1/files/${fileId}/download` }]);
    const download = await get(tech, detail.documents[0].url);
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe(pdf);
    expectError(await get(techNorth, `/api/v1/files/${fileId}`), 404);
    // A deleted file drops out of the vendor's documents.
    expect((await send(clerk, 'DELETE', `/api/v1/files/${fileId}`)).statusCode).toBe(200);
    expect(json(await get(tech, `/api/v1/vendors/${v.id}`)).data.documents).toEqual([]);
  });

  it('refuses attaching to a vendor of another site', async () => {
    const north = json(await t.app.inject({ method: 'POST', url: '/api/v1/vendors', headers: { ...bearer(admin), 'x-warehouse-id': ids.north }, payload: newVendor() })).data;
    expectError(await upload(clerk, north.id), 404);
  });
});
