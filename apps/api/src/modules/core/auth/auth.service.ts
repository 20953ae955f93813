import { createHash } from 'node:crypto';
import { passwordPolicy, permissionsOf, type Permission, type Role } from '@plantops/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Database, Queryable } from '../../../platform/db/database.js';
import { dummyVerify, hashPassword, verifyPassword } from '../../../platform/crypto/passwords.js';
import { randomToken, sha256, type JwtSigner } from '../../../platform/crypto/tokens.js';
import { verifyTotp } from '../../../platform/crypto/totp.js';
import { AppError, unauthorized, validation } from '../../../platform/http/errors.js';
import type { SessionPrincipal } from '../../../platform/http/access.js';
import { writeAuditRow, type AuditOrigin } from '../audit/audit.writer.js';
import { enqueueMail } from '../mail/mail.outbox.js';
import * as repo from './auth.repo.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
export const MAX_SESSIONS = 5;
const IDLE_HOURS = 8;
const REMEMBER_DAYS = 30;
const RESET_TOKEN_MINUTES = 60;

export interface AuthDeps {
  db: Database;
  jwt: JwtSigner;
  accessTtlSeconds: number;
  publicUrl: string;
  afterMailQueued(): void;
}

export interface ClientInfo {
  ip: string;
  userAgent: string | null;
  deviceFingerprint: string | null;
  requestId: string;
}

export interface LoginInput {
  email: string;
  password: string;
  rememberMe?: boolean;
  mfaToken?: string;
}

export interface LoggedInUser {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  warehouseId: string;
  permissions: readonly Permission[];
  lastLogin: string | null;
  mustChangePassword: boolean;
  mfaEnabled: boolean;
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  sessionId: string;
}

const sessionLifetimeMs = (rememberMe: boolean) =>
  rememberMe ? REMEMBER_DAYS * 86_400_000 : IDLE_HOURS * 3_600_000;

const originOf = (userId: string | null, client: ClientInfo): AuditOrigin => ({
  userId,
  requestId: client.requestId,
  ip: client.ip,
});

/** A stable device fingerprint when the client sends none: hash of user agent and language. */
export function deviceFingerprint(explicit: string | undefined, userAgent: string | undefined, language: string | undefined) {
  if (explicit) return explicit.slice(0, 128);
  if (!userAgent) return null;
  return createHash('sha256').update(`${userAgent}|${language ?? ''}`).digest('hex').slice(0, 32);
}

async function issueTokens(deps: AuthDeps, tx: Queryable, sessionUuid: string, sessionId: string, user: { id: string; role: string; warehouse_id: string }, expiresAt: Date): Promise<IssuedTokens> {
  const refreshToken = randomToken();
  await repo.insertRefreshToken(tx, uuidv7(), sessionUuid, sha256(refreshToken), expiresAt);
  const accessToken = await deps.jwt.sign({ sub: user.id, role: user.role, wid: user.warehouse_id, sid: sessionId }, deps.accessTtlSeconds);
  return { accessToken, refreshToken, expiresIn: deps.accessTtlSeconds, sessionId };
}

function toLoggedInUser(row: repo.LoginRow): LoggedInUser {
  return {
    id: row.id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    role: row.role,
    warehouseId: row.warehouse_id,
    permissions: permissionsOf(row.role),
    lastLogin: row.last_login_at ? new Date(row.last_login_at).toISOString() : null,
    mustChangePassword: row.must_change_password,
    mfaEnabled: row.totp_enabled,
  };
}

type LoginOutcome =
  | { kind: 'ok'; user: LoggedInUser; tokens: IssuedTokens }
  | { kind: 'error'; error: AppError };

const invalidCredentials = () => new AppError(401, 'AUTH_INVALID_CREDENTIALS', 'Invalid e-mail or password');
const lockedError = (until: Date) =>
  new AppError(
    403,
    'AUTH_ACCOUNT_LOCKED',
    `Sign-in locked after ${MAX_FAILED_LOGINS} failed attempts. Try again after ${until.toISOString()}, or reset your password with "Forgot password".`,
  );

type LoginFailure = { kind: 'failure'; row: repo.LoginRow | undefined; reason: string; error: AppError };

/**
 * Verifies credentials (and TOTP when enabled) and opens a session. Failed attempts are counted
 * per e-mail address whether or not an account has it, so a known and an unknown address answer
 * alike (same status, message and lock) and nobody learns which addresses exist (decision 0007).
 * A deactivated account answers like any wrong password unless the password is right. Failures
 * are committed before the error is thrown so that the count survives.
 */
export async function login(deps: AuthDeps, input: LoginInput, client: ClientInfo): Promise<{ user: LoggedInUser; tokens: IssuedTokens }> {
  let lockMailQueued = false;
  const outcome = await deps.db.transaction(async (tx): Promise<LoginOutcome> => {
    const lockedUntil = await repo.loginLockedUntil(tx, input.email);
    // While locked no password is checked, for known and unknown addresses alike.
    if (lockedUntil) return { kind: 'error', error: lockedError(lockedUntil) };
    const row = await repo.findUserByEmail(tx, input.email, true);
    const verdict = await checkCredentials(row, input);
    if (verdict.kind === 'failure') {
      const counted = await countFailure(deps, tx, input.email, verdict, client);
      lockMailQueued = counted.mailQueued;
      return { kind: 'error', error: counted.lockedUntil ? lockedError(counted.lockedUntil) : verdict.error };
    }
    if (verdict.kind === 'error') return verdict;
    const now = new Date();
    await repo.clearLoginFailures(tx, input.email);
    await repo.recordSuccessfulLogin(tx, row!.id);
    return openSession(deps, tx, row!, input, client, now);
  });
  if (lockMailQueued) deps.afterMailQueued();
  if (outcome.kind === 'error') throw outcome.error;
  return outcome;
}

/** The password (and two-factor code) against the account, or a dummy check when there is none. */
async function checkCredentials(row: repo.LoginRow | undefined, input: LoginInput): Promise<LoginFailure | { kind: 'error'; error: AppError } | { kind: 'ok' }> {
  if (!row) {
    await dummyVerify(input.password);
    return { kind: 'failure', row, reason: 'Unknown e-mail', error: invalidCredentials() };
  }
  const passwordOk = await verifyPassword(row.password_hash, input.password);
  if (!passwordOk) return { kind: 'failure', row, reason: 'Wrong password', error: invalidCredentials() };
  // From here on the password is right: saying more (two-factor, deactivated) reveals nothing new.
  if (!row.active) return { kind: 'error', error: new AppError(403, 'AUTH_INSUFFICIENT_PERMISSIONS', 'This account is deactivated') };
  if (row.totp_enabled && !input.mfaToken) {
    return { kind: 'error', error: new AppError(401, 'AUTH_MFA_REQUIRED', 'Enter the code from your authenticator app', [{ field: 'mfaToken', message: 'Required', code: 'REQUIRED_FIELD' }]) };
  }
  const mfaOk = !row.totp_enabled || (!!row.totp_secret && verifyTotp(row.totp_secret, input.mfaToken ?? ''));
  if (!mfaOk) return { kind: 'failure', row, reason: 'Wrong two-factor code', error: new AppError(401, 'AUTH_INVALID_CREDENTIALS', 'Invalid two-factor code') };
  return { kind: 'ok' };
}

/**
 * Counts a failed attempt against the address. When it locks a real, active account, the owner
 * is told by e-mail with a password-reset link. Returns whether a mail was queued.
 */
async function countFailure(deps: AuthDeps, tx: Queryable, email: string, failure: LoginFailure, client: ClientInfo) {
  const now = new Date();
  const lockedUntil = await repo.recordLoginFailure(tx, email, MAX_FAILED_LOGINS, new Date(now.getTime() + LOCKOUT_MINUTES * 60_000));
  const row = failure.row;
  if (!row) return { lockedUntil, mailQueued: false };
  await writeAuditRow(tx, originOf(row.id, client), {
    action: lockedUntil ? 'SECURITY_ACCOUNT_LOCKED' : 'SECURITY_LOGIN_FAILED',
    tableName: 'profiles',
    recordId: row.id,
    warehouseId: row.warehouse_id,
    description: lockedUntil ? `Sign-in locked for ${LOCKOUT_MINUTES} minutes after ${MAX_FAILED_LOGINS} failed attempts (${failure.reason.toLowerCase()})` : failure.reason,
  });
  if (!lockedUntil || !row.active) return { lockedUntil, mailQueued: false };
  const link = await issueResetLink(deps, tx, row);
  await enqueueMail(tx, {
    to: row.email,
    subject: 'Your PlantOps sign-in is locked for a while',
    text:
      `Hello ${row.first_name},\n\nAfter ${MAX_FAILED_LOGINS} failed sign-in attempts, signing in to your PlantOps account is locked until ${lockedUntil.toISOString()}` +
      ` (from ${client.ip}).\nDevices where you are already signed in keep working.\n\nIf this was you, wait and try again, or choose a new password now; the link works for ${RESET_TOKEN_MINUTES} minutes and ends the lock:\n\n${link.url}\n\nReset token: ${link.token}\n\n` +
      `If it was not you, someone may be guessing your password: choose a new one with the link above.\n`,
  });
  return { lockedUntil, mailQueued: true };
}

/** A single-use password-reset token for the account (earlier unused ones end) and its link. */
async function issueResetLink(deps: AuthDeps, tx: Queryable, row: repo.LoginRow) {
  const token = randomToken();
  await repo.insertResetToken(tx, uuidv7(), row.id, sha256(token), new Date(Date.now() + RESET_TOKEN_MINUTES * 60_000));
  return { token, url: `${deps.publicUrl.replace(/\/$/, '')}/reset-password?token=${encodeURIComponent(token)}` };
}

async function openSession(deps: AuthDeps, tx: Queryable, row: repo.LoginRow, input: LoginInput, client: ClientInfo, now: Date): Promise<LoginOutcome> {
  const rememberMe = input.rememberMe ?? false;
  const sessionUuid = uuidv7();
  const sessionId = randomToken(24);
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs(rememberMe));
  await repo.trimSessions(tx, row.id, MAX_SESSIONS - 1);
  await repo.insertSession(tx, { id: sessionUuid, userId: row.id, sessionId, expiresAt, ip: client.ip, userAgent: client.userAgent, deviceFingerprint: client.deviceFingerprint, rememberMe });
  const tokens = await issueTokens(deps, tx, sessionUuid, sessionId, row, expiresAt);
  await writeAuditRow(tx, originOf(row.id, client), {
    action: 'LOGIN',
    tableName: 'user_sessions',
    recordId: sessionUuid,
    warehouseId: row.warehouse_id,
    after: { ip: client.ip, userAgent: client.userAgent, rememberMe },
  });
  return { kind: 'ok', user: toLoggedInUser(row), tokens };
}

type RefreshOutcome = { kind: 'ok'; tokens: IssuedTokens } | { kind: 'error'; error: AppError };

/** Rotates a refresh token. Presenting one that was already used ends its whole session. */
export async function refresh(deps: AuthDeps, refreshToken: string, client: ClientInfo): Promise<IssuedTokens> {
  const outcome = await deps.db.transaction(async (tx): Promise<RefreshOutcome> => {
    const row = await repo.findRefreshToken(tx, sha256(refreshToken));
    const invalid = { kind: 'error' as const, error: unauthorized('Refresh token is invalid or expired', 'AUTH_INVALID_TOKEN') };
    if (!row) return invalid;
    const fresh = row.used_at === null && (await repo.consumeRefreshToken(tx, row.token_id));
    if (!fresh) {
      if (await repo.endSession(tx, row.session_id, 'REFRESH_TOKEN_REUSE')) {
        await writeAuditRow(tx, originOf(row.user_id, client), {
          action: 'SECURITY_REFRESH_TOKEN_REUSE',
          tableName: 'user_sessions',
          recordId: row.session_uuid,
          warehouseId: row.warehouse_id,
          description: 'A used refresh token was presented again; the session was ended',
        });
      }
      return { kind: 'error', error: unauthorized('Refresh token was already used; the session has been ended for safety', 'AUTH_INVALID_TOKEN') };
    }
    const now = new Date();
    if (!row.session_active || row.session_expires_at <= now || row.token_expires_at <= now || !row.user_active) return invalid;
    const expiresAt = new Date(now.getTime() + sessionLifetimeMs(row.remember_me));
    await repo.extendSession(tx, row.session_uuid, expiresAt);
    const tokens = await issueTokens(deps, tx, row.session_uuid, row.session_id, { id: row.user_id, role: row.role, warehouse_id: row.warehouse_id }, expiresAt);
    return { kind: 'ok', tokens };
  });
  if (outcome.kind === 'error') throw outcome.error;
  return outcome.tokens;
}

/** Ends one session. A user may end their own sessions; the caller checks anything wider. */
export async function logout(deps: AuthDeps, userId: string, warehouseId: string, sessionId: string, client: ClientInfo): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const session = await repo.findSession(tx, sessionId);
    if (!session || session.user_id !== userId) throw new AppError(404, 'RESOURCE_NOT_FOUND', 'Session not found');
    if (await repo.endSession(tx, sessionId, 'LOGOUT')) {
      await writeAuditRow(tx, originOf(userId, client), { action: 'LOGOUT', tableName: 'user_sessions', recordId: session.id, warehouseId });
    }
  });
}

export async function loadSessionPrincipal(db: Database, sessionId: string, userId: string): Promise<SessionPrincipal | null> {
  const row = await repo.findLivePrincipal(db, sessionId, userId);
  if (!row) return null;
  return {
    userId: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    warehouseId: row.warehouse_id,
    mustChangePassword: row.must_change_password,
    permissions: permissionsOf(row.role),
    expiresAt: new Date(row.expires_at).getTime(),
  };
}

/** Rejects a new password that matches the current one or any of the remembered previous ones. */
async function assertNotReused(row: repo.LoginRow, newPassword: string) {
  const recent = [row.password_hash, ...row.previous_passwords].slice(0, passwordPolicy.historySize);
  for (const old of recent) {
    if (await verifyPassword(old, newPassword)) {
      throw validation('Password was used recently', [
        { field: 'newPassword', message: `Must differ from your last ${passwordPolicy.historySize} passwords`, code: 'PASSWORD_REUSED' },
      ]);
    }
  }
}

async function storeNewPassword(tx: Queryable, row: repo.LoginRow, newPassword: string) {
  const history = [row.password_hash, ...row.previous_passwords].slice(0, passwordPolicy.historySize);
  await repo.updatePassword(tx, row.id, await hashPassword(newPassword), history);
}

export async function changePassword(
  deps: AuthDeps,
  userId: string,
  sessionId: string,
  input: { currentPassword: string; newPassword: string },
  client: ClientInfo,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const row = await repo.findUserById(tx, userId, true);
    if (!row) throw unauthorized();
    if (!(await verifyPassword(row.password_hash, input.currentPassword))) {
      throw validation('Current password is incorrect', [{ field: 'currentPassword', message: 'Incorrect password', code: 'INVALID_VALUE' }]);
    }
    await assertNotReused(row, input.newPassword);
    await storeNewPassword(tx, row, input.newPassword);
    await repo.endAllSessions(tx, userId, 'PASSWORD_CHANGED', sessionId);
    await writeAuditRow(tx, originOf(userId, client), { action: 'PASSWORD_CHANGED', tableName: 'user_credentials', recordId: userId, warehouseId: row.warehouse_id });
  });
}

/** Always succeeds from the caller's view, so it cannot be used to find accounts. */
export async function forgotPassword(deps: AuthDeps, email: string, client: ClientInfo): Promise<void> {
  const queued = await deps.db.transaction(async (tx) => {
    const row = await repo.findUserByEmail(tx, email);
    if (!row || !row.active) return false;
    const link = await issueResetLink(deps, tx, row);
    await enqueueMail(tx, {
      to: row.email,
      subject: 'Reset your PlantOps password',
      text: `Hello ${row.first_name},\n\nSomeone asked to reset the password of your PlantOps account.\nOpen this link within ${RESET_TOKEN_MINUTES} minutes to choose a new one:\n\n${link.url}\n\nReset token: ${link.token}\n\nIf it was not you, ignore this message; your password stays as it is.\n`,
    });
    await writeAuditRow(tx, originOf(row.id, client), { action: 'PASSWORD_RESET_REQUESTED', tableName: 'password_reset_tokens', recordId: row.id, warehouseId: row.warehouse_id });
    return true;
  });
  if (queued) deps.afterMailQueued();
}

/** Sets a new password from a single-use reset token and ends every session of that user. */
export async function resetPassword(deps: AuthDeps, token: string, newPassword: string, client: ClientInfo): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const userId = await repo.consumeResetToken(tx, sha256(token));
    if (!userId) throw new AppError(400, 'AUTH_INVALID_TOKEN', 'Reset token is invalid, used or expired');
    const row = await repo.findUserById(tx, userId, true);
    if (!row) throw new AppError(400, 'AUTH_INVALID_TOKEN', 'Reset token is invalid, used or expired');
    await assertNotReused(row, newPassword);
    await storeNewPassword(tx, row, newPassword);
    // The reset link the lock e-mail carries ends the lock.
    await repo.clearLoginFailures(tx, row.email);
    await repo.endAllSessions(tx, userId, 'PASSWORD_RESET');
    await writeAuditRow(tx, originOf(userId, client), { action: 'PASSWORD_RESET', tableName: 'user_credentials', recordId: userId, warehouseId: row.warehouse_id });
  });
}
