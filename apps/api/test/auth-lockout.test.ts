import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, DEMO_PASSWORD, expectError, json, login, type TestContext } from './harness.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const attempt = (email: string, password: string, dialect: 'v1' | 'cmms' = 'v1') =>
  t.app.inject({ method: 'POST', url: dialect === 'v1' ? '/api/v1/auth/login' : '/api/auth/login', payload: { email, password } });

/** What an observer sees of a refusal: status and body, minus the per-request fields and times. */
const observed = (res: LightMyRequestResponse) => {
  const { error } = res.json();
  return { status: res.statusCode, code: error.code, message: String(error.message).replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/, '<time>'), keys: Object.keys(error).sort() };
};

async function mailsTo(email: string) {
  const outbox = path.join(t.dataDir, 'outbox');
  const files = await readdir(outbox).catch(() => [] as string[]);
  const mails = await Promise.all(files.map((f) => readFile(path.join(outbox, f), 'utf8')));
  return mails.filter((m) => m.includes(`To: ${email}`));
}

describe('sign-in lockout', () => {
  it('answers a known and an unknown address alike, attempt by attempt, and locks both after 5 failures', async () => {
    const known = 'service-tech@plantops.local';
    const unknown = 'nobody-here@plantops.local';
    for (let i = 0; i < 4; i++) {
      // Either dialect and any letter case count towards the same address.
      const dialect = i % 2 ? 'cmms' : 'v1';
      const a = await attempt(i === 1 ? known.toUpperCase() : known, `wrong-${i}-password`, dialect);
      const b = await attempt(i === 1 ? unknown.toUpperCase() : unknown, `wrong-${i}-password`, dialect);
      expectError(a, 401, 'AUTH_INVALID_CREDENTIALS');
      expect(observed(b)).toEqual(observed(a));
    }
    const fifthKnown = await attempt(known, 'wrong-5-password');
    const fifthUnknown = await attempt(unknown, 'wrong-5-password');
    expect(expectError(fifthKnown, 403, 'AUTH_ACCOUNT_LOCKED').message).toMatch(/locked after 5 failed attempts/);
    expect(observed(fifthUnknown)).toEqual(observed(fifthKnown));
    // Locked: even the right password is refused, exactly as for the unknown address.
    const rightWhileLocked = await attempt(known, DEMO_PASSWORD);
    expectError(rightWhileLocked, 403, 'AUTH_ACCOUNT_LOCKED');
    expect(observed(await attempt(unknown, DEMO_PASSWORD))).toEqual(observed(rightWhileLocked));
    expect(observed(await attempt(unknown, DEMO_PASSWORD, 'cmms'))).toEqual(observed(await attempt(known, DEMO_PASSWORD, 'cmms')));
    const { rows } = await t.db.query<{ email: string }>(`SELECT email FROM login_failures WHERE locked_until > now() ORDER BY email`);
    expect(rows.map((r) => r.email)).toEqual([unknown, known]);
    const audit = await t.db.query(`SELECT 1 FROM system_logs WHERE action = 'SECURITY_ACCOUNT_LOCKED'`);
    expect(audit.rows).toHaveLength(1);
  });

  it('keeps sessions opened before the lock working, and mails the owner a reset link that ends the lock', async () => {
    const email = 'assembler@plantops.local';
    const open = await login(t.app, email);
    for (let i = 0; i < 5; i++) await attempt(email, `guess-${i}-password`);
    expectError(await attempt(email, DEMO_PASSWORD), 403, 'AUTH_ACCOUNT_LOCKED');

    expect((await t.app.inject({ url: '/api/v1/auth/profile', headers: bearer(open) })).statusCode).toBe(200);
    const refreshed = await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken: open.refreshToken } });
    expect(refreshed.statusCode).toBe(200);

    await expect.poll(async () => (await mailsTo(email)).length).toBe(1);
    const [mail] = await mailsTo(email);
    expect(mail).toMatch(/Subject: Your PlantOps sign-in is locked/);
    expect(mail).toMatch(/Devices where you are already signed in keep working/);
    expect(mail).toMatch(/\/reset-password\?token=/);
    const token = /Reset token: (\S+)/.exec(mail!)![1]!;
    const newPassword = 'Unlocked-again-2026';
    const reset = await t.app.inject({ method: 'POST', url: '/api/v1/auth/reset-password', payload: { token, newPassword, confirmPassword: newPassword } });
    expect(reset.statusCode).toBe(200);
    await login(t.app, email, newPassword);
    const { rows } = await t.db.query(`SELECT 1 FROM login_failures WHERE email = $1`, [email]);
    expect(rows).toHaveLength(0);
  });

  it('a success clears earlier failures, so five more are needed to lock', async () => {
    const email = 'qc-person@plantops.local';
    for (let i = 0; i < 4; i++) await attempt(email, `slip-${i}-password`);
    await login(t.app, email);
    for (let i = 0; i < 4; i++) expectError(await attempt(email, `slip-${i}-again`), 401, 'AUTH_INVALID_CREDENTIALS');
    await login(t.app, email);
  });

  it('a deactivated account answers like a wrong password, unless the password is right', async () => {
    const admin = await login(t.app, 'admin@plantops.local');
    const target = await login(t.app, 'contractor@plantops.local');
    const off = await t.app.inject({ method: 'DELETE', url: `/api/v1/users/${target.user.id}`, headers: bearer(admin) });
    expect(off.statusCode).toBe(200);
    const wrong = await attempt('contractor@plantops.local', 'not-the-password');
    expect(observed(wrong)).toEqual(observed(await attempt('ghost-contractor@plantops.local', 'not-the-password')));
    expect(observed(wrong)).toEqual(observed(await attempt('requester@plantops.local', 'not-the-password')));
    const right = expectError(await attempt('contractor@plantops.local', DEMO_PASSWORD), 403, 'AUTH_INSUFFICIENT_PERMISSIONS');
    expect(right.message).toMatch(/deactivated/);
    expect(json(await t.app.inject({ url: '/api/v1/auth/profile', headers: bearer(target) })).success).toBe(false);
  });
});
