import type { Permission, Role } from '@plantops/contracts';
import type { Database, PreparedSql, Queryable } from './database.js';

/** Who is acting: carried by every use case together with its RLS-scoped transaction. */
export interface Actor {
  userId: string;
  email: string;
  /** First and last name when the request's session says (background jobs act without one). */
  name?: string;
  role: Role;
  /** Home warehouse. */
  homeWarehouseId: string;
  /** The warehouse this request acts in (home, or one an ADMIN/MANAGER picked). */
  warehouseId: string;
  /** True when an ADMIN/MANAGER works across every site (no warehouse picked). */
  allWarehouses: boolean;
  sessionId: string;
  permissions: readonly Permission[];
}

export interface RequestMeta {
  requestId: string;
  ip: string;
}

export interface Ctx {
  actor: Actor;
  tx: Queryable;
  meta: RequestMeta;
}

const APP_ROLE = 'plantops_app';

/**
 * Runs fn in one transaction as the non-superuser application role with the actor's RLS settings
 * applied transaction-locally, so that a query that forgets its warehouse filter still sees only
 * what the actor may see.
 */
export function inActorScope<T>(
  db: Database,
  actor: Actor,
  meta: RequestMeta,
  fn: (ctx: Ctx) => Promise<T>,
): Promise<T> {
  return db.transaction((tx) => fn({ actor, tx, meta }), scopePrelude(actor));
}

/**
 * inActorScope whose BEGIN waits for the use case's first statement: a read answered wholly from
 * read caches (the configurator's catalog, decision 0019) makes no round trip at all. Once opened,
 * the transaction is the same one inActorScope opens: RLS settings with BEGIN, commit after fn,
 * rollback when fn throws.
 */
export async function inLazyActorScope<T>(db: Database, actor: Actor, meta: RequestMeta, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  let settle!: (failure: { error: unknown } | null) => void;
  const finished = new Promise<{ error: unknown } | null>((resolve) => (settle = resolve));
  let committed: Promise<void> | undefined;
  let opened: Promise<Queryable> | undefined;
  const open = () =>
    (opened ??= new Promise<Queryable>((resolve, reject) => {
      committed = db.transaction(async (tx) => {
        resolve(tx);
        const failure = await finished;
        if (failure) throw failure.error;
      }, scopePrelude(actor));
      committed.catch(reject); // BEGIN itself failed: the statement that asked for it fails
    }));
  const tx: Queryable = {
    query: async <R>(sql: string | PreparedSql, params?: unknown[]) => (await open()).query<R>(sql, params),
    exec: async (sql: string) => (await open()).exec(sql),
  };
  try {
    const result = await fn({ actor, tx, meta });
    settle(null);
    await committed;
    return result;
  } catch (error) {
    settle({ error });
    await committed?.catch(() => undefined);
    throw error;
  }
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ROLE_RE = /^[A-Z_]+$/;

/**
 * The transaction-local settings as literal SQL, so that they travel with BEGIN in one round trip.
 * Every value is checked against its exact shape first (ids are UUIDs, roles upper-case words),
 * so nothing a client sent can break out of the literals.
 */
export function scopePrelude(actor: Actor): string {
  if (!UUID_RE.test(actor.userId) || !UUID_RE.test(actor.warehouseId) || !ROLE_RE.test(actor.role)) {
    throw new Error('Refusing to scope a transaction with a malformed actor');
  }
  return `SELECT set_config('app.current_user_id', '${actor.userId}', true),
                 set_config('app.current_warehouse_id', '${actor.warehouseId}', true),
                 set_config('app.current_role', '${actor.role}', true),
                 set_config('app.all_warehouses', '${actor.allWarehouses ? 'on' : 'off'}', true),
                 set_config('role', '${APP_ROLE}', true);`;
}
