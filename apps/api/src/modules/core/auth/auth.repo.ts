import type { Role } from '@plantops/contracts';
import { prepared, type Queryable } from '../../../platform/db/database.js';

/** Queries of the auth service. They run as the schema owner: credentials are not granted to the app role. */

export interface LoginRow {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  role: Role;
  warehouse_id: string;
  active: boolean;
  last_login_at: Date | null;
  created_at: Date;
  preferences: Record<string, unknown>;
  password_hash: string;
  previous_passwords: string[];
  must_change_password: boolean;
  failed_attempts: number;
  locked_until: Date | null;
  totp_enabled: boolean;
  totp_secret: string | null;
  totp_pending_secret: string | null;
}

const LOGIN_COLUMNS = `p.id, p.email, p.first_name, p.last_name, p.role, p.warehouse_id, p.active, p.last_login_at,
  p.created_at, p.preferences, c.password_hash, c.previous_passwords, c.must_change_password, c.failed_attempts,
  c.locked_until, c.totp_enabled, c.totp_secret, c.totp_pending_secret`;

export async function findUserByEmail(q: Queryable, email: string, forUpdate = false): Promise<LoginRow | undefined> {
  const { rows } = await q.query<LoginRow>(
    `SELECT ${LOGIN_COLUMNS} FROM profiles p JOIN user_credentials c ON c.user_id = p.id
      WHERE lower(p.email) = lower($1) ${forUpdate ? 'FOR UPDATE OF c' : ''}`,
    [email],
  );
  return rows[0];
}

export async function findUserById(q: Queryable, userId: string, forUpdate = false): Promise<LoginRow | undefined> {
  const { rows } = await q.query<LoginRow>(
    `SELECT ${LOGIN_COLUMNS} FROM profiles p JOIN user_credentials c ON c.user_id = p.id
      WHERE p.id = $1 ${forUpdate ? 'FOR UPDATE OF c' : ''}`,
    [userId],
  );
  return rows[0];
}

/** When the address's sign-ins are locked (null: not locked), the row held until the transaction ends. */
export async function loginLockedUntil(q: Queryable, email: string): Promise<Date | null> {
  const { rows } = await q.query<{ locked_until: Date | null }>(
    `SELECT locked_until FROM login_failures WHERE email = lower($1) AND locked_until > now() FOR UPDATE`,
    [email],
  );
  return rows[0]?.locked_until ?? null;
}

/**
 * Counts one failed sign-in for an address, known or not. Failures older than a day, or from
 * before a lock that has since ended, no longer count. Reaching `max` locks the address until
 * `lockUntil` and starts the count again. Returns the lock when this failure set it.
 */
export async function recordLoginFailure(q: Queryable, email: string, max: number, lockUntil: Date): Promise<Date | null> {
  // Rows nobody has failed on for a day are forgotten (indexed, usually nothing to delete).
  await q.query(`DELETE FROM login_failures WHERE last_failed_at < now() - interval '1 day' AND (locked_until IS NULL OR locked_until < now())`);
  await q.query(
    `INSERT INTO login_failures AS f (email, failed_attempts, last_failed_at) VALUES (lower($1), 1, now())
     ON CONFLICT (email) DO UPDATE SET
       failed_attempts = CASE WHEN f.locked_until IS NOT NULL THEN 1 ELSE f.failed_attempts + 1 END,
       locked_until = NULL,
       last_failed_at = now()`,
    [email],
  );
  const { rows: locked } = await q.query<{ locked_until: Date }>(
    `UPDATE login_failures SET locked_until = $2, failed_attempts = 0 WHERE email = lower($1) AND failed_attempts >= $3 RETURNING locked_until`,
    [email, lockUntil, max],
  );
  return locked[0]?.locked_until ?? null;
}

/** A successful sign-in or a new password clears the address's failures and lock. */
export async function clearLoginFailures(q: Queryable, email: string): Promise<void> {
  await q.query(`DELETE FROM login_failures WHERE email = lower($1)`, [email]);
}

export async function recordSuccessfulLogin(q: Queryable, userId: string): Promise<void> {
  await q.query(`UPDATE profiles SET last_login_at = now() WHERE id = $1`, [userId]);
}

export interface NewSession {
  id: string;
  userId: string;
  sessionId: string;
  expiresAt: Date;
  ip: string;
  userAgent: string | null;
  deviceFingerprint: string | null;
  rememberMe: boolean;
}

export async function insertSession(q: Queryable, s: NewSession): Promise<void> {
  await q.query(
    `INSERT INTO user_sessions (id, user_id, session_id, expires_at, ip_address, user_agent, device_fingerprint, remember_me)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [s.id, s.userId, s.sessionId, s.expiresAt, s.ip, s.userAgent, s.deviceFingerprint, s.rememberMe],
  );
}

/** Ends the oldest active sessions so that at most `keep` remain. */
export async function trimSessions(q: Queryable, userId: string, keep: number): Promise<void> {
  await q.query(
    `UPDATE user_sessions SET is_active = false, ended_reason = 'SESSION_LIMIT', updated_at = now()
      WHERE id IN (SELECT id FROM user_sessions WHERE user_id = $1 AND is_active
                    ORDER BY created_at DESC OFFSET $2)`,
    [userId, keep],
  );
}

export async function insertRefreshToken(q: Queryable, id: string, sessionUuid: string, tokenHash: string, expiresAt: Date) {
  await q.query(`INSERT INTO refresh_tokens (id, session_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)`, [
    id,
    sessionUuid,
    tokenHash,
    expiresAt,
  ]);
}

export interface RefreshRow {
  token_id: string;
  used_at: Date | null;
  token_expires_at: Date;
  session_uuid: string;
  session_id: string;
  session_active: boolean;
  session_expires_at: Date;
  remember_me: boolean;
  user_id: string;
  role: Role;
  warehouse_id: string;
  user_active: boolean;
}

export async function findRefreshToken(q: Queryable, tokenHash: string): Promise<RefreshRow | undefined> {
  const { rows } = await q.query<RefreshRow>(
    `SELECT t.id AS token_id, t.used_at, t.expires_at AS token_expires_at, s.id AS session_uuid, s.session_id,
            s.is_active AS session_active, s.expires_at AS session_expires_at, s.remember_me,
            p.id AS user_id, p.role, p.warehouse_id, p.active AS user_active
       FROM refresh_tokens t JOIN user_sessions s ON s.id = t.session_id JOIN profiles p ON p.id = s.user_id
      WHERE t.token_hash = $1`,
    [tokenHash],
  );
  return rows[0];
}

/** Marks a refresh token used; false if another request used it first. */
export async function consumeRefreshToken(q: Queryable, tokenId: string): Promise<boolean> {
  const r = await q.query(`UPDATE refresh_tokens SET used_at = now() WHERE id = $1 AND used_at IS NULL`, [tokenId]);
  return r.rowCount === 1;
}

export async function extendSession(q: Queryable, sessionUuid: string, expiresAt: Date): Promise<void> {
  await q.query(`UPDATE user_sessions SET expires_at = $2, last_seen_at = now(), updated_at = now() WHERE id = $1`, [
    sessionUuid,
    expiresAt,
  ]);
}

export interface SessionRow {
  id: string;
  user_id: string;
  session_id: string;
  is_active: boolean;
}

export async function findSession(q: Queryable, sessionId: string): Promise<SessionRow | undefined> {
  const { rows } = await q.query<SessionRow>(`SELECT id, user_id, session_id, is_active FROM user_sessions WHERE session_id = $1`, [sessionId]);
  return rows[0];
}

export async function endSession(q: Queryable, sessionId: string, reason: string): Promise<boolean> {
  const r = await q.query(
    `UPDATE user_sessions SET is_active = false, ended_reason = $2, updated_at = now() WHERE session_id = $1 AND is_active`,
    [sessionId, reason],
  );
  return r.rowCount > 0;
}

export async function endAllSessions(q: Queryable, userId: string, reason: string, exceptSessionId?: string): Promise<void> {
  await q.query(
    `UPDATE user_sessions SET is_active = false, ended_reason = $2, updated_at = now()
      WHERE user_id = $1 AND is_active AND session_id IS DISTINCT FROM $3`,
    [userId, reason, exceptSessionId ?? null],
  );
}

export interface PrincipalRow {
  id: string;
  email: string;
  role: Role;
  warehouse_id: string;
  must_change_password: boolean;
  expires_at: Date;
  name: string;
}

/** The per-request check: the session is live and its user active; role comes from here, not the token. */
// Runs on every authenticated request, so it is planned once per connection.
const LIVE_PRINCIPAL = prepared(
  'auth_live_principal',
  `SELECT p.id, p.email, p.role, p.warehouse_id, c.must_change_password, s.expires_at, p.first_name || ' ' || p.last_name AS name
     FROM user_sessions s JOIN profiles p ON p.id = s.user_id JOIN user_credentials c ON c.user_id = p.id
    WHERE s.session_id = $1 AND s.user_id = $2 AND s.is_active AND s.expires_at > now() AND p.active`,
);

export async function findLivePrincipal(q: Queryable, sessionId: string, userId: string): Promise<PrincipalRow | undefined> {
  const { rows } = await q.query<PrincipalRow>(LIVE_PRINCIPAL, [sessionId, userId]);
  return rows[0];
}

export async function updatePassword(
  q: Queryable,
  userId: string,
  passwordHash: string,
  previous: string[],
): Promise<void> {
  await q.query(
    `UPDATE user_credentials SET password_hash = $2, previous_passwords = $3::jsonb, must_change_password = false,
       failed_attempts = 0, locked_until = NULL, password_changed_at = now(), updated_at = now() WHERE user_id = $1`,
    [userId, passwordHash, JSON.stringify(previous)],
  );
}

export async function insertResetToken(q: Queryable, id: string, userId: string, tokenHash: string, expiresAt: Date) {
  await q.query(
    `UPDATE password_reset_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`,
    [userId],
  );
  await q.query(`INSERT INTO password_reset_tokens (id, user_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)`, [
    id,
    userId,
    tokenHash,
    expiresAt,
  ]);
}

/** Claims a reset token atomically: returns its user if it was unused and unexpired. */
export async function consumeResetToken(q: Queryable, tokenHash: string): Promise<string | undefined> {
  const { rows } = await q.query<{ user_id: string }>(
    `UPDATE password_reset_tokens SET used_at = now()
      WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING user_id`,
    [tokenHash],
  );
  return rows[0]?.user_id;
}

export async function setTotp(q: Queryable, userId: string, fields: { pending?: string | null; secret?: string | null; enabled?: boolean }) {
  await q.query(
    `UPDATE user_credentials SET
       totp_pending_secret = CASE WHEN $2 THEN $3 ELSE totp_pending_secret END,
       totp_secret = CASE WHEN $4 THEN $5 ELSE totp_secret END,
       totp_enabled = coalesce($6, totp_enabled), updated_at = now()
     WHERE user_id = $1`,
    [userId, fields.pending !== undefined, fields.pending ?? null, fields.secret !== undefined, fields.secret ?? null, fields.enabled ?? null],
  );
}

export async function credentialFlags(q: Queryable, userId: string) {
  const { rows } = await q.query<{ must_change_password: boolean; totp_enabled: boolean }>(
    `SELECT must_change_password, totp_enabled FROM user_credentials WHERE user_id = $1`,
    [userId],
  );
  return { mustChangePassword: rows[0]?.must_change_password ?? false, mfaEnabled: rows[0]?.totp_enabled ?? false };
}
