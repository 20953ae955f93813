import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, expectError, json, type Session } from './harness.js';
import { api, createEquipment, createWorkOrder, maintenanceWorld, uniqueTag, type MaintenanceWorld } from './maintenance-fixtures.js';
import { multipartBody } from './multipart.js';

let w: MaintenanceWorld;
let get: ReturnType<typeof api>['get'];
let send: ReturnType<typeof api>['send'];

beforeAll(async () => {
  w = await maintenanceWorld();
  ({ get, send } = api(w.t.app));
});
afterAll(async () => w?.t.close());

const detail = async (s: Session, id: string) => json(await get(s, `/api/v1/equipment/${id}`)).data;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe('equipment records', () => {
  it('creates, reads and updates equipment with dates, and refuses a duplicate tag in any site', async () => {
    const tag = uniqueTag('PUMP');
    const res = await send(w.supervisor, 'POST', '/api/v1/equipment', {
      assetTag: tag, name: 'Feed pump', model: 'KSB-40', manufacturer: 'KSB', serialNumber: 'SN-1', description: 'Boiler feed', area: 'Boiler room',
      criticality: 'HIGH', installationDate: '2021-03-04', warrantyExpiry: '2026-03-04',
    });
    expect(res.statusCode).toBe(201);
    const e = json(res).data;
    expect(e).toMatchObject({ assetTag: tag, status: 'ACTIVE', criticality: 'HIGH', installationDate: '2021-03-04', warrantyExpiry: '2026-03-04', hierarchyLevel: 0, parentEquipmentId: null, warehouseId: w.ids.main });
    expect(e.qrCodeUrl).toBe(`http://localhost:3000/scan?code=${tag}`);
    const updated = json(await send(w.supervisor, 'PUT', `/api/v1/equipment/${e.id}`, { criticality: 'CRITICAL', warrantyExpiry: null })).data;
    expect(updated).toMatchObject({ criticality: 'CRITICAL', warrantyExpiry: null, name: 'Feed pump' });
    expect(expectError(await send(w.supervisor, 'POST', '/api/v1/equipment', { assetTag: tag.toLowerCase() }), 409, 'RESOURCE_CONFLICT').message).toMatch(/already in use/);
    // The tag is taken in North too, though North cannot see Main's row.
    const northSupervisorLike = w.manager;
    expectError(await send(northSupervisorLike, 'POST', '/api/v1/equipment', { assetTag: tag }, { 'x-warehouse-id': w.ids.north }), 409);
    expectError(await send(w.supervisor, 'POST', '/api/v1/equipment', { assetTag: 'bad tag!' }), 422);
    expectError(await send(w.supervisor, 'POST', '/api/v1/equipment', { assetTag: uniqueTag(), installationDate: '2021-13-40' }), 422);
    const trail = await w.t.db.query<{ action: string }>(`SELECT action FROM system_logs WHERE table_name = 'equipment' AND record_id = $1 ORDER BY id`, [e.id]);
    expect(trail.rows.map((r) => r.action)).toEqual(['CREATE', 'UPDATE']);
  });

  it('lets technicians read and set working statuses; requesters read; only supervisors manage', async () => {
    const e = await createEquipment(w.t.app, w.supervisor);
    expect((await get(w.requester, `/api/v1/equipment/${e.id}`)).statusCode).toBe(200);
    expect((await get(w.clerk, `/api/v1/equipment/${e.id}`)).statusCode).toBe(200);
    expectError(await send(w.tech, 'POST', '/api/v1/equipment', { assetTag: uniqueTag() }), 403);
    expectError(await send(w.tech, 'PUT', `/api/v1/equipment/${e.id}`, { name: 'x' }), 403);
    expectError(await send(w.requester, 'POST', `/api/v1/equipment/${e.id}/status`, { status: 'INACTIVE' }), 403);
    expect(json(await send(w.tech, 'POST', `/api/v1/equipment/${e.id}/status`, { status: 'MAINTENANCE', reason: 'Bearing noise' })).data.status).toBe('MAINTENANCE');
    expect(expectError(await send(w.tech, 'POST', `/api/v1/equipment/${e.id}/status`, { status: 'RETIRED', reason: 'Old' }), 403).message).toMatch(/EQUIPMENT_STATUS_ROLE/);
    expectError(await send(w.tech, 'POST', `/api/v1/equipment/${e.id}/retire`, { reason: 'Old' }), 403);
    expectError(await get(w.assembler, `/api/v1/equipment/${e.id}`), 403);
    expectError(await get(w.contractor, `/api/v1/equipment/${e.id}`), 404);
    // The contractor's list holds only machines of its assigned work (the demo press brake).
    const contractorSees = json(await get(w.contractor, '/api/v1/equipment?limit=100')).data.equipment as { id: string; assetTag: string }[];
    expect(contractorSees.map((x) => x.assetTag)).toEqual(['MAIN-L1-PRS']);
  });

  it('keeps a status history and retires or disposes instead of deleting, with gates', async () => {
    const e = await createEquipment(w.t.app, w.supervisor);
    await send(w.supervisor, 'POST', `/api/v1/equipment/${e.id}/status`, { status: 'INACTIVE', reason: 'Line idle' });
    expect(expectError(await send(w.supervisor, 'POST', `/api/v1/equipment/${e.id}/status`, { status: 'INACTIVE' }), 409).message).toMatch(/SAME_STATUS/);
    expect(expectError(await send(w.supervisor, 'POST', `/api/v1/equipment/${e.id}/dispose`, { reason: 'Scrap' }), 409).message).toMatch(/EQUIPMENT_STATUS_FLOW/);
    const wo = await createWorkOrder(w.t.app, w.supervisor, { equipmentId: e.id });
    expect(expectError(await send(w.supervisor, 'POST', `/api/v1/equipment/${e.id}/retire`, { reason: 'Replaced' }), 409).message).toMatch(/OPEN_WORK_ORDERS/);
    expectError(await send(w.supervisor, 'POST', `/api/v1/equipment/${e.id}/retire`, {}), 422);
    await send(w.supervisor, 'PUT', `/api/v1/work-orders/${wo.id}/status`, { status: 'CANCELLED', reason: 'Replacing the machine' });
    const retired = json(await send(w.supervisor, 'POST', `/api/v1/equipment/${e.id}/retire`, { reason: 'Replaced' })).data;
    expect(retired).toMatchObject({ status: 'RETIRED' });
    expect(retired.retiredAt).toEqual(expect.any(String));
    const disposed = json(await send(w.manager, 'POST', `/api/v1/equipment/${e.id}/dispose`, { reason: 'Scrapped' })).data;
    expect(disposed.status).toBe('DISPOSED');
    expect(expectError(await send(w.manager, 'POST', `/api/v1/equipment/${e.id}/status`, { status: 'ACTIVE' }), 409).message).toMatch(/EQUIPMENT_STATUS_FLOW/);
    expectError(await send(w.manager, 'PUT', `/api/v1/equipment/${e.id}`, { name: 'x' }), 409);
    const history = json(await get(w.tech, `/api/v1/equipment/${e.id}/status-history`)).data.history;
    expect(history.map((h: { toStatus: string }) => h.toStatus)).toEqual(['DISPOSED', 'RETIRED', 'INACTIVE', 'ACTIVE']);
    expect(history[2]).toMatchObject({ fromStatus: 'ACTIVE', reason: 'Line idle', changedByName: 'Sam Supervisor' });
    expect((await w.t.db.query(`SELECT 1 FROM equipment WHERE id = $1`, [e.id])).rows).toHaveLength(1);
  });
});

describe('the hierarchy', () => {
  it('builds a tree, loads it level by level, and moves subtrees with true levels and no cycles', async () => {
    const line = await createEquipment(w.t.app, w.supervisor, { name: 'Line 9' });
    const press = await createEquipment(w.t.app, w.supervisor, { name: 'Press', parentEquipmentId: line.id });
    const motor = await createEquipment(w.t.app, w.supervisor, { name: 'Motor', parentEquipmentId: press.id });
    const other = await createEquipment(w.t.app, w.supervisor, { name: 'Line 10' });
    expect([press.hierarchyLevel, motor.hierarchyLevel]).toEqual([1, 2]);

    const roots = json(await get(w.tech, '/api/v1/equipment/tree?limit=200')).data;
    expect(roots.parentId).toBeNull();
    expect(roots.nodes.find((n: { id: string }) => n.id === line.id)).toMatchObject({ childrenCount: 1, hierarchyLevel: 0 });
    expect(roots.nodes.map((n: { id: string }) => n.id)).not.toContain(press.id);
    const children = json(await get(w.tech, `/api/v1/equipment/tree?parentId=${press.id}`)).data.nodes;
    expect(children.map((n: { id: string }) => n.id)).toEqual([motor.id]);

    const d = await detail(w.tech, motor.id);
    expect(d.parentPath.map((p: { id: string }) => p.id)).toEqual([line.id, press.id]);

    expect(expectError(await send(w.supervisor, 'POST', `/api/v1/equipment/${line.id}/move`, { parentEquipmentId: motor.id }), 409).message).toMatch(/HIERARCHY_CYCLE/);
    expect(expectError(await send(w.supervisor, 'POST', `/api/v1/equipment/${line.id}/move`, { parentEquipmentId: line.id }), 409).message).toMatch(/HIERARCHY_CYCLE/);
    expectError(await send(w.tech, 'POST', `/api/v1/equipment/${press.id}/move`, { parentEquipmentId: other.id }), 403);

    const moved = json(await send(w.supervisor, 'POST', `/api/v1/equipment/${line.id}/move`, { parentEquipmentId: other.id })).data;
    expect(moved).toMatchObject({ movedCount: 3, equipment: { parentEquipmentId: other.id, hierarchyLevel: 1 } });
    expect((await detail(w.tech, motor.id)).hierarchyLevel).toBe(3);
    const top = json(await send(w.supervisor, 'POST', `/api/v1/equipment/${press.id}/move`, { parentEquipmentId: null })).data;
    expect(top.equipment.hierarchyLevel).toBe(0);
    expect((await detail(w.tech, motor.id)).hierarchyLevel).toBe(1);
    expect((await detail(w.tech, line.id)).childrenCount).toBe(0);
  });
});

describe('lists', () => {
  it('filters by status, criticality, area, model, parent and free text, paginated', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const a = await createEquipment(w.t.app, w.supervisor, { name: `Compressor ${tag}`, model: `AC-${tag}`, area: `Yard ${tag}`, criticality: 'CRITICAL', serialNumber: `SER${tag}X` });
    const b = await createEquipment(w.t.app, w.supervisor, { name: `Dryer ${tag}`, model: `DR-${tag}`, area: `Yard ${tag}`, criticality: 'LOW', parentEquipmentId: a.id });
    const ids = async (q: string) => (json(await get(w.tech, `/api/v1/equipment?${q}`)).data.equipment as { id: string }[]).map((e) => e.id);
    expect(await ids(`search=${tag}`)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await ids(`search=ser${tag}`)).toEqual([a.id]);
    expect(await ids(`search=${tag}&criticality=LOW`)).toEqual([b.id]);
    expect(await ids(`model=AC-${tag}`)).toEqual([a.id]);
    expect(await ids(`area=Yard%20${tag}&sort=criticality`)).toEqual([a.id, b.id]);
    expect(await ids(`parentId=${a.id}`)).toEqual([b.id]);
    expect(await ids(`search=${tag}&status=RETIRED`)).toEqual([]);
    const page = json(await get(w.tech, `/api/v1/equipment?search=${tag}&limit=1`)).data;
    expect(page.pagination).toMatchObject({ totalItems: 2, totalPages: 2, hasNextPage: true });
    expectError(await get(w.tech, '/api/v1/equipment?status=BROKEN'), 400);
  });
});

describe('QR codes and labels', () => {
  it('resolves a scanned QR link or a typed tag, and names an unknown code', async () => {
    const e = await createEquipment(w.t.app, w.supervisor);
    const byTag = json(await get(w.requester, `/api/v1/equipment/lookup?code=${e.assetTag.toLowerCase()}`)).data;
    expect(byTag.id).toBe(e.id);
    const byQr = json(await get(w.tech, `/api/v1/equipment/lookup?code=${encodeURIComponent(String(e.qrCodeUrl))}`)).data;
    expect(byQr.id).toBe(e.id);
    expect(expectError(await get(w.tech, '/api/v1/equipment/lookup?code=NOPE-404'), 404).message).toMatch(/NOPE-404/);
  });

  it('draws a PNG and an SVG per asset and prints a PDF label sheet for a selection', async () => {
    const a = await createEquipment(w.t.app, w.supervisor);
    const b = await createEquipment(w.t.app, w.supervisor);
    const png = await get(w.tech, `/api/v1/equipment/${a.id}/qr`);
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(0, 4).toString('hex')).toBe('89504e47');
    const svg = await get(w.tech, `/api/v1/equipment/${a.id}/qr?format=svg&size=128`);
    expect(svg.headers['content-type']).toMatch(/image\/svg\+xml/);
    expect(svg.body).toContain('<svg');
    const pdf = await get(w.supervisor, `/api/v1/equipment/labels?ids=${a.id},${b.id}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expectError(await get(w.supervisor, `/api/v1/equipment/labels?ids=${a.id},0190a0b0-0000-7000-8000-000000000001`), 422);
    expectError(await get(w.supervisor, '/api/v1/equipment/labels?ids=x'), 400);
  });
});

describe('downtime and KPIs', () => {
  it('records planned and unplanned downtime, one open at a time, and computes MTBF, MTTR and availability', async () => {
    const e = await createEquipment(w.t.app, w.supervisor);
    const now = Date.now();
    const h = (n: number) => new Date(now - n * 3_600_000).toISOString();
    const wo = await createWorkOrder(w.t.app, w.supervisor, { equipmentId: e.id });
    const first = await send(w.supervisor, 'POST', `/api/v1/equipment/${e.id}/downtime`, { startedAt: h(50), endedAt: h(46), reason: 'Seal failure', workOrderId: wo.id });
    expect(first.statusCode, first.body).toBe(201);
    expect(json(first).data).toMatchObject({ durationHours: 4, planned: false, workOrderId: wo.id });
    await send(w.tech, 'POST', `/api/v1/equipment/${e.id}/downtime`, { startedAt: h(30), endedAt: h(28), reason: 'Service', planned: true });
    const open = json(await send(w.tech, 'POST', `/api/v1/equipment/${e.id}/downtime`, { startedAt: h(2), reason: 'Tripped' })).data;
    expect(expectError(await send(w.tech, 'POST', `/api/v1/equipment/${e.id}/downtime`, { startedAt: h(1), reason: 'Again' }), 409).message).toMatch(/DOWNTIME_OPEN/);
    expectError(await send(w.tech, 'POST', `/api/v1/equipment/${e.id}/downtime`, { startedAt: h(5), endedAt: h(6), reason: 'Backwards' }), 422);
    const ended = json(await send(w.tech, 'PUT', `/api/v1/equipment/${e.id}/downtime/${open.id}`, { endedAt: h(0) })).data;
    expect(ended.durationHours).toBeCloseTo(2, 1);
    expectError(await send(w.tech, 'PUT', `/api/v1/equipment/${e.id}/downtime/${open.id}`, { endedAt: h(0) }), 409);
    const d = await detail(w.supervisor, e.id);
    expect(d.downtime).toHaveLength(3);
    expect(d.kpis.failures).toBe(2);
    expect(d.kpis.mttrHours).toBeCloseTo(3, 1);
    expect(d.kpis.mtbfHours).toBeCloseTo((90 * 24 - 6) / 2, 0);
    expect(d.kpis.availability).toBeCloseTo((90 * 24 - 6) / (90 * 24), 3);
    expect(d.kpis.formulas.mtbf).toMatch(/MTBF/);
    expect(d.openWorkOrders.map((x: { id: string }) => x.id)).toEqual([wo.id]);
    expect(d.nextStatuses).toEqual(['INACTIVE', 'MAINTENANCE', 'RETIRED']);
  });

  it('shows last and next PM and the photos attached through the files module', async () => {
    const e = await createEquipment(w.t.app, w.supervisor);
    const pm = await createWorkOrder(w.t.app, w.supervisor, { type: 'PM', equipmentId: e.id, dueDate: '2031-01-01' });
    const body = multipartBody([{ name: 'file', filename: 'front.png', contentType: 'image/png', content: PNG }]);
    const up = await w.t.app.inject({ method: 'POST', url: `/api/v1/files?bucket=equipment-photos&recordType=equipment&recordId=${e.id}`, headers: { ...bearer(w.tech), ...body.headers }, payload: body.payload });
    expect(up.statusCode).toBe(201);
    const d = await detail(w.supervisor, e.id);
    expect(d.nextPm).toMatchObject({ workOrderId: pm.id, dueDate: '2031-01-01' });
    expect(d.lastPm).toBeNull();
    expect(d.photos.map((p: { fileName: string }) => p.fileName)).toEqual(['front.png']);
    // A requester sees the machine and its photos, but not work orders that are not its own.
    const seen = await detail(w.requester, e.id);
    expect(seen.photos).toHaveLength(1);
    expect(seen.nextPm).toBeNull();
    // Another site cannot attach to, or read, this machine's photos.
    const north = await w.t.app.inject({ method: 'POST', url: `/api/v1/files?bucket=equipment-photos&recordType=equipment&recordId=${e.id}`, headers: { ...bearer(w.techNorth), ...body.headers }, payload: body.payload });
    expectError(north, 404);
    expectError(await get(w.techNorth, `/api/v1/files/${json(up).data.id}`), 404);
  });
});

describe('warehouse isolation', () => {
  it('hides another site\'s equipment by id, in lists, the tree, lookups and labels', async () => {
    const north = await createEquipment(w.t.app, w.manager, { name: 'North boiler' }, { 'x-warehouse-id': w.ids.north });
    expect(north.warehouseId).toBe(w.ids.north);
    for (const s of [w.supervisor, w.tech, w.requester]) {
      expectError(await get(s, `/api/v1/equipment/${north.id}`), 404);
      expectError(await get(s, `/api/v1/equipment/lookup?code=${north.assetTag}`), 404);
      expect((json(await get(s, `/api/v1/equipment?search=${north.assetTag}`)).data.equipment as unknown[]).length).toBe(0);
      expect((json(await get(s, '/api/v1/equipment/tree?limit=200')).data.nodes as { id: string }[]).map((n) => n.id)).not.toContain(north.id);
    }
    expectError(await get(w.supervisor, `/api/v1/equipment/labels?ids=${north.id}`), 422);
    expectError(await get(w.supervisor, `/api/v1/equipment/${north.id}/qr`), 404);
    expectError(await send(w.supervisor, 'POST', `/api/v1/equipment/${north.id}/status`, { status: 'INACTIVE' }), 404);
    const mainLine = await createEquipment(w.t.app, w.supervisor);
    expectError(await send(w.supervisor, 'POST', `/api/v1/equipment/${mainLine.id}/move`, { parentEquipmentId: north.id }), 422);
    expectError(await get(w.supervisor, `/api/v1/equipment?warehouseId=${w.ids.north}`), 403);
    expect((await get(w.techNorth, `/api/v1/equipment/${north.id}`)).statusCode).toBe(200);
    expect((await get(w.manager, `/api/v1/equipment/${north.id}`)).statusCode).toBe(200);
  });
});
