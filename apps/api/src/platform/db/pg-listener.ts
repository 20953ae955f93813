import pg from 'pg';

/** What a listener's owner hears about its connection. */
export interface ListenHooks {
  /** The connection dropped: notifications may be missed until `restored`. */
  lost?: (err: unknown) => void;
  /** LISTENing again on a new connection (after `lost`). */
  restored?: () => void;
}

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 30_000;

/**
 * LISTENs on its own connection and keeps doing so: when the connection drops (a database restart,
 * a failover, a terminated backend) it reports `lost`, reconnects with exponential back-off and
 * reports `restored`. TCP keepalive makes a silently dropped connection count as dropped.
 * The first connection must succeed; its error is thrown to the caller.
 */
export async function listenWithReconnect(
  connectionString: string,
  channel: string,
  onPayload: (payload: string) => void,
  hooks: ListenHooks = {},
): Promise<() => Promise<void>> {
  let current: pg.Client | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let attempt = 0;

  const connect = async () => {
    const client = new pg.Client({ connectionString, keepAlive: true, keepAliveInitialDelayMillis: 10_000 });
    let dropped = false;
    const drop = (err: unknown) => {
      if (dropped || stopped) return;
      dropped = true;
      if (current === client) current = undefined;
      hooks.lost?.(err);
      reconnectLater();
    };
    client.on('notification', (msg) => {
      if (msg.channel === channel) onPayload(msg.payload ?? '');
    });
    // Never let a dropped connection crash the process: it is reported and replaced.
    client.on('error', drop);
    client.on('end', () => drop(new Error(`LISTEN ${channel}: connection ended`)));
    try {
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (err) {
      dropped = true;
      await client.end().catch(() => undefined);
      throw err;
    }
    current = client;
  };

  const reconnectLater = () => {
    const delay = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** attempt);
    attempt += 1;
    timer = setTimeout(() => {
      connect().then(
        () => {
          attempt = 0;
          if (stopped) void current?.end().catch(() => undefined);
          else hooks.restored?.();
        },
        () => {
          if (!stopped) reconnectLater();
        },
      );
    }, delay);
    timer.unref();
  };

  await connect();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await current?.end().catch(() => undefined);
  };
}
