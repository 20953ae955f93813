import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, expectError, json, login, type Session, type TestContext } from './harness.js';

let t: TestContext;
let admin: Session;
let manager: Session;
let northId: string;
let mainId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin@plantops.local');
  manager = await login(t.app, 'manager@plantops.local');
  const whs = json(await t.app.inject({ url: '/api/v1/warehouses', headers: bearer(admin) })).data.warehouses;
  mainId = whs.find((w: { code: string }) => w.code === 'MAIN').id;
  northId = whs.find((w: { code: string }) => w.code === 'NORTH').id;
});
afterAll(async () => t?.close());

const get = (s: Session, url: string) => t.app.inject({ url, headers: bearer(s) });
const send = (s: Session, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(s), ...(payload ? { payload } : {}) });

const newUser = (over: object = {}) => ({
  email: `new-${Math.random().toString(36).slice(2, 8)}@plantops.local`,
  firstName: 'New',
  lastName: 'Person',
  role: 'TECHNICIAN',
  password: 'Temporary-passw0rd',
  ...over,
});

describe('listing users', () => {
  it('ADMIN sees every site, MANAGER only its own warehouse', async () => {
    const all = json(await get(admin, '/api/v1/users?limit=100')).data;
    expect(all.pagination.totalItems).toBe(13);
    expect(all.users.some((u: { email: string }) => u.email === 'technician-north@plantops.local')).toBe(true);
    const mine = json(await get(manager, '/api/v1/users?limit=100')).data;
    expect(mine.users.every((u: { warehouseId: string }) => u.warehouseId === mainId)).toBe(true);
    expect(mine.pagination.totalItems).toBe(12);
    expectError(await get(manager, `/api/v1/users?warehouseId=${northId}`), 403);
  });

  it('paginates, filters and searches', async () => {
    const page = json(await get(admin, '/api/v1/users?limit=5&page=2&sortBy=email&sortOrder=asc')).data;
    expect(page.users).toHaveLength(5);
    expect(page.pagination).toEqual({ currentPage: 2, itemsPerPage: 5, totalItems: 13, totalPages: 3, hasNextPage: true, hasPreviousPage: true });
    const techs = json(await get(admin, '/api/v1/users?role=TECHNICIAN')).data.users;
    expect(techs.map((u: { email: string }) => u.email).sort()).toEqual(['technician-north@plantops.local', 'technician@plantops.local']);
    const found = json(await get(admin, '/api/v1/users?search=inspector')).data.users;
    expect(found.map((u: { role: string }) => u.role)).toEqual(['QC_PERSON']);
  });

  it('is refused to roles without user management', async () => {
    const tech = await login(t.app, 'technician@plantops.local');
    expectError(await get(tech, '/api/v1/users'), 403, 'AUTH_INSUFFICIENT_PERMISSIONS');
    const coordinator = await login(t.app, 'production-coordinator@plantops.local');
    expectError(await get(coordinator, '/api/v1/audit-logs'), 403);
  });
});

describe('creating users', () => {
  it('creates a user who must change the temporary password first', async () => {
    const body = newUser();
    const res = await send(admin, 'POST', '/api/v1/users', { ...body, warehouseId: northId });
    expect(res.statusCode).toBe(201);
    expect(json(res).data).toMatchObject({ email: body.email, role: 'TECHNICIAN', warehouseId: northId, active: true });
    const s = await login(t.app, body.email, body.password);
    expect(s.user).toMatchObject({ mustChangePassword: true });
    expectError(await get(s, '/api/v1/auth/permissions').then(() => get(s, '/api/v1/users')), 403);
    const blocked = await t.app.inject({ method: 'PUT', url: '/api/v1/auth/profile', headers: bearer(s), payload: { firstName: 'X' } });
    expectError(blocked, 403, 'AUTH_PASSWORD_CHANGE_REQUIRED');
    const changed = await send(s, 'POST', '/api/v1/auth/change-password', { currentPassword: body.password, newPassword: 'My-own-passw0rd', confirmPassword: 'My-own-passw0rd' });
    expect(changed.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/auth/profile', headers: bearer(s), payload: { firstName: 'X' } })).statusCode).toBe(200);
  });

  it('refuses a duplicate e-mail with 409 and writes nothing', async () => {
    const before = json(await get(admin, '/api/v1/users')).data.pagination.totalItems;
    expectError(await send(admin, 'POST', '/api/v1/users', newUser({ email: 'Assembler@plantops.local' })), 409, 'RESOURCE_CONFLICT');
    expect(json(await get(admin, '/api/v1/users')).data.pagination.totalItems).toBe(before);
  });

  it('refuses granting a role at or above your own', async () => {
    expectError(await send(manager, 'POST', '/api/v1/users', newUser({ role: 'MANAGER' })), 403);
    expectError(await send(manager, 'POST', '/api/v1/users', newUser({ role: 'ADMIN' })), 403);
    expect((await send(manager, 'POST', '/api/v1/users', newUser({ role: 'SUPERVISOR' }))).statusCode).toBe(201);
    expect((await send(admin, 'POST', '/api/v1/users', newUser({ role: 'ADMIN' }))).statusCode).toBe(201);
  });

  it('keeps a MANAGER inside its warehouse', async () => {
    expectError(await send(manager, 'POST', '/api/v1/users', newUser({ warehouseId: northId })), 403);
    const created = json(await send(manager, 'POST', '/api/v1/users', newUser())).data;
    expect(created.warehouseId).toBe(mainId);
  });

  it('validates the body', async () => {
    const err = expectError(await send(admin, 'POST', '/api/v1/users', newUser({ role: 'OVERLORD', password: 'short' })), 422);
    expect([...new Set(err.details?.map((d) => d.field))].sort()).toEqual(['password', 'role']);
    expectError(await send(admin, 'POST', '/api/v1/users', newUser({ warehouseId: '00000000-0000-4000-8000-000000000000' })), 422);
  });
});

describe('changing users', () => {
  it('a MANAGER cannot see or change a user of another site', async () => {
    const north = json(await get(admin, '/api/v1/users?search=technician-north')).data.users[0];
    expectError(await get(manager, `/api/v1/users/${north.id}`), 404);
    expectError(await send(manager, 'PUT', `/api/v1/users/${north.id}`, { firstName: 'Hacked' }), 404);
    expect(json(await get(admin, `/api/v1/users/${north.id}`)).data.firstName).toBe('Nils');
  });

  it('a MANAGER cannot change a peer or promote to its own rank', async () => {
    const peer = json(await send(admin, 'POST', '/api/v1/users', newUser({ role: 'MANAGER', warehouseId: mainId }))).data;
    expectError(await send(manager, 'PUT', `/api/v1/users/${peer.id}`, { firstName: 'Peer' }), 403);
    const tech = json(await send(manager, 'POST', '/api/v1/users', newUser())).data;
    expectError(await send(manager, 'PUT', `/api/v1/users/${tech.id}`, { role: 'MANAGER' }), 403);
    expect(json(await send(manager, 'PUT', `/api/v1/users/${tech.id}`, { role: 'SUPERVISOR' })).data.role).toBe('SUPERVISOR');
  });

  it('deactivation ends the sessions and is audited with before and after', async () => {
    const body = newUser({ role: 'REQUESTER' });
    const created = json(await send(admin, 'POST', '/api/v1/users', body)).data;
    const s = await login(t.app, body.email, body.password);
    const res = await send(manager, 'DELETE', `/api/v1/users/${created.id}`);
    expect(json(res).data.active).toBe(false);
    expectError(await get(s, '/api/v1/auth/profile'), 401);
    expectError(await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: body.email, password: body.password } }), 403);

    const logs = json(await get(admin, `/api/v1/audit-logs?tableName=profiles&recordId=${created.id}`)).data.logs;
    expect(logs.map((l: { action: string }) => l.action)).toEqual(['UPDATE', 'CREATE']);
    expect(logs[0].beforeData.active).toBe(true);
    expect(logs[0].afterData.active).toBe(false);
    expect(logs[0].userEmail).toBe('manager@plantops.local');
    expect(logs[0].userName).toMatch(/^\S+ \S+$/); // the manager's name, for entries that read as sentences
    expect(JSON.stringify(logs)).not.toMatch(/argon2|password/i);
  });

  it('nobody may demote or deactivate themselves', async () => {
    expectError(await send(admin, 'PUT', `/api/v1/users/${admin.user.id}`, { active: false }), 403);
  });
});

describe('warehouses', () => {
  it('non-cross-site roles see only their own warehouse', async () => {
    const tech = await login(t.app, 'technician@plantops.local');
    const list = json(await get(tech, '/api/v1/warehouses')).data.warehouses;
    expect(list.map((w: { code: string }) => w.code)).toEqual(['MAIN']);
    expectError(await get(tech, `/api/v1/warehouses/${northId}`), 404);
  });

  it('a technician may not pick another warehouse with the header', async () => {
    const tech = await login(t.app, 'technician@plantops.local');
    expectError(await t.app.inject({ url: '/api/v1/warehouses', headers: { ...bearer(tech), 'x-warehouse-id': northId } }), 403);
  });

  it('only ADMIN creates and edits warehouses; codes are unique', async () => {
    expectError(await send(manager, 'POST', '/api/v1/warehouses', { code: 'EAST', name: 'East Plant' }), 403);
    const created = await send(admin, 'POST', '/api/v1/warehouses', { code: 'east', name: 'East Plant' });
    expect(json(created).data.code).toBe('EAST');
    expectError(await send(admin, 'POST', '/api/v1/warehouses', { code: 'EAST', name: 'Again' }), 409);
    const renamed = await send(admin, 'PUT', `/api/v1/warehouses/${json(created).data.id}`, { name: 'East Works' });
    expect(json(renamed).data.name).toBe('East Works');
  });
});

describe('audit log', () => {
  it('filters by action and date and paginates', async () => {
    const res = json(await get(admin, '/api/v1/audit-logs?action=LOGIN&limit=3')).data;
    expect(res.logs).toHaveLength(3);
    expect(res.logs.every((l: { action: string }) => l.action === 'LOGIN')).toBe(true);
    expect(res.pagination.totalItems).toBeGreaterThan(3);
    const future = json(await get(admin, `/api/v1/audit-logs?dateFrom=${new Date(Date.now() + 86_400_000).toISOString()}`)).data;
    expect(future.logs).toEqual([]);
    expect(future.pagination.totalItems).toBe(0);
  });

  it('a MANAGER sees site logs but not the system-wide ones', async () => {
    const logs = json(await get(manager, '/api/v1/audit-logs?tableName=settings')).data.logs;
    expect(logs).toEqual([]);
  });
});
