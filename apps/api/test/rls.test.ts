import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissionsOf } from '@plantops/contracts';
import type { Database } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrator.js';
import { inActorScope, type Actor } from '../src/platform/db/unit-of-work.js';
import { seedDemoData } from '../src/seed/demo.js';
import { createTestDatabase } from './harness.js';

/**
 * Row-level security is the second wall: these queries deliberately "forget" the warehouse
 * filter and must still see and touch only the actor's site. Runs on PGlite, and on PostgreSQL
 * when TEST_DATABASE_URL is set (CI runs both).
 */
let db: Database;
let drop: () => Promise<void>;
let main: string;
let north: string;
let tech: Actor;

const meta = { requestId: 'rls-test', ip: '127.0.0.1' };

beforeAll(async () => {
  ({ db, drop } = await createTestDatabase());
  await migrate(db);
  await seedDemoData(db);
  const { rows } = await db.query<{ id: string; code: string }>('SELECT id, code FROM warehouses');
  main = rows.find((r) => r.code === 'MAIN')!.id;
  north = rows.find((r) => r.code === 'NORTH')!.id;
  const t = (await db.query<{ id: string }>(`SELECT id FROM profiles WHERE email = 'technician@plantops.local'`)).rows[0]!;
  tech = { userId: t.id, email: 'technician@plantops.local', role: 'TECHNICIAN', homeWarehouseId: main, warehouseId: main, allWarehouses: false, sessionId: 's', permissions: permissionsOf('TECHNICIAN') };
});
afterAll(async () => drop?.());

describe(`row-level security (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('runs scoped transactions as a role that is not a superuser', async () => {
    const who = await inActorScope(db, tech, meta, async (ctx) => (await ctx.tx.query<{ u: string; s: boolean }>(`SELECT current_user AS u, rolsuper AS s FROM pg_roles WHERE rolname = current_user`)).rows[0]);
    expect(who).toEqual({ u: 'plantops_app', s: false });
  });

  it('an unfiltered read returns only the actor warehouse rows', async () => {
    const rows = await inActorScope(db, tech, meta, async (ctx) => (await ctx.tx.query<{ warehouse_id: string }>('SELECT warehouse_id FROM profiles')).rows);
    expect(rows.length).toBe(12);
    expect(new Set(rows.map((r) => r.warehouse_id))).toEqual(new Set([main]));
    const whs = await inActorScope(db, tech, meta, async (ctx) => (await ctx.tx.query<{ id: string }>('SELECT id FROM warehouses')).rows);
    expect(whs.map((w) => w.id)).toEqual([main]);
  });

  it('an unfiltered update cannot touch another warehouse', async () => {
    const changed = await inActorScope(db, tech, meta, async (ctx) => (await ctx.tx.query(`UPDATE profiles SET phone = '555' WHERE warehouse_id = $1`, [north])).rowCount);
    expect(changed).toBe(0);
    const { rows } = await db.query<{ phone: string | null }>(`SELECT phone FROM profiles WHERE email = 'technician-north@plantops.local'`);
    expect(rows[0]!.phone).toBeNull();
  });

  it('an insert into another warehouse is refused', async () => {
    await expect(
      inActorScope(db, tech, meta, (ctx) =>
        ctx.tx.query(`INSERT INTO system_logs (action, table_name, warehouse_id) VALUES ('X', 'test', $1)`, [north]),
      ),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(
      inActorScope(db, tech, meta, (ctx) =>
        ctx.tx.query(`INSERT INTO profiles (email, first_name, last_name, role, warehouse_id) VALUES ('x@y.z', 'X', 'Y', 'ADMIN', $1)`, [north]),
      ),
    ).rejects.toMatchObject({ code: '42501' });
  });

  it('security tables are not readable from a scoped transaction at all', async () => {
    await expect(inActorScope(db, tech, meta, (ctx) => ctx.tx.query('SELECT password_hash FROM user_credentials'))).rejects.toMatchObject({ code: '42501' });
    await expect(inActorScope(db, tech, meta, (ctx) => ctx.tx.query('SELECT token_hash FROM refresh_tokens'))).rejects.toMatchObject({ code: '42501' });
  });

  it('ADMIN across all sites sees both; with a picked warehouse only that one', async () => {
    const admin: Actor = { ...tech, role: 'ADMIN', allWarehouses: true };
    const all = await inActorScope(db, admin, meta, async (ctx) => (await ctx.tx.query('SELECT id FROM warehouses')).rows.length);
    expect(all).toBe(2);
    const picked = await inActorScope(db, { ...admin, allWarehouses: false, warehouseId: north }, meta, async (ctx) => (await ctx.tx.query('SELECT id FROM warehouses')).rows.length);
    expect(picked).toBe(1);
    // The all-sites flag means nothing for a role that may not cross sites.
    const sneaky = await inActorScope(db, { ...tech, allWarehouses: true }, meta, async (ctx) => (await ctx.tx.query('SELECT id FROM warehouses')).rows.length);
    expect(sneaky).toBe(1);
  });

  it('settings leave the transaction with it', async () => {
    await inActorScope(db, tech, meta, async () => undefined);
    const { rows } = await db.query<{ w: string | null; u: string }>(`SELECT current_setting('app.current_warehouse_id', true) AS w, current_user AS u`);
    expect(rows[0]!.w ?? '').toBe('');
    expect(rows[0]!.u).not.toBe('plantops_app');
  });
});
