import type { Queryable } from '../db/database.js';
import { insertRow, runWrites, type SqlWrite } from '../db/write-batch.js';

export interface RealtimeEvent {
  channel: string;
  /** Subscribers see the event only if they may see this warehouse (null: not site-bound). */
  warehouseId: string | null;
  /** For per-user channels (notifications): the one user who receives it. */
  userId?: string | null;
  payload: unknown;
}

/** The outbox row of an event, to run with other writes in one statement (runWrites). */
export const eventWrite = (event: RealtimeEvent): SqlWrite =>
  insertRow('realtime_events', { channel: event.channel, warehouse_id: event.warehouseId, user_id: event.userId ?? null, payload: JSON.stringify(event.payload) });

/**
 * Writes an event to the outbox in the caller's transaction. A trigger NOTIFYs every server
 * process at commit; a rolled-back transaction sends nothing.
 */
export async function publish(tx: Queryable, event: RealtimeEvent): Promise<void> {
  await runWrites(tx, [eventWrite(event)]);
}
