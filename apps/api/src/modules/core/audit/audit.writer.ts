import type { Queryable } from '../../../platform/db/database.js';
import type { Ctx } from '../../../platform/db/unit-of-work.js';
import { v7 as uuidv7 } from 'uuid';
import { eventWrite } from '../../../platform/realtime/publish.js';
import { insertRow, runWrites, type SqlWrite } from '../../../platform/db/write-batch.js';

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

/**
 * The system_logs row of an entry and its live event for administrators, to run with the change
 * itself in one statement (runWrites): the log and the change commit together, in one round trip.
 */
export function auditWrites(origin: AuditOrigin, entry: AuditEntry): SqlWrite[] {
  const id = uuidv7();
  return [
    insertRow('system_logs', {
      id,
      action: entry.action,
      table_name: entry.tableName,
      record_id: entry.recordId,
      user_id: origin.userId,
      description: entry.description ?? null,
      warehouse_id: entry.warehouseId,
      before_data: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_data: entry.after === undefined ? null : JSON.stringify(entry.after),
      request_id: origin.requestId,
      ip_address: origin.ip,
    }),
    // Administrators watch the trail live; before/after stay out of the event (fetch them on demand).
    eventWrite({
      channel: 'system_logs',
      warehouseId: entry.warehouseId,
      payload: { id, action: entry.action, tableName: entry.tableName, recordId: entry.recordId, userId: origin.userId, warehouseId: entry.warehouseId, description: entry.description ?? null, timestamp: new Date().toISOString() },
    }),
  ];
}

/** Writes one system_logs row (and its live event) in the caller's transaction. */
export async function writeAuditRow(tx: Queryable, origin: AuditOrigin, entry: AuditEntry): Promise<void> {
  await runWrites(tx, auditWrites(origin, entry));
}

/** Where an actor's audit rows come from: who, which request, which address. */
export const auditOrigin = (ctx: Ctx): AuditOrigin => ({ userId: ctx.actor.userId, requestId: ctx.meta.requestId, ip: ctx.meta.ip });

/** Audit for a use case running with an actor. */
export const audit = (ctx: Ctx, entry: AuditEntry) => writeAuditRow(ctx.tx, auditOrigin(ctx), entry);
