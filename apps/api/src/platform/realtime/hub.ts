import type { Database } from '../db/database.js';
import { shouldDeliver, type StoredEvent, type Subscriber } from './channels.js';

export const EVENTS_CHANNEL = 'plantops_events';
/** How far back a reconnecting client may resume. */
const REPLAY_LIMIT = 500;
const REPLAY_WINDOW = '1 day';

export interface Connection {
  subscriber: Subscriber;
  channels: Set<string>;
  send(message: object): void;
}

export const toWire = (e: StoredEvent) => ({
  type: 'event' as const,
  id: Number(e.id),
  channel: e.channel,
  payload: e.payload,
  createdAt: new Date(e.created_at).toISOString(),
});

/**
 * This process's WebSocket subscribers. Every process LISTENs for committed events, loads each
 * once and pushes it to the local subscribers the channel rules allow.
 */
export class RealtimeHub {
  private readonly connections = new Set<Connection>();
  private unlisten: (() => Promise<void>) | undefined;

  constructor(private readonly db: Database, private readonly onError: (err: unknown) => void = () => undefined) {}

  async start() {
    this.unlisten = await this.db.listen(
      EVENTS_CHANNEL,
      (payload) => {
        this.dispatch(Number(payload)).catch(this.onError);
      },
      // Events committed while the connection is down reach clients only when they resume from lastEventId.
      { lost: this.onError },
    );
  }

  async stop() {
    await this.unlisten?.();
    this.connections.clear();
  }

  add(c: Connection) {
    this.connections.add(c);
  }

  remove(c: Connection) {
    this.connections.delete(c);
  }

  get size() {
    return this.connections.size;
  }

  private async dispatch(id: number) {
    if (!Number.isSafeInteger(id) || this.connections.size === 0) return;
    const { rows } = await this.db.query<StoredEvent>(`SELECT * FROM realtime_events WHERE id = $1`, [id]);
    const event = rows[0];
    if (!event) return;
    for (const c of this.connections) {
      if (c.channels.has(event.channel) && shouldDeliver(c.subscriber, event)) c.send(toWire(event));
    }
  }

  /** Sends a reconnecting client what it missed on its channels since lastEventId (bounded). */
  async replay(c: Connection, lastEventId: number, channels: string[]) {
    const { rows } = await this.db.query<StoredEvent>(
      `SELECT * FROM realtime_events WHERE id > $1 AND channel = ANY($2::text[])
          AND created_at > now() - interval '${REPLAY_WINDOW}'
        ORDER BY id LIMIT ${REPLAY_LIMIT}`,
      [lastEventId, channels],
    );
    for (const e of rows) if (shouldDeliver(c.subscriber, e)) c.send(toWire(e));
  }
}
