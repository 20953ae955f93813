import type { Queryable } from '../../../platform/db/database.js';
import type { Ctx } from '../../../platform/db/unit-of-work.js';
import { v7 as uuidv7 } from 'uuid';

export interface AuditEntry {
  action: string;
  tableName: string;
  recordId: string | null;
  warehouseId: string | null;
  before?: unknown;
  after?: unknown;
  description?: string;
}

export interface AuditOrigin {
  userId: string | null;
  requestId: string | null;
  ip: string | null;
}

/** Writes one system_logs row in the caller's transaction, so the log and the change commit together. */
export async function writeAuditRow(tx: Queryable, origin: AuditOrigin, entry: AuditEntry): Promise<void> {
  await tx.query(
    `INSERT INTO system_logs (id, action, table_name, record_id, user_id, description, warehouse_id,
       before_data, after_data, request_id, ip_address)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      uuidv7(),
      entry.action,
      entry.tableName,
      entry.recordId,
      origin.userId,
      entry.description ?? null,
      entry.warehouseId,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
      origin.requestId,
      origin.ip,
    ],
  );
}

/** Audit for a use case running with an actor. */
export const audit = (ctx: Ctx, entry: AuditEntry) =>
  writeAuditRow(ctx.tx, { userId: ctx.actor.userId, requestId: ctx.meta.requestId, ip: ctx.meta.ip }, entry);
