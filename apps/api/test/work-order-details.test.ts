import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { bearer, expectError, json, type Session } from './harness.js';
import { api, createEquipment, createWorkOrder, maintenanceWorld, type MaintenanceWorld } from './maintenance-fixtures.js';
import { multipartBody } from './multipart.js';
import { createPart } from './parts-fixtures.js';

let w: MaintenanceWorld;
let get: ReturnType<typeof api>['get'];
let send: ReturnType<typeof api>['send'];

beforeAll(async () => {
  w = await maintenanceWorld();
  ({ get, send } = api(w.t.app));
});
afterAll(async () => w?.t.close());

const detail = async (s: Session, id: string) => json(await get(s, `/api/v1/work-orders/${id}`)).data;
const status = (s: Session, id: string, to: string, reason?: string) => send(s, 'PUT', `/api/v1/work-orders/${id}/status`, { status: to, ...(reason ? { reason } : {}) });

/** A work order assigned to `who` and already IN_PROGRESS. */
async function started(who: Session = w.tech, over: Record<string, unknown> = {}) {
  const wo = await createWorkOrder(w.t.app, w.supervisor, { assigneeIds: [who.user.id], ...over });
  const res = await status(who, wo.id, 'IN_PROGRESS');
  if (res.statusCode !== 200) throw new Error(res.body);
  return wo;
}

const fields = [
  { key: 'pressure', label: 'Pressure', type: 'number', required: true, unit: 'bar', min: 0, max: 16 },
  { key: 'leak', label: 'Leak found', type: 'boolean' },
  { key: 'checked', label: 'Checked on', type: 'date' },
  { key: 'state', label: 'Belt state', type: 'select', options: ['good', 'worn'] },
  { key: 'remark', label: 'Remark', type: 'text' },
];

describe('checklist', () => {
  it('validates typed custom fields, needs required ones for DONE, and writes nothing on a refusal', async () => {
    const wo = await started(w.tech, { checklist: [{ component: 'Pump', action: 'Read pressure', customFields: fields }] });
    const [item] = (await detail(w.tech, wo.id)).checklist;
    expect(item).toMatchObject({ status: 'PENDING', customFields: expect.arrayContaining([expect.objectContaining({ key: 'pressure', type: 'number', required: true })]) });
    const put = (body: object) => send(w.tech, 'PUT', `/api/v1/work-orders/${wo.id}/checklist-items/${item.id}`, body);
    const wrong = expectError(await put({ customFieldData: { pressure: 'high', leak: 'no', checked: '2026-02-30x', state: 'broken' } }), 422, 'VALIDATION_ERROR');
    expect(wrong.details?.map((d) => d.field).sort()).toEqual(['customFieldData.checked', 'customFieldData.leak', 'customFieldData.pressure', 'customFieldData.state']);
    expect(expectError(await put({ customFieldData: { pressure: 17 } }), 422).details?.[0]?.message).toMatch(/at most 16/);
    expect(expectError(await put({ customFieldData: { colour: 'red' } }), 422).details?.[0]?.code).toBe('UNKNOWN_FIELD');
    expect(expectError(await put({ status: 'DONE' }), 422).details?.[0]).toMatchObject({ field: 'customFieldData.pressure', code: 'REQUIRED_FIELD' });
    expect((await detail(w.tech, wo.id)).checklist[0]).toMatchObject({ status: 'PENDING', customFieldData: {} });
    const done = json(await put({ status: 'DONE', customFieldData: { pressure: 6.5, leak: false, checked: '2026-02-03', state: 'worn', remark: 'ok' }, notes: 'Within range' })).data;
    expect(done).toMatchObject({ status: 'DONE', notes: 'Within range', completedBy: w.tech.user.id, customFieldData: { pressure: 6.5, state: 'worn' } });
    expect(done.completedAt).toEqual(expect.any(String));
    expectError(await send(w.supervisor, 'POST', `/api/v1/work-orders/${wo.id}/checklist-items`, { component: 'x', action: 'y', customFields: [{ key: 's', label: 'S', type: 'select' }] }), 422);
  });

  it('opens a linked follow-up work order for an ISSUE item, once', async () => {
    const pump = await createEquipment(w.t.app, w.supervisor);
    const wo = await started(w.contractor, { equipmentId: pump.id, priority: 'HIGH', checklist: [{ component: 'Coupling', action: 'Inspect' }] });
    const [item] = (await detail(w.contractor, wo.id)).checklist;
    const url = `/api/v1/work-orders/${wo.id}/checklist-items/${item.id}`;
    expect(expectError(await send(w.contractor, 'PUT', url, { status: 'ISSUE' }), 422).details?.[0]?.field).toBe('notes');
    const issue = json(await send(w.contractor, 'PUT', url, { status: 'ISSUE', notes: 'Coupling cracked' })).data;
    expect(issue.followUpWorkOrderId).toEqual(expect.any(String));
    const again = json(await send(w.contractor, 'PUT', url, { status: 'ISSUE', notes: 'Still cracked' })).data;
    expect(again.followUpWorkOrderId).toBe(issue.followUpWorkOrderId);
    const followUp = await detail(w.supervisor, issue.followUpWorkOrderId);
    expect(followUp).toMatchObject({ followUp: true, parentWorkOrderId: wo.id, status: 'NEW', type: 'CORRECTIVE', priority: 'HIGH', equipment: { id: pump.id } });
    expect(followUp.description).toMatch(/Coupling cracked/);
    expect((await detail(w.supervisor, wo.id)).followUps.map((f: { id: string }) => f.id)).toEqual([issue.followUpWorkOrderId]);
    // ISSUE counts as resolved for completion.
    expect(json(await status(w.contractor, wo.id, 'COMPLETED')).data.status).toBe('COMPLETED');
  });

  it('adds items from a template, and only the assignee records results while IN_PROGRESS', async () => {
    const tpl = await send(w.supervisor, 'POST', '/api/v1/work-orders/checklist-templates', { name: `Monthly ${Math.random()}`, items: [{ component: 'Belt', action: 'Check tension' }, { component: 'Filter', action: 'Replace', customFields: [{ key: 'lot', label: 'Lot', type: 'text', required: true }] }] });
    expect(tpl.statusCode).toBe(201);
    expectError(await send(w.tech, 'POST', '/api/v1/work-orders/checklist-templates', { name: 'Mine', items: [{ component: 'a', action: 'b' }] }), 403);
    const wo = await createWorkOrder(w.t.app, w.supervisor, { type: 'PM', checklistTemplateId: json(tpl).data.id });
    const list = (await detail(w.supervisor, wo.id)).checklist;
    expect(list.map((i: { component: string; templateId: string }) => [i.component, i.templateId])).toEqual([['Belt', json(tpl).data.id], ['Filter', json(tpl).data.id]]);
    const extra = json(await send(w.supervisor, 'POST', `/api/v1/work-orders/${wo.id}/checklist-items`, { templateId: json(tpl).data.id })).data.items;
    expect(extra.map((i: { position: number }) => i.position)).toEqual([3, 4]);
    // Not started, not assigned: nobody records results yet.
    expect(expectError(await send(w.supervisor, 'PUT', `/api/v1/work-orders/${wo.id}/checklist-items/${list[0].id}`, { status: 'DONE' }), 409).message).toMatch(/WORK_NOT_STARTED/);
    expectError(await send(w.tech, 'PUT', `/api/v1/work-orders/${wo.id}/checklist-items/${list[0].id}`, { status: 'DONE' }), 404);
    expectError(await send(w.requester, 'PUT', `/api/v1/work-orders/${wo.id}/checklist-items/${list[0].id}`, { status: 'DONE' }), 403);
  });
});

describe('time logs', () => {
  it('runs one timer per person, stops it, and refuses overlapping manual entries', async () => {
    const a = await started();
    const b = await started();
    const start = await send(w.tech, 'POST', `/api/v1/work-orders/${a.id}/time-logs/start`, { description: 'Diagnosis' });
    expect(start.statusCode).toBe(201);
    expect(json(start).data).toMatchObject({ running: true, userId: w.tech.user.id, source: 'TIMER' });
    const second = expectError(await send(w.tech, 'POST', `/api/v1/work-orders/${b.id}/time-logs/start`, {}), 409, 'RESOURCE_CONFLICT');
    expect(second.message).toMatch(new RegExp(`TIMER_RUNNING.*${a.foNumber}`));
    // Racing starts: the unique index lets one through.
    const raced = await Promise.all([1, 2, 3].map(() => send(w.supervisor, 'POST', `/api/v1/work-orders/${b.id}/time-logs/start`, {})));
    expect(raced.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(raced.filter((r) => r.statusCode === 409)).toHaveLength(2);
    const stopped = json(await send(w.tech, 'POST', `/api/v1/work-orders/${a.id}/time-logs/stop`)).data;
    expect(stopped).toMatchObject({ running: false });
    expect(expectError(await send(w.tech, 'POST', `/api/v1/work-orders/${a.id}/time-logs/stop`), 409).message).toMatch(/NO_RUNNING_TIMER/);

    const iso = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
    const manual = await send(w.tech, 'POST', `/api/v1/work-orders/${b.id}/time-logs`, { startTime: iso(5), endTime: iso(4), description: 'Parts run' });
    expect(manual.statusCode).toBe(201);
    expect(json(manual).data).toMatchObject({ minutes: 60, source: 'MANUAL' });
    const overlap = expectError(await send(w.tech, 'POST', `/api/v1/work-orders/${a.id}/time-logs`, { startTime: iso(4.5), endTime: iso(3) }), 409);
    expect(overlap.message).toMatch(/TIME_OVERLAP/);
    expect(expectError(await send(w.tech, 'POST', `/api/v1/work-orders/${a.id}/time-logs`, { startTime: iso(1), endTime: iso(-1) }), 422).details?.[0]?.field).toBe('endTime');
    expectError(await send(w.tech, 'POST', `/api/v1/work-orders/${a.id}/time-logs`, { startTime: iso(2), endTime: iso(3) }), 422);
    expect((await send(w.tech, 'POST', `/api/v1/work-orders/${a.id}/time-logs`, { startTime: iso(4), endTime: iso(3.5) })).statusCode).toBe(201);
    const d = await detail(w.tech, b.id);
    expect(d.totalMinutes).toBe(60);
    expect(d.timeLogs).toHaveLength(2);
    // Completing stops the timers still running on the work order.
    expect(json(await status(w.tech, b.id, 'COMPLETED')).data.status).toBe('COMPLETED');
    expect((await detail(w.supervisor, b.id)).timeLogs.every((t: { running: boolean }) => !t.running)).toBe(true);
    expect(expectError(await send(w.tech, 'POST', `/api/v1/work-orders/${b.id}/time-logs/start`, {}), 409).message).toMatch(/WORK_NOT_STARTED/);
  });
});

describe('parts', () => {
  it('books usage and returns through the ledger with the work order as reference', async () => {
    const part = await createPart(w.t.app, w.clerk, { quantityOnHand: 5 });
    const wo = await started();
    const used = await send(w.tech, 'POST', `/api/v1/work-orders/${wo.id}/parts`, { partId: part.id, quantity: 3 });
    expect(used.statusCode).toBe(201);
    expect(json(used).data).toMatchObject({ type: 'USED', quantity: 3, onHandAfter: 2, partNumber: part.partNumber });
    const tooMany = expectError(await send(w.tech, 'POST', `/api/v1/work-orders/${wo.id}/parts`, { partId: part.id, quantity: 3 }), 409, 'BUSINESS_INSUFFICIENT_INVENTORY');
    expect(tooMany.message).toMatch(/2 available/);
    const over = expectError(await send(w.tech, 'POST', `/api/v1/work-orders/${wo.id}/parts`, { partId: part.id, quantity: 4, action: 'RETURN' }), 409);
    expect(over.message).toMatch(/RETURN_EXCEEDS_USED/);
    expect(json(await send(w.tech, 'POST', `/api/v1/work-orders/${wo.id}/parts`, { partId: part.id, quantity: 1, action: 'RETURN' })).data).toMatchObject({ type: 'RETURNED', onHandAfter: 3 });
    const d = await detail(w.tech, wo.id);
    expect(d.parts).toEqual([{ partId: part.id, partNumber: part.partNumber, name: 'Test bearing', used: 3, returned: 1, net: 2 }]);
    expect(d.partMovements).toHaveLength(2);
    const ledger = await w.t.db.query<{ type: string; quantity: number }>(`SELECT type, quantity FROM stock_transactions WHERE work_order_id = $1 ORDER BY created_at`, [wo.id]);
    expect(ledger.rows).toEqual([{ type: 'USED', quantity: -3 }, { type: 'RETURNED', quantity: 1 }]);
    expectError(await send(w.tech, 'POST', `/api/v1/work-orders/${wo.id}/parts`, { partId: part.id, quantity: 0 }), 422);
    // Another site's part stock is not this work order's to use; not assigned, no parts.
    const other = await createWorkOrder(w.t.app, w.supervisor, { assigneeIds: [w.contractor.user.id] });
    expectError(await send(w.tech, 'POST', `/api/v1/work-orders/${other.id}/parts`, { partId: part.id, quantity: 1 }), 404);
    expect(expectError(await send(w.contractor, 'POST', `/api/v1/work-orders/${other.id}/parts`, { partId: part.id, quantity: 1 }), 409).message).toMatch(/WORK_NOT_STARTED/);
  });
});

describe('attachments and comments', () => {
  const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  const upload = (s: Session, woId: string, content: Buffer, name: string, type: string, query = '') => {
    const body = multipartBody([{ name: 'file', filename: name, contentType: type, content }]);
    return w.t.app.inject({ method: 'POST', url: `/api/v1/work-orders/${woId}/attachments${query}`, headers: { ...bearer(s), ...body.headers }, payload: body.payload });
  };

  it('stores camera photos in wo-attachments, optionally on a checklist item, and refuses a file that is not what it claims', async () => {
    const wo = await started(w.tech, { checklist: [{ component: 'Guard', action: 'Photograph' }] });
    const [item] = (await detail(w.tech, wo.id)).checklist;
    const photo = await upload(w.tech, wo.id, PNG, 'IMG_0001.png', 'image/png', `?checklistItemId=${item.id}`);
    expect(photo.statusCode).toBe(201);
    expect(json(photo).data).toMatchObject({ fileName: 'IMG_0001.png', contentType: 'image/png', checklistItemId: item.id });
    const fake = await upload(w.tech, wo.id, Buffer.from('#!/bin/sh\necho hi\n'), 'photo.png', 'image/png');
    expect(fake.statusCode).toBeGreaterThanOrEqual(400);
    expect(fake.statusCode).toBeLessThan(500);
    expect((await detail(w.tech, wo.id)).attachments).toHaveLength(1);
    const file = await get(w.tech, `/api/v1/files/${json(photo).data.fileId}/download`);
    expect(file.statusCode).toBe(200);
    expectError(await get(w.techNorth, `/api/v1/files/${json(photo).data.fileId}/download`), 404);
    expectError(await upload(w.tech, wo.id, PNG, 'x.png', 'image/png', '?checklistItemId=0190a0b0-0000-7000-8000-000000000001'), 422);
    // The requester attaches a photo to its own request, and nobody else's.
    const req = json(await send(w.requester, 'POST', '/api/v1/work-orders', { title: 'Broken step' })).data;
    expect((await upload(w.requester, req.id, PNG, 'step.png', 'image/png')).statusCode).toBe(201);
    expectError(await upload(w.requester, wo.id, PNG, 'x.png', 'image/png'), 404);
  });

  it('takes comments from whoever may see the work order', async () => {
    const wo = await started();
    const c = await send(w.clerk, 'POST', `/api/v1/work-orders/${wo.id}/comments`, { body: 'Seal kit arrives Tuesday' });
    expect(c.statusCode).toBe(201);
    await send(w.tech, 'POST', `/api/v1/work-orders/${wo.id}/comments`, { body: 'Thanks' });
    const d = await detail(w.tech, wo.id);
    expect(d.comments.map((x: { body: string; userName: string }) => [x.userName, x.body])).toEqual([['Ines Clerk', 'Seal kit arrives Tuesday'], ['Toni Technician', 'Thanks']]);
    expect(d.history.map((h: { action: string }) => h.action)).toContain('COMMENT');
    expectError(await send(w.contractor, 'POST', `/api/v1/work-orders/${wo.id}/comments`, { body: 'Hi' }), 404);
    expectError(await send(w.tech, 'POST', `/api/v1/work-orders/${wo.id}/comments`, { body: '' }), 422);
  });
});

describe('real time', () => {
  it('pushes work_orders events by site and assignment', async () => {
    const base = (await w.t.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
    const open = async (s: Session) => {
      const ws = new WebSocket(`${base}/api/v1/realtime?token=${encodeURIComponent(s.token)}`);
      const events: { channel: string; payload: { id: string; event: string } }[] = [];
      ws.on('message', (raw) => {
        const m = JSON.parse(String(raw));
        if (m.type === 'event') events.push(m);
      });
      await new Promise((r) => ws.once('open', r));
      ws.send(JSON.stringify({ type: 'subscribe', channels: ['work_orders'] }));
      await new Promise((r) => ws.once('message', r));
      return { ws, events };
    };
    const [sup, tech, contractor, north] = await Promise.all([open(w.supervisor), open(w.tech), open(w.contractor), open(w.techNorth)]);
    const wo = await createWorkOrder(w.t.app, w.supervisor, { assigneeIds: [w.tech.user.id] });
    await status(w.tech, wo.id, 'IN_PROGRESS');
    await new Promise((r) => setTimeout(r, 300));
    const mine = (c: typeof sup) => c.events.filter((e) => e.payload.id === wo.id).map((e) => e.payload.event);
    expect(mine(sup)).toEqual(['created', 'status']);
    expect(mine(tech)).toEqual(['created', 'status']);
    expect(mine(contractor)).toEqual([]);
    expect(mine(north)).toEqual([]);
    for (const c of [sup, tech, contractor, north]) c.ws.close();
  });
});
