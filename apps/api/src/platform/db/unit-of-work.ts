import type { Permission, Role } from '@plantops/contracts';
import type { Database, Queryable } from './database.js';

/** Who is acting: carried by every use case together with its RLS-scoped transaction. */
export interface Actor {
  userId: string;
  email: string;
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
  return db.transaction(async (tx) => {
    await tx.query(
      `SELECT set_config('app.current_user_id', $1, true),
              set_config('app.current_warehouse_id', $2, true),
              set_config('app.current_role', $3, true),
              set_config('app.all_warehouses', $4, true),
              set_config('role', $5, true)`,
      [actor.userId, actor.warehouseId, actor.role, actor.allWarehouses ? 'on' : 'off', APP_ROLE],
    );
    return fn({ actor, tx, meta });
  });
}
