import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../src/platform/crypto/totp.js';
import { bearer, createTestApp, DEMO_PASSWORD, expectError, json, login, type TestContext } from './harness.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers });

describe('login', () => {
  it('signs in with the v1 envelope, permissions and a 15-minute token', async () => {
    const res = await post('/api/v1/auth/login', { email: 'Production-Coordinator@plantops.local', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(200);
    const { data } = json(res);
    expect(data.expiresIn).toBe(900);
    expect(data.user).toMatchObject({ email: 'production-coordinator@plantops.local', role: 'PRODUCTION_COORDINATOR', mustChangePassword: false });
    expect(data.user.permissions).toContain('order:create');
    expect(data.user.permissions).not.toContain('user:manage');
    const profile = await t.app.inject({ url: '/api/v1/auth/profile', headers: bearer(data.accessToken) });
    expect(json(profile).data.email).toBe('production-coordinator@plantops.local');
  });

  it('serves the CMMS dialect with token, refreshToken and sessionId', async () => {
    const res = await post('/api/auth/login', { email: 'technician@plantops.local', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(200);
    const body = json(res);
    expect(body).toMatchObject({ success: true, user: { role: 'TECHNICIAN' } });
    expect(typeof body.token).toBe('string');
    const refreshed = await post('/api/auth/refresh', { refreshToken: body.refreshToken });
    expect(refreshed.statusCode).toBe(200);
    expect(Object.keys(json(refreshed)).sort()).toEqual(['refreshToken', 'token']);
    const out = await post('/api/auth/logout', { sessionId: body.sessionId }, bearer(body.token));
    expect(json(out)).toEqual({ success: true });
    expectError(await t.app.inject({ url: '/api/v1/auth/profile', headers: bearer(json(refreshed).token) }), 401, 'AUTH_INVALID_TOKEN');
  });

  it('answers a wrong password and an unknown account alike with 401', async () => {
    expectError(await post('/api/v1/auth/login', { email: 'assembler@plantops.local', password: 'nope-nope-nope' }), 401, 'AUTH_INVALID_CREDENTIALS');
    expectError(await post('/api/v1/auth/login', { email: 'nobody@plantops.local', password: 'nope-nope-nope' }), 401, 'AUTH_INVALID_CREDENTIALS');
  });

  it('keeps at most 5 sessions per user, ending the oldest', async () => {
    const first = await login(t.app, 'procurement@plantops.local');
    for (let i = 0; i < 5; i++) await login(t.app, 'procurement@plantops.local');
    expectError(await t.app.inject({ url: '/api/v1/auth/profile', headers: bearer(first) }), 401, 'AUTH_INVALID_TOKEN');
    const { rows } = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM user_sessions s JOIN profiles p ON p.id = s.user_id WHERE p.email = 'procurement@plantops.local' AND s.is_active`,
    );
    expect(rows[0]!.n).toBe(5);
  });
});

describe('refresh tokens', () => {
  it('rotate, and a reused one ends the whole session', async () => {
    const s = await login(t.app, 'qc-person@plantops.local');
    const r1 = await post('/api/v1/auth/refresh', { refreshToken: s.refreshToken });
    expect(r1.statusCode).toBe(200);
    const next = json(r1).data;
    expect(next.refreshToken).not.toBe(s.refreshToken);
    // The attacker replays the old token: refused, and the session ends for everyone.
    expectError(await post('/api/v1/auth/refresh', { refreshToken: s.refreshToken }), 401, 'AUTH_INVALID_TOKEN');
    expectError(await post('/api/v1/auth/refresh', { refreshToken: next.refreshToken }), 401, 'AUTH_INVALID_TOKEN');
    expectError(await t.app.inject({ url: '/api/v1/auth/profile', headers: bearer(next.accessToken) }), 401, 'AUTH_INVALID_TOKEN');
    const { rows } = await t.db.query(`SELECT 1 FROM system_logs WHERE action = 'SECURITY_REFRESH_TOKEN_REUSE'`);
    expect(rows).toHaveLength(1);
  });

  it('refuses an unknown refresh token', async () => {
    expectError(await post('/api/v1/auth/refresh', { refreshToken: 'made-up-token-value' }), 401, 'AUTH_INVALID_TOKEN');
  });
});

describe('logout', () => {
  it('ends the session so its access token stops working at once', async () => {
    const s = await login(t.app, 'inventory-clerk@plantops.local');
    const res = await post('/api/v1/auth/logout', {}, bearer(s));
    expect(json(res)).toEqual({ success: true, message: 'Logged out successfully' });
    expectError(await t.app.inject({ url: '/api/v1/auth/profile', headers: bearer(s) }), 401, 'AUTH_INVALID_TOKEN');
  });
});

describe('password reset', () => {
  it('mails a single-use token to the outbox and ends every session on reset', async () => {
    const email = 'requester@plantops.local';
    const before = await login(t.app, email);
    const res = await post('/api/v1/auth/forgot-password', { email });
    expect(json(res)).toEqual({ success: true, message: 'Password reset email sent if account exists' });
    expect(json(await post('/api/v1/auth/forgot-password', { email: 'ghost@plantops.local' })).success).toBe(true);

    const outbox = path.join(t.dataDir, 'outbox');
    await expect.poll(async () => (await readdir(outbox).catch(() => [])).length).toBe(1);
    const [file] = await readdir(outbox);
    const eml = await readFile(path.join(outbox, file!), 'utf8');
    expect(eml).toContain(`To: ${email}`);
    const token = /Reset token: (\S+)/.exec(eml)![1]!;

    const newPassword = 'Brand-new-passw0rd';
    const weak = await post('/api/v1/auth/reset-password', { token, newPassword: 'short', confirmPassword: 'short' });
    expect(expectError(weak, 422, 'VALIDATION_ERROR').details?.[0]?.field).toBe('newPassword');
    const ok = await post('/api/v1/auth/reset-password', { token, newPassword, confirmPassword: newPassword });
    expect(ok.statusCode).toBe(200);
    expectError(await post('/api/v1/auth/reset-password', { token, newPassword: 'Another-passw0rd1', confirmPassword: 'Another-passw0rd1' }), 400, 'AUTH_INVALID_TOKEN');
    expectError(await t.app.inject({ url: '/api/v1/auth/profile', headers: bearer(before) }), 401);
    await login(t.app, email, newPassword);
  });
});

describe('change password', () => {
  it('enforces policy, confirmation and history, then ends other sessions', async () => {
    const email = 'supervisor@plantops.local';
    const other = await login(t.app, email);
    const s = await login(t.app, email);
    const change = (body: object) => post('/api/v1/auth/change-password', body, bearer(s));
    expectError(await change({ currentPassword: 'wrong-one', newPassword: 'Valid-passw0rd-1', confirmPassword: 'Valid-passw0rd-1' }), 422);
    expectError(await change({ currentPassword: DEMO_PASSWORD, newPassword: 'Valid-passw0rd-1', confirmPassword: 'Valid-passw0rd-2' }), 422);
    const reuse = expectError(await change({ currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD, confirmPassword: DEMO_PASSWORD }), 422);
    expect(reuse.details?.[0]?.code).toBe('PASSWORD_REUSED');
    expect((await change({ currentPassword: DEMO_PASSWORD, newPassword: 'Valid-passw0rd-1', confirmPassword: 'Valid-passw0rd-1' })).statusCode).toBe(200);
    expectError(await t.app.inject({ url: '/api/v1/auth/profile', headers: bearer(other) }), 401);
    expect((await t.app.inject({ url: '/api/v1/auth/profile', headers: bearer(s) })).statusCode).toBe(200);
    // Back to the demo password is refused: it is in the history.
    const back = expectError(await change({ currentPassword: 'Valid-passw0rd-1', newPassword: DEMO_PASSWORD, confirmPassword: DEMO_PASSWORD }), 422);
    expect(back.details?.[0]?.code).toBe('PASSWORD_REUSED');
  });
});

describe('profile and permissions', () => {
  it('updates names and merges preferences', async () => {
    const s = await login(t.app, 'assembler@plantops.local');
    const res = await t.app.inject({ method: 'PUT', url: '/api/v1/auth/profile', headers: bearer(s), payload: { lastName: 'Smith', preferences: { theme: 'dark', notifications: { push: true } } } });
    expect(res.statusCode).toBe(200);
    expect(json(res).data).toMatchObject({ lastName: 'Smith', preferences: { theme: 'dark', timezone: 'UTC', notifications: { email: true, push: true } } });
    expectError(await t.app.inject({ method: 'PUT', url: '/api/v1/auth/profile', headers: bearer(s), payload: { preferences: { timezone: 'Mars/Olympus' } } }), 422);
    expectError(await t.app.inject({ method: 'PUT', url: '/api/v1/auth/profile', headers: bearer(s), payload: { role: 'ADMIN' } }), 422);
    const audit = await t.db.query(`SELECT before_data, after_data FROM system_logs WHERE table_name = 'profiles' AND action = 'UPDATE' AND record_id = $1`, [s.user.id]);
    expect(audit.rows).toHaveLength(1);
  });

  it('lists permissions grouped by resource and validates one', async () => {
    const s = await login(t.app, 'assembler@plantops.local');
    const perms = json(await t.app.inject({ url: '/api/v1/auth/permissions', headers: bearer(s) })).data;
    expect(perms.role).toBe('ASSEMBLER');
    expect(perms.permissions).toContainEqual({ resource: 'inventory', actions: ['read'] });
    const check = (resource: string, action: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/validate-permission', headers: bearer(s), payload: { resource, action } }).then((r) => json(r).data.hasPermission);
    expect(await check('inventory', 'read')).toBe(true);
    expect(await check('order', 'create')).toBe(false);
  });
});

describe('two-factor authentication', () => {
  it('enrols, then requires and accepts a TOTP code at login', async () => {
    const email = 'manager@plantops.local';
    const s = await login(t.app, email);
    const enrol = json(await post('/api/v1/auth/mfa/enroll', {}, bearer(s))).data;
    expect(enrol.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expectError(await post('/api/v1/auth/mfa/confirm', { code: '000000' }, bearer(s)), 422);
    expect((await post('/api/v1/auth/mfa/confirm', { code: currentTotp(enrol.secret) }, bearer(s))).statusCode).toBe(200);

    expectError(await post('/api/v1/auth/login', { email, password: DEMO_PASSWORD }), 401, 'AUTH_MFA_REQUIRED');
    expectError(await post('/api/v1/auth/login', { email, password: DEMO_PASSWORD, mfaToken: '123456' }), 401, 'AUTH_INVALID_CREDENTIALS');
    const ok = await post('/api/v1/auth/login', { email, password: DEMO_PASSWORD, mfaToken: currentTotp(enrol.secret) });
    expect(ok.statusCode).toBe(200);
    expect(json(ok).data.user.mfaEnabled).toBe(true);

    expect((await post('/api/v1/auth/mfa/disable', { password: DEMO_PASSWORD }, bearer(s))).statusCode).toBe(200);
    expect((await post('/api/v1/auth/login', { email, password: DEMO_PASSWORD })).statusCode).toBe(200);
  });
});
