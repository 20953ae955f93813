import type { Queryable } from '../../../platform/db/database.js';
import type { Ctx } from '../../../platform/db/unit-of-work.js';
import { v7 as uuidv7 } from 'uuid';
import { publish } from '../../../platform/realtime/publish.js';

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
  const id = uuidv7();
  await tx.query(
    `INSERT INTO system_logs (id, action, table_name, record_id, user_id, description, warehouse_id,
       before_data, after_data, request_id, ip_address)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      id,
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
  // Administrators watch the trail live; before/after stay out of the event (fetch them on demand).
  await publish(tx, {
    channel: 'system_logs',
    warehouseId: entry.warehouseId,
    payload: { id, action: entry.action, tableName: entry.tableName, recordId: entry.recordId, userId: origin.userId, warehouseId: entry.warehouseId, description: entry.description ?? null, timestamp: new Date().toISOString() },
  });
}

/** Audit for a use case running with an actor. */
export const audit = (ctx: Ctx, entry: AuditEntry) =>
  writeAuditRow(ctx.tx, { userId: ctx.actor.userId, requestId: ctx.meta.requestId, ip: ctx.meta.ip }, entry);
