import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, json, type Session } from './harness.js';
import { api, createEquipment, createWorkOrder, maintenanceWorld, type MaintenanceWorld } from './maintenance-fixtures.js';

let w: MaintenanceWorld;
let get: ReturnType<typeof api>['get'];
let send: ReturnType<typeof api>['send'];

beforeAll(async () => {
  w = await maintenanceWorld();
  ({ get, send } = api(w.t.app));
});
afterAll(async () => w?.t.close());

const status = (s: Session, id: string, to: string, reason?: string) => send(s, 'PUT', `/api/v1/work-orders/${id}/status`, { status: to, ...(reason ? { reason } : {}) });
const assignTo = (s: Session, id: string, ...users: Session[]) => send(s, 'POST', `/api/v1/work-orders/${id}/assign`, { userIds: users.map((u) => u.user.id) });
const detail = async (s: Session, id: string) => json(await get(s, `/api/v1/work-orders/${id}`)).data;
const listIds = async (s: Session, query = '') => (json(await get(s, `/api/v1/work-orders?limit=100${query}`)).data.workOrders as { id: string }[]).map((x) => x.id);
const notificationsOf = async (s: Session, type: string) =>
  (await w.t.db.query<{ work_order_id: string }>(`SELECT work_order_id FROM notifications WHERE user_id = $1 AND type = $2`, [s.user.id, type])).rows.map((r) => r.work_order_id);

describe('a requester\'s request through its whole life', () => {
  it('goes NEW > ASSIGNED > IN_PROGRESS > COMPLETED > VERIFIED > CLOSED, each step by its role and gate', async () => {
    const pump = await createEquipment(w.t.app, w.supervisor, { area: 'Boiler room', model: 'KSB-40' });
    const res = await send(w.requester, 'POST', '/api/v1/work-orders', { title: 'Pump is loud', description: 'Grinding noise', equipmentId: pump.id, priority: 'HIGH' });
    expect(res.statusCode).toBe(201);
    const wo = json(res).data;
    expect(wo).toMatchObject({ status: 'NEW', type: 'CORRECTIVE', priority: 'HIGH', area: 'Boiler room', assetModel: 'KSB-40', requestedBy: { id: w.requester.user.id }, assignees: [] });
    expect(wo.foNumber).toMatch(/^WO-MAIN-\d{4}-\d{5}$/);
    expect(wo.equipment).toMatchObject({ id: pump.id, assetTag: pump.assetTag });

    // Nobody skips a gate: starting or completing before assignment is refused and named.
    expect(expectError(await status(w.supervisor, wo.id, 'IN_PROGRESS'), 409, 'BUSINESS_WORKFLOW_ERROR').message).toMatch(/STATUS_FLOW/);
    expect(expectError(await status(w.supervisor, wo.id, 'ASSIGNED'), 409).message).toMatch(/ASSIGNEES_REQUIRED/);
    expect(expectError(await status(w.requester, wo.id, 'COMPLETED'), 409).message).toMatch(/STATUS_FLOW/);
    expectError(await assignTo(w.tech, wo.id, w.tech), 403);

    const assigned = json(await assignTo(w.supervisor, wo.id, w.tech));
    expect(assigned.data).toMatchObject({ status: 'ASSIGNED', assignees: [{ id: w.tech.user.id, name: 'Toni Technician', role: 'TECHNICIAN' }] });
    expect(await notificationsOf(w.tech, 'WO_ASSIGNED')).toContain(wo.id);
    expect(await listIds(w.tech, '&assignee=me')).toContain(wo.id);

    // A checklist item blocks completion until it is DONE, SKIPPED or ISSUE.
    const added = await send(w.supervisor, 'POST', `/api/v1/work-orders/${wo.id}/checklist-items`, { component: 'Bearing', action: 'Replace drive-end bearing' });
    expect(added.statusCode, added.body).toBe(201);
    const items = json(added).data.items;
    expect(items).toHaveLength(1);
    expect(expectError(await status(w.tech, wo.id, 'COMPLETED'), 409).message).toMatch(/STATUS_FLOW/);
    expect(json(await status(w.tech, wo.id, 'IN_PROGRESS')).data.status).toBe('IN_PROGRESS');
    const blocked = expectError(await status(w.tech, wo.id, 'COMPLETED'), 409, 'BUSINESS_WORKFLOW_ERROR');
    expect(blocked.message).toMatch(/CHECKLIST_COMPLETE/);
    expect(blocked.details).toContainEqual(expect.objectContaining({ code: 'CHECKLIST_OPEN', message: 'Bearing: Replace drive-end bearing' }));
    expect((await detail(w.tech, wo.id)).completionBlockers).toEqual([{ gate: 'CHECKLIST_COMPLETE', message: 'Checklist: Bearing - Replace drive-end bearing is still open' }]);
    expect((await send(w.tech, 'PUT', `/api/v1/work-orders/${wo.id}/checklist-items/${items[0].id}`, { status: 'DONE', notes: 'Bearing replaced' })).statusCode).toBe(200);

    const done = json(await status(w.tech, wo.id, 'COMPLETED')).data;
    expect(done.status).toBe('COMPLETED');
    expect(done.completedAt).toEqual(expect.any(String));
    expect(await notificationsOf(w.requester, 'WO_COMPLETED')).toContain(wo.id);
    expect(await notificationsOf(w.supervisor, 'WO_NEEDS_VERIFICATION')).toContain(wo.id);

    expect(expectError(await status(w.tech, wo.id, 'VERIFIED'), 403, 'AUTH_INSUFFICIENT_PERMISSIONS').message).toMatch(/VERIFY_ROLE/);
    const verified = json(await status(w.supervisor, wo.id, 'VERIFIED')).data;
    expect(verified).toMatchObject({ status: 'VERIFIED', verifiedBy: w.supervisor.user.id });
    expect(expectError(await status(w.supervisor, wo.id, 'CLOSED'), 403).message).toMatch(/CLOSE_ROLE/);
    expect(json(await status(w.manager, wo.id, 'CLOSED')).data.status).toBe('CLOSED');
    expect(expectError(await status(w.manager, wo.id, 'IN_PROGRESS'), 409).message).toMatch(/STATUS_FLOW/);

    // The requester follows its request; the history is the audit trail.
    const seen = await detail(w.requester, wo.id);
    expect(seen.status).toBe('CLOSED');
    expect(seen.nextStatuses).toEqual([]);
    expect(seen.history.map((h: { action: string }) => h.action)).toEqual(['CREATE', 'ASSIGN', 'CHECKLIST_ADD', 'STATUS_CHANGE', 'CHECKLIST_UPDATE', 'STATUS_CHANGE', 'STATUS_CHANGE', 'STATUS_CHANGE']);
    expect(await notificationsOf(w.requester, 'WO_STATUS_CHANGED')).toContain(wo.id);
  });

  it('holds with a reason and resumes where it was; a supervisor sends unfinished work back', async () => {
    const wo = await createWorkOrder(w.t.app, w.supervisor, { assigneeIds: [w.tech.user.id] });
    expect(wo.status).toBe('ASSIGNED');
    await status(w.tech, wo.id, 'IN_PROGRESS');
    expect(expectError(await status(w.tech, wo.id, 'ON_HOLD'), 422, 'VALIDATION_ERROR').message).toMatch(/HOLD_REASON/);
    expect(json(await status(w.tech, wo.id, 'ON_HOLD', 'Waiting for seal kit')).data).toMatchObject({ status: 'ON_HOLD', onHoldReason: 'Waiting for seal kit' });
    expect(expectError(await status(w.tech, wo.id, 'ASSIGNED'), 409).message).toMatch(/RESUME_STATUS/);
    expect((await detail(w.tech, wo.id)).nextStatuses).toEqual(['IN_PROGRESS']);
    expect(json(await status(w.tech, wo.id, 'IN_PROGRESS')).data).toMatchObject({ status: 'IN_PROGRESS', onHoldReason: null });
    await status(w.tech, wo.id, 'COMPLETED');
    expect(expectError(await status(w.supervisor, wo.id, 'IN_PROGRESS'), 422).message).toMatch(/REWORK_REASON/);
    expect(json(await status(w.supervisor, wo.id, 'IN_PROGRESS', 'Guard not refitted')).data).toMatchObject({ status: 'IN_PROGRESS', completedAt: null });
  });

  it('lets supervisors cancel with a reason, and a requester withdraw its own NEW request only', async () => {
    const mine = json(await send(w.requester, 'POST', '/api/v1/work-orders', { title: 'Door sticks' })).data;
    expect(expectError(await status(w.requester, mine.id, 'CANCELLED'), 422).message).toMatch(/CANCEL_REASON/);
    expect(json(await status(w.requester, mine.id, 'CANCELLED', 'Fixed itself')).data).toMatchObject({ status: 'CANCELLED', cancelReason: 'Fixed itself' });
    const other = json(await send(w.requester, 'POST', '/api/v1/work-orders', { title: 'Light out' })).data;
    await assignTo(w.supervisor, other.id, w.tech);
    expect(expectError(await status(w.requester, other.id, 'CANCELLED', 'Never mind'), 403).message).toMatch(/CANCEL_ROLE/);
    expect(expectError(await status(w.tech, other.id, 'CANCELLED', 'Not mine to cancel'), 403).message).toMatch(/CANCEL_ROLE/);
    expect(json(await status(w.supervisor, other.id, 'CANCELLED', 'Duplicate')).data.status).toBe('CANCELLED');
  });
});

describe('who may do what', () => {
  it('keeps a requester to filing requests and reading its own', async () => {
    expect(expectError(await send(w.requester, 'POST', '/api/v1/work-orders', { title: 'Fire!', type: 'EMERGENCY' }), 403).message).toMatch(/REQUEST_ONLY/);
    expect(expectError(await send(w.requester, 'POST', '/api/v1/work-orders', { title: 'X', assigneeIds: [w.tech.user.id] }), 403).message).toMatch(/REQUEST_ONLY/);
    const theirs = await createWorkOrder(w.t.app, w.supervisor);
    const own = json(await send(w.requester, 'POST', '/api/v1/work-orders', { title: 'Leaking tap' })).data;
    expectError(await get(w.requester, `/api/v1/work-orders/${theirs.id}`), 404, 'RESOURCE_NOT_FOUND');
    const ids = await listIds(w.requester);
    expect(ids).toContain(own.id);
    expect(ids).not.toContain(theirs.id);
    expectError(await send(w.requester, 'PUT', `/api/v1/work-orders/${own.id}`, { priority: 'CRITICAL' }), 403);
    expectError(await send(w.requester, 'POST', `/api/v1/work-orders/${own.id}/assign`, { userIds: [w.tech.user.id] }), 403);
  });

  it('shows technicians and contractors only work assigned to them, and lets them act only on it', async () => {
    const wo = await createWorkOrder(w.t.app, w.supervisor, { type: 'EMERGENCY', priority: 'CRITICAL' });
    for (const s of [w.tech, w.contractor]) {
      expectError(await get(s, `/api/v1/work-orders/${wo.id}`), 404);
      expect(await listIds(s)).not.toContain(wo.id);
      expectError(await status(s, wo.id, 'IN_PROGRESS'), 404);
    }
    await assignTo(w.supervisor, wo.id, w.contractor);
    expect((await get(w.contractor, `/api/v1/work-orders/${wo.id}`)).statusCode).toBe(200);
    expect(await listIds(w.contractor, '&assignee=me')).toEqual(expect.arrayContaining([wo.id]));
    expectError(await get(w.tech, `/api/v1/work-orders/${wo.id}`), 404);
    expect(json(await status(w.contractor, wo.id, 'IN_PROGRESS')).data.status).toBe('IN_PROGRESS');
    expectError(await send(w.contractor, 'POST', '/api/v1/work-orders', { type: 'CORRECTIVE', title: 'Own job' }), 403);
    expectError(await assignTo(w.contractor, wo.id, w.contractor), 403);
    // The contractor sees the machine of its work, and no other.
    const other = await createEquipment(w.t.app, w.supervisor);
    expectError(await get(w.contractor, `/api/v1/equipment/${other.id}`), 404);
  });

  it('lets a technician report work but not assign, edit, verify or close', async () => {
    const own = await createWorkOrder(w.t.app, w.tech, { type: 'PM', title: 'Found a loose guard' });
    expect(own.status).toBe('NEW');
    expect((await get(w.tech, `/api/v1/work-orders/${own.id}`)).statusCode).toBe(200);
    expectError(await send(w.tech, 'POST', '/api/v1/work-orders', { type: 'PM', title: 'Y', assigneeIds: [w.tech.user.id] }), 403);
    expectError(await send(w.tech, 'PUT', `/api/v1/work-orders/${own.id}`, { title: 'Z' }), 403);
    expectError(await assignTo(w.tech, own.id, w.tech), 403);
  });

  it('lets the inventory clerk read the site\'s work orders but not create or work them; manufacturing roles see nothing', async () => {
    const wo = await createWorkOrder(w.t.app, w.supervisor, { assigneeIds: [w.tech.user.id] });
    expect((await get(w.clerk, `/api/v1/work-orders/${wo.id}`)).statusCode).toBe(200);
    expect(await listIds(w.clerk)).toContain(wo.id);
    expectError(await send(w.clerk, 'POST', '/api/v1/work-orders', { type: 'PM', title: 'Nope' }), 403);
    expectError(await status(w.clerk, wo.id, 'IN_PROGRESS'), 403);
    expectError(await get(w.assembler, '/api/v1/work-orders'), 403);
    expectError(await get(w.assembler, `/api/v1/work-orders/${wo.id}`), 403);
  });

  it('refuses assigning people of another site, inactive people and requesters', async () => {
    const wo = await createWorkOrder(w.t.app, w.supervisor);
    for (const s of [w.techNorth, w.requester, w.clerk]) {
      const err = expectError(await assignTo(w.supervisor, wo.id, s), 422, 'VALIDATION_ERROR');
      expect(err.details?.[0]?.code).toBe('INVALID_ASSIGNEE');
    }
    const both = json(await assignTo(w.supervisor, wo.id, w.tech, w.contractor)).data;
    expect(both.assignees.map((a: { id: string }) => a.id).sort()).toEqual([w.tech.user.id, w.contractor.user.id].sort());
    const added = json(await send(w.supervisor, 'POST', `/api/v1/work-orders/${wo.id}/assign`, { userIds: [w.supervisor.user.id], mode: 'add' })).data;
    expect(added.assignees).toHaveLength(3);
    const people = json(await get(w.supervisor, '/api/v1/work-orders/assignable-people')).data.people as { id: string; role: string }[];
    expect(people.map((p) => p.id)).toEqual(expect.arrayContaining([w.tech.user.id, w.contractor.user.id, w.supervisor.user.id]));
    expect(people.map((p) => p.id)).not.toContain(w.techNorth.user.id);
    expect(people.map((p) => p.id)).not.toContain(w.requester.user.id);
    expectError(await get(w.tech, '/api/v1/work-orders/assignable-people'), 403);
  });
});

describe('warehouse isolation', () => {
  it('hides another site\'s work orders by id and in lists; managers see every site', async () => {
    const north = await createWorkOrder(w.t.app, w.techNorth, { type: 'CORRECTIVE', title: 'North conveyor' });
    expect(north.foNumber).toMatch(/^WO-NORTH-/);
    const main = await createWorkOrder(w.t.app, w.supervisor, { title: 'Main conveyor' });
    for (const s of [w.supervisor, w.clerk, w.tech]) {
      expectError(await get(s, `/api/v1/work-orders/${north.id}`), 404);
      expect(await listIds(s)).not.toContain(north.id);
      if (s !== w.clerk) expectError(await status(s, north.id, 'CANCELLED', 'x'), 404);
    }
    expectError(await get(w.supervisor, `/api/v1/work-orders?warehouseId=${w.ids.north}`), 403);
    expectError(await get(w.techNorth, `/api/v1/work-orders/${main.id}`), 404);
    const all = await listIds(w.manager);
    expect(all).toEqual(expect.arrayContaining([north.id, main.id]));
    const picked = await listIds(w.manager, `&warehouseId=${w.ids.north}`);
    expect(picked).toContain(north.id);
    expect(picked).not.toContain(main.id);
    expect((await get(w.manager, `/api/v1/work-orders/${north.id}`)).statusCode).toBe(200);
    // A North work order may not name Main's equipment.
    const mainPump = await createEquipment(w.t.app, w.supervisor);
    expectError(await send(w.techNorth, 'POST', '/api/v1/work-orders', { type: 'CORRECTIVE', title: 'x', equipmentId: mainPump.id }), 422);
  });
});

describe('fo_number', () => {
  it('never collides under concurrent creates and counts per site and year', async () => {
    const created = await Promise.all(Array.from({ length: 12 }, (_, i) => createWorkOrder(w.t.app, w.supervisor, { title: `Parallel ${i}` })));
    const numbers = created.map((c) => c.foNumber);
    expect(new Set(numbers).size).toBe(12);
    const seqs = numbers.map((n) => Number(n.split('-').pop())).sort((a, b) => a - b);
    expect(seqs[11]! - seqs[0]!).toBe(11);
    const year = new Date().getUTCFullYear();
    const { rows } = await w.t.db.query<{ n: number }>(`SELECT count(DISTINCT fo_number)::int AS n FROM work_orders WHERE fo_number LIKE $1`, [`WO-MAIN-${year}-%`]);
    const seq = await w.t.db.query<{ last_value: number }>(`SELECT last_value FROM wo_number_sequences WHERE warehouse_id = $1 AND year = $2`, [w.ids.main, year]);
    expect(seq.rows[0]!.last_value).toBe(rows[0]!.n);
  });

  it('starts a new site-year at 1 when its first numbers are asked at once, and refuses another site (migration 0024)', async () => {
    const year = 3000 + Math.floor(Math.random() * 900);
    const scope = (warehouseId: string) => `SELECT set_config('app.current_user_id', '${w.supervisor.user.id}', true), set_config('app.current_warehouse_id', '${warehouseId}', true),
      set_config('app.current_role', 'SUPERVISOR', true), set_config('app.all_warehouses', 'off', true), set_config('role', 'plantops_app', true);`;
    const next = () => w.t.db.transaction(async (tx) => (await tx.query<{ n: number }>(`SELECT app_next_wo_number($1, $2) AS n`, [w.ids.main, year])).rows[0]!.n, scope(w.ids.main));
    const numbers = await Promise.all(Array.from({ length: 8 }, next));
    expect([...numbers].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // A rolled-back transaction's number is not handed out again (a gap, never a clash).
    await expect(w.t.db.transaction(async (tx) => {
      await tx.query(`SELECT app_next_wo_number($1, $2)`, [w.ids.main, year]);
      throw new Error('roll back');
    }, scope(w.ids.main))).rejects.toThrow('roll back');
    expect(await next()).toBe(10);
    // The application role reaches neither the series table nor another site's numbers.
    await expect(w.t.db.transaction((tx) => tx.query(`SELECT app_next_wo_number($1, $2)`, [w.ids.north, year]), scope(w.ids.main))).rejects.toThrow(/not visible/);
    await expect(w.t.db.transaction((tx) => tx.query(`SELECT * FROM wo_number_series`), scope(w.ids.main))).rejects.toThrow(/permission denied/);
  });
});

describe('the create (one read, one write statement: decision 0010)', () => {
  it('answers what a read of the new work order shows, audits exactly that and writes the assignment rows', async () => {
    const pump = await createEquipment(w.t.app, w.supervisor, { area: 'Compressor bay', model: 'GA-30' });
    const bodies: [Session, object][] = [
      [w.requester, { title: 'Leaking valve' }],
      [w.supervisor, { type: 'PM', title: 'Quarterly service', description: 'Filters and oil', priority: 'LOW', dueDate: '2999-01-01' }],
      // Overdue at once, two assignees (ordered by name in the answer, by id in assigned_to), equipment and a checklist.
      [w.supervisor, { type: 'EMERGENCY', title: 'Compressor trips', priority: 'CRITICAL', equipmentId: pump.id, dueDate: '2020-05-01',
        assigneeIds: [w.tech.user.id, w.contractor.user.id, w.supervisor.user.id], checklist: [{ component: 'Motor', action: 'Megger test' }] }],
      [w.tech, { type: 'CORRECTIVE', title: 'Belt squeals', area: 'Line 2', assetModel: 'B-12' }],
    ];
    for (const [who, body] of bodies) {
      const res = await send(who, 'POST', '/api/v1/work-orders', body);
      expect(res.statusCode, res.body).toBe(201);
      const created = json(res).data as Record<string, unknown> & { id: string };
      const read = await detail(w.supervisor, created.id);
      for (const [key, value] of Object.entries(created)) expect([key, read[key]]).toEqual([key, value]);
      const logged = await w.t.db.query<{ after_data: unknown }>(`SELECT after_data FROM system_logs WHERE table_name = 'work_orders' AND record_id = $1 AND action = 'CREATE'`, [created.id]);
      const after = typeof logged.rows[0]!.after_data === 'string' ? JSON.parse(logged.rows[0]!.after_data) : logged.rows[0]!.after_data;
      expect(after).toEqual({ ...created, checklistItems: 'checklist' in body ? 1 : 0 });
      const rows = await w.t.db.query<{ assigned_to: string[]; keys_match: boolean; n: number }>(
        `SELECT w.assigned_to, (SELECT count(*)::int FROM wo_assignees a WHERE a.work_order_id = w.id) AS n,
                (SELECT bool_and(a.wo_status = w.status AND a.wo_created_at = w.created_at AND a.wo_priority_rank = w.priority_rank) FROM wo_assignees a WHERE a.work_order_id = w.id) AS keys_match
           FROM work_orders w WHERE w.id = $1`, [created.id]);
      const assigned = (created.assignees as { id: string }[]).map((a) => a.id);
      expect(rows.rows[0]!.assigned_to).toEqual([...assigned].sort());
      expect(rows.rows[0]!.n).toBe(assigned.length);
      if (assigned.length) expect(rows.rows[0]!.keys_match).toBe(true);
    }
  });
});

describe('the list', () => {
  it('filters by status, type, priority, assignee, equipment, area, due date, overdue and text', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const press = await createEquipment(w.t.app, w.supervisor, { area: `Press hall ${tag}` });
    const a = await createWorkOrder(w.t.app, w.supervisor, { title: `Hydraulic ${tag}`, type: 'EMERGENCY', priority: 'CRITICAL', equipmentId: press.id, dueDate: '2020-01-02', assigneeIds: [w.tech.user.id] });
    const b = await createWorkOrder(w.t.app, w.supervisor, { title: `Greasing ${tag}`, type: 'PM', priority: 'LOW', dueDate: '2999-01-01' });
    const q = async (query: string) => listIds(w.supervisor, `&search=${tag}${query}`);
    expect(await q('')).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await q('&status=ASSIGNED')).toEqual([a.id]);
    expect(await q('&status=NEW,ASSIGNED')).toHaveLength(2);
    expect(await q('&type=PM')).toEqual([b.id]);
    expect(await q('&priority=CRITICAL,HIGH')).toEqual([a.id]);
    expect(await q(`&assignee=${w.tech.user.id}`)).toEqual([a.id]);
    expect(await q('&assignee=none')).toEqual([b.id]);
    expect(await q(`&equipmentId=${press.id}`)).toEqual([a.id]);
    expect(await listIds(w.supervisor, `&area=${encodeURIComponent(`Press hall ${tag}`)}`)).toEqual([a.id]);
    expect(await q('&dueBefore=2021-01-01')).toEqual([a.id]);
    expect(await q('&overdue=true')).toEqual([a.id]);
    expect(await q('&escalated=true')).toEqual([]);
    expect(await q('&sort=priority')).toEqual([a.id, b.id]);
    expect(await q('&sort=priority&order=asc')).toEqual([b.id, a.id]);
    expect(await q('&sort=dueDate')).toEqual([a.id, b.id]);
    const row = (json(await get(w.supervisor, `/api/v1/work-orders?search=${tag}&overdue=true`)).data.workOrders as { overdue: boolean }[])[0];
    expect(row?.overdue).toBe(true);
    expectError(await get(w.supervisor, '/api/v1/work-orders?status=DONE'), 400);
    expectError(await get(w.supervisor, '/api/v1/work-orders?assignee=someone'), 400);
  });

  it('walks every page by cursor without repeats, in each sort', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const made = await Promise.all(Array.from({ length: 7 }, (_, i) => createWorkOrder(w.t.app, w.supervisor, { title: `Paged ${tag} ${i}`, priority: ['LOW', 'HIGH', 'MEDIUM'][i % 3] })));
    for (const sort of ['createdAt', 'priority', 'dueDate', 'updatedAt']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let guard = 0; guard < 10; guard += 1) {
        const res: { workOrders: { id: string }[]; page: { nextCursor: string | null; hasMore: boolean } } = json(
          await get(w.supervisor, `/api/v1/work-orders?search=${tag}&limit=3&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`),
        ).data;
        seen.push(...res.workOrders.map((x) => x.id));
        cursor = res.page.nextCursor;
        if (!res.page.hasMore) break;
      }
      expect(seen.sort()).toEqual(made.map((m) => m.id).sort());
    }
    const first = json(await get(w.supervisor, `/api/v1/work-orders?search=${tag}&limit=3`)).data;
    expectError(await get(w.supervisor, `/api/v1/work-orders?search=${tag}&limit=3&sort=priority&cursor=${first.page.nextCursor}`), 422);
    expectError(await get(w.supervisor, '/api/v1/work-orders?cursor=garbage'), 422);
  });
});

describe('editing', () => {
  it('lets supervisors edit until the work is done, audited', async () => {
    const wo = await createWorkOrder(w.t.app, w.supervisor);
    const edited = json(await send(w.supervisor, 'PUT', `/api/v1/work-orders/${wo.id}`, { priority: 'HIGH', dueDate: '2030-05-01', title: 'Pump leaks badly' })).data;
    expect(edited).toMatchObject({ priority: 'HIGH', dueDate: '2030-05-01', title: 'Pump leaks badly' });
    await status(w.supervisor, wo.id, 'CANCELLED', 'Not needed');
    expect(expectError(await send(w.supervisor, 'PUT', `/api/v1/work-orders/${wo.id}`, { priority: 'LOW' }), 409).message).toMatch(/WORK_ORDER_FINISHED/);
    expectError(await send(w.supervisor, 'PUT', `/api/v1/work-orders/${wo.id}`, { priority: 'URGENT' }), 422);
  });

  it('refuses equipment that is retired or unknown, and a missing type', async () => {
    const old = await createEquipment(w.t.app, w.supervisor);
    await send(w.supervisor, 'POST', `/api/v1/equipment/${old.id}/retire`, { reason: 'Replaced' });
    expect(expectError(await send(w.supervisor, 'POST', '/api/v1/work-orders', { type: 'PM', title: 'x', equipmentId: old.id }), 409).message).toMatch(/EQUIPMENT_RETIRED/);
    expectError(await send(w.supervisor, 'POST', '/api/v1/work-orders', { type: 'PM', title: 'x', equipmentId: '0190a0b0-0000-7000-8000-000000000001' }), 422);
    expectError(await send(w.supervisor, 'POST', '/api/v1/work-orders', { title: 'x' }), 422);
  });
});

describe("a person's own list, walked on wo_assignees' copies of the sort keys (migration 0020)", () => {
  /** Every id of a list, page by page (limit 2), in list order. */
  async function walk(s: Session, query: string): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 20; guard += 1) {
      const res: { workOrders: { id: string }[]; page: { nextCursor: string | null; hasMore: boolean } } = json(
        await get(s, `/api/v1/work-orders?limit=2${query}${cursor ? `&cursor=${cursor}` : ''}`),
      ).data;
      seen.push(...res.workOrders.map((x) => x.id));
      cursor = res.page.nextCursor;
      if (!res.page.hasMore) break;
    }
    return seen;
  }
  const OPEN = '&status=NEW,ASSIGNED,IN_PROGRESS,ON_HOLD';
  const orders = ['&sort=createdAt', `&sort=createdAt${OPEN}`, `&sort=priority${OPEN}`, `&sort=priority&order=asc${OPEN}`, `&sort=dueDate${OPEN}`, '&sort=dueDate&overdue=true', '&sort=updatedAt'];

  /** The technician's pages equal the site's list (read on work_orders) narrowed to the technician's work. */
  async function expectSameAsSiteList(tag: string, mine: string[]) {
    for (const order of orders) {
      const site = (await walk(w.supervisor, `&search=${tag}${order}`)).filter((id) => mine.includes(id));
      expect(await walk(w.tech, `&search=${tag}&assignee=me${order}`), order).toEqual(site);
      expect(await walk(w.supervisor, `&search=${tag}&assignee=${w.tech.user.id}${order}`), order).toEqual(site);
    }
  }

  it('pages in every order and follows changes of status, priority and due date', async () => {
    const tag = `mine${Math.random().toString(36).slice(2, 8)}`;
    const mine: string[] = [];
    for (const [i, priority] of ['LOW', 'HIGH', 'MEDIUM', 'CRITICAL', 'HIGH', 'LOW'].entries()) {
      const dueDate = i % 3 === 0 ? undefined : `20${20 + i * 3}-03-0${i + 1}`;
      mine.push((await createWorkOrder(w.t.app, w.supervisor, { title: `${tag} ${i}`, priority, assigneeIds: [w.tech.user.id], ...(dueDate ? { dueDate } : {}) })).id);
    }
    const others = await createWorkOrder(w.t.app, w.supervisor, { title: `${tag} not mine`, priority: 'CRITICAL', assigneeIds: [w.contractor.user.id] });
    await createWorkOrder(w.t.app, w.supervisor, { title: `${tag} unassigned` });
    await expectSameAsSiteList(tag, mine);
    expect(await walk(w.tech, `&search=${tag}&assignee=me`)).not.toContain(others.id);

    // Started, re-prioritised, re-dated, held, finished: the lists follow every change.
    expect((await status(w.tech, mine[0]!, 'IN_PROGRESS')).statusCode).toBe(200);
    expect((await send(w.supervisor, 'PUT', `/api/v1/work-orders/${mine[1]}`, { priority: 'LOW', dueDate: '2019-01-01' })).statusCode).toBe(200);
    expect((await send(w.supervisor, 'PUT', `/api/v1/work-orders/${mine[2]}`, { dueDate: null })).statusCode).toBe(200);
    expect((await status(w.tech, mine[3]!, 'IN_PROGRESS')).statusCode).toBe(200);
    expect((await status(w.tech, mine[3]!, 'ON_HOLD', 'Waiting for parts')).statusCode).toBe(200);
    expect((await status(w.tech, mine[4]!, 'IN_PROGRESS')).statusCode).toBe(200);
    expect((await status(w.tech, mine[4]!, 'COMPLETED')).statusCode).toBe(200);
    expect(await walk(w.tech, `&search=${tag}&assignee=me${OPEN}`)).not.toContain(mine[4]);
    // Assigned later to someone else as well: still the technician's, once.
    expect((await send(w.supervisor, 'POST', `/api/v1/work-orders/${mine[5]}/assign`, { userIds: [w.contractor.user.id], mode: 'add' })).statusCode).toBe(200);
    await expectSameAsSiteList(tag, mine);
    // Unassigned: gone from the technician's list (and from what the technician may see).
    expect((await send(w.supervisor, 'POST', `/api/v1/work-orders/${mine[5]}/assign`, { userIds: [w.contractor.user.id] })).statusCode).toBe(200);
    expect(await walk(w.tech, `&search=${tag}&assignee=me`)).not.toContain(mine[5]);
    await expectSameAsSiteList(tag, mine.slice(0, 5));

    const drift = await w.t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM wo_assignees a JOIN work_orders w ON w.id = a.work_order_id
        WHERE (a.wo_status, a.wo_priority_rank, a.wo_due_date, a.wo_created_at) IS DISTINCT FROM (w.status, w.priority_rank, w.due_date, w.created_at)`,
    );
    expect(drift.rows[0]!.n).toBe(0);
  });

  it("keeps another site's work and other people's work out of it", async () => {
    const tag = `iso${Math.random().toString(36).slice(2, 8)}`;
    const mainWork = await createWorkOrder(w.t.app, w.supervisor, { title: `${tag} main`, assigneeIds: [w.tech.user.id] });
    const northWork = await createWorkOrder(w.t.app, w.techNorth, { type: 'CORRECTIVE', title: `${tag} north` });
    await send(w.manager, 'POST', `/api/v1/work-orders/${northWork.id}/assign`, { userIds: [w.techNorth.user.id] });
    const contractors = await createWorkOrder(w.t.app, w.supervisor, { title: `${tag} contractor`, assigneeIds: [w.contractor.user.id] });
    for (const order of orders) {
      // Main's supervisor and technician never see North's work, asked for by North's technician.
      expect(await walk(w.supervisor, `&search=${tag}&assignee=${w.techNorth.user.id}${order}`), order).toEqual([]);
      expect(await walk(w.tech, `&search=${tag}&assignee=${w.techNorth.user.id}${order}`), order).toEqual([]);
      // A technician sees its own work only, also when it asks for a colleague's.
      expect(await walk(w.tech, `&search=${tag}&assignee=me${order}`), order).toEqual(order.includes('overdue') ? [] : [mainWork.id]);
      expect(await walk(w.tech, `&search=${tag}&assignee=${w.contractor.user.id}${order}`), order).toEqual([]);
      expect(await walk(w.techNorth, `&search=${tag}&assignee=${w.tech.user.id}${order}`), order).toEqual([]);
    }
    expect(await walk(w.techNorth, `&search=${tag}&assignee=me`)).toEqual([northWork.id]);
    expect(await walk(w.contractor, `&search=${tag}&assignee=me`)).toEqual([contractors.id]);
    // A manager across sites sees North's technician's work.
    expect(await walk(w.manager, `&search=${tag}&assignee=${w.techNorth.user.id}`)).toEqual([northWork.id]);
  });
});

describe('read caches (decisions 0006, 0018)', () => {
  it('serves a work order and "my work" again from cache and sees every change on the next read', async () => {
    const pump = await createEquipment(w.t.app, w.supervisor, { area: 'Cache hall' });
    const wo = await createWorkOrder(w.t.app, w.supervisor, { equipmentId: pump.id, title: 'Cache check' });
    const page = () => get(w.tech, `/api/v1/work-orders/${wo.id}`);
    const mine = () => get(w.tech, '/api/v1/work-orders?assignee=me&limit=100');
    await mine();
    // On PostgreSQL a write's NOTIFY may arrive after the first read and drop its entry once.
    await expect.poll(async () => (await mine()).headers['x-cache']).toBe('hit');

    // An assignment shows in the technician's list and opens the page to them at once.
    await assignTo(w.supervisor, wo.id, w.tech);
    const listed = await mine();
    expect(listed.headers['x-cache']).toBe('miss');
    expect((json(listed).data.workOrders as { id: string }[]).map((x) => x.id)).toContain(wo.id);
    await page();
    await expect.poll(async () => (await page()).headers['x-cache']).toBe('hit');

    // A checklist item added by the supervisor, the equipment's status, a follow-up's status: each seen on the next read.
    expect((await send(w.supervisor, 'POST', `/api/v1/work-orders/${wo.id}/checklist-items`, { component: 'Seal', action: 'Inspect' })).statusCode).toBe(201);
    expect(json(await page()).data.checklist.map((i: { component: string }) => i.component)).toEqual(['Seal']);
    expect((await send(w.supervisor, 'POST', `/api/v1/equipment/${pump.id}/status`, { status: 'MAINTENANCE', reason: 'Seal leaking' })).statusCode).toBe(200);
    expect(json(await page()).data.equipment.status).toBe('MAINTENANCE');
    // each reader has their own entry: the requester may not see this work order at all
    expectError(await get(w.requester, `/api/v1/work-orders/${wo.id}`), 404);
    expect((await get(w.tech, `/api/v1/work-orders/${wo.id}`, { 'cache-control': 'no-cache' })).headers['x-cache']).toBe('miss');
  });
});
