import { permissionsOf } from '@plantops/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/platform/db/database.js';
import type { ListenHooks } from '../src/platform/db/pg-listener.js';
import { migrate } from '../src/platform/db/migrator.js';
import { RealtimeHub, type Connection } from '../src/platform/realtime/hub.js';
import { publish } from '../src/platform/realtime/publish.js';
import { createTestDatabase } from './harness.js';

/**
 * When the LISTEN connection drops, events committed meanwhile are never announced. The hub
 * pushes them once the connection is back, and an event both caught up and announced goes once.
 * The database is real; only the announcements are held back, as a dropped connection would.
 */
let db: Database;
let drop: () => Promise<void>;
let hooks: ListenHooks;
let down = false;
let announce: (payload: string) => void;

beforeAll(async () => {
  ({ db, drop } = await createTestDatabase());
  await migrate(db);
  const listening: Database = {
    ...db,
    listen: (channel, onPayload, h) => {
      hooks = h ?? {};
      announce = onPayload;
      return db.listen(channel, (payload) => (down ? undefined : onPayload(payload)));
    },
  };
  hub = new RealtimeHub(listening);
  await hub.start();
});
afterAll(async () => {
  await hub?.stop();
  await drop?.();
});

let hub: RealtimeHub;
const event = (n: number) => db.transaction((tx) => publish(tx, { channel: 'part_transactions', warehouseId: null, payload: { n } }));

describe('realtime hub after a dropped LISTEN connection', () => {
  it('pushes the events committed while it was down, once each', async () => {
    const received: { id: number; payload: { n: number } }[] = [];
    const connection: Connection = {
      subscriber: { userId: '01900000-0000-7000-8000-000000000001', role: 'INVENTORY_CLERK', warehouseId: '01900000-0000-7000-8000-000000000002', permissions: permissionsOf('INVENTORY_CLERK') },
      channels: new Set(['part_transactions']),
      send: (m) => received.push(m as (typeof received)[number]),
    };
    hub.add(connection);

    await event(1);
    await expect.poll(() => received.map((m) => m.payload.n)).toEqual([1]);

    down = true;
    hooks.lost?.(new Error('connection ended'));
    await event(2);
    await event(3);
    await new Promise((r) => setTimeout(r, 100));
    expect(received.map((m) => m.payload.n)).toEqual([1]);

    down = false;
    hooks.restored?.();
    await expect.poll(() => received.map((m) => m.payload.n)).toEqual([1, 2, 3]);
    // The late announcement of an event already caught up changes nothing.
    announce(String(received[2]!.id));
    await new Promise((r) => setTimeout(r, 100));
    expect(received.map((m) => m.payload.n)).toEqual([1, 2, 3]);
  });
});
