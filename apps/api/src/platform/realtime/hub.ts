import type { Database } from '../db/database.js';
import { shouldDeliver, type StoredEvent, type Subscriber } from './channels.js';

export const EVENTS_CHANNEL = 'plantops_events';
/** How far back a reconnecting client may resume. */
const REPLAY_LIMIT = 500;
const REPLAY_WINDOW = '1 day';
/** How many pushed event ids are remembered to avoid pushing one twice. */
const PUSHED_MEMORY = 2_000;

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
  /** The newest event id this process has heard of: where a catch-up after a dropped LISTEN starts. */
  private lastSeenId = 0;
  /** Recently pushed ids, so that an event both caught up and then announced goes out once. */
  private readonly pushed = new Set<number>();

  constructor(private readonly db: Database, private readonly onError: (err: unknown) => void = () => undefined) {}

  async start() {
    const { rows } = await this.db.query<{ id: number | null }>(`SELECT max(id)::bigint AS id FROM realtime_events`);
    this.lastSeenId = Number(rows[0]?.id ?? 0);
    this.unlisten = await this.db.listen(
      EVENTS_CHANNEL,
      (payload) => {
        const id = Number(payload);
        if (!Number.isSafeInteger(id)) return;
        this.lastSeenId = Math.max(this.lastSeenId, id);
        this.dispatch(id).catch(this.onError);
      },
      {
        lost: this.onError,
        // Events committed while the connection was down were never announced: push them now.
        restored: () => void this.catchUp().catch(this.onError),
      },
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
    if (this.connections.size === 0 || this.pushed.has(id)) return;
    const { rows } = await this.db.query<StoredEvent>(`SELECT * FROM realtime_events WHERE id = $1`, [id]);
    if (rows[0]) this.push(rows[0]);
  }

  /** After a dropped LISTEN: the events this process has not heard of yet (bounded). */
  private async catchUp() {
    const { rows } = await this.db.query<StoredEvent>(`SELECT * FROM realtime_events WHERE id > $1 ORDER BY id LIMIT ${REPLAY_LIMIT}`, [this.lastSeenId]);
    for (const event of rows) {
      this.lastSeenId = Math.max(this.lastSeenId, Number(event.id));
      if (this.connections.size > 0) this.push(event);
    }
  }

  private push(event: StoredEvent) {
    const id = Number(event.id);
    if (this.pushed.has(id)) return;
    this.pushed.add(id);
    // Sets iterate in insertion order: drop the oldest once there are enough to cover any overlap.
    if (this.pushed.size > PUSHED_MEMORY) this.pushed.delete(this.pushed.values().next().value!);
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
