import type { Database } from '../../../platform/db/database.js';
import { verifyPassword } from '../../../platform/crypto/passwords.js';
import { newTotpSecret, totpUri, verifyTotp } from '../../../platform/crypto/totp.js';
import { unauthorized, validation, workflow } from '../../../platform/http/errors.js';
import { writeAuditRow } from '../audit/audit.writer.js';
import * as repo from './auth.repo.js';
import type { ClientInfo } from './auth.service.js';

/** TOTP enrolment: enrol (pending secret) -> confirm with a code (enabled) -> disable with the password. */

export async function enrollTotp(db: Database, userId: string): Promise<{ secret: string; otpauthUrl: string }> {
  return db.transaction(async (tx) => {
    const row = await repo.findUserById(tx, userId, true);
    if (!row) throw unauthorized();
    if (row.totp_enabled) throw workflow('Two-factor authentication is already enabled; disable it first');
    const secret = newTotpSecret();
    await repo.setTotp(tx, userId, { pending: secret });
    return { secret, otpauthUrl: totpUri(secret, row.email) };
  });
}

export async function confirmTotp(db: Database, userId: string, code: string, client: ClientInfo): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await repo.findUserById(tx, userId, true);
    if (!row) throw unauthorized();
    if (!row.totp_pending_secret) throw workflow('Start enrolment first');
    if (!verifyTotp(row.totp_pending_secret, code)) {
      throw validation('The code does not match', [{ field: 'code', message: 'Invalid code', code: 'INVALID_VALUE' }]);
    }
    await repo.setTotp(tx, userId, { pending: null, secret: row.totp_pending_secret, enabled: true });
    await writeAuditRow(tx, { userId, requestId: client.requestId, ip: client.ip }, { action: 'MFA_ENABLED', tableName: 'user_credentials', recordId: userId, warehouseId: row.warehouse_id });
  });
}

export async function disableTotp(db: Database, userId: string, password: string, client: ClientInfo): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await repo.findUserById(tx, userId, true);
    if (!row) throw unauthorized();
    if (!row.totp_enabled) throw workflow('Two-factor authentication is not enabled');
    if (!(await verifyPassword(row.password_hash, password))) {
      throw validation('Password is incorrect', [{ field: 'password', message: 'Incorrect password', code: 'INVALID_VALUE' }]);
    }
    await repo.setTotp(tx, userId, { pending: null, secret: null, enabled: false });
    await writeAuditRow(tx, { userId, requestId: client.requestId, ip: client.ip }, { action: 'MFA_DISABLED', tableName: 'user_credentials', recordId: userId, warehouseId: row.warehouse_id });
  });
}
