import type { Queryable } from '../db/database.js';

export interface RealtimeEvent {
  channel: string;
  /** Subscribers see the event only if they may see this warehouse (null: not site-bound). */
  warehouseId: string | null;
  /** For per-user channels (notifications): the one user who receives it. */
  userId?: string | null;
  payload: unknown;
}

/**
 * Writes an event to the outbox in the caller's transaction. A trigger NOTIFYs every server
 * process at commit; a rolled-back transaction sends nothing.
 */
export async function publish(tx: Queryable, event: RealtimeEvent): Promise<void> {
  await tx.query(`INSERT INTO realtime_events (channel, warehouse_id, user_id, payload) VALUES ($1, $2, $3, $4)`, [
    event.channel,
    event.warehouseId,
    event.userId ?? null,
    JSON.stringify(event.payload),
  ]);
}
