import { canGrantRole, ROLE_RANK, type Role } from '@plantops/contracts';
import type { Actor } from '../../../platform/db/unit-of-work.js';
import { forbidden } from '../../../platform/http/errors.js';

/** User administration rules: who may see, create and change which users. Pure, unit-tested. */

export const managesAllWarehouses = (actor: Actor) => actor.permissions.includes('user:manage');

/** The warehouse a manager is held to; undefined for ADMIN (any). */
export const userAdminWarehouse = (actor: Actor): string | undefined =>
  managesAllWarehouses(actor) ? undefined : actor.homeWarehouseId;

export function assertMayGrant(actor: Actor, role: Role) {
  if (!canGrantRole(actor.role, role)) throw forbidden(`You may not grant the role ${role}`);
}

/** Managers may only change users ranked below them; ADMIN may change anyone but themselves' role. */
export function assertMayChange(actor: Actor, target: { id: string; role: Role; warehouse_id: string }) {
  const adminWarehouse = userAdminWarehouse(actor);
  if (adminWarehouse && target.warehouse_id !== adminWarehouse) throw forbidden('You may only manage users of your warehouse');
  if (actor.role !== 'ADMIN' && ROLE_RANK[target.role] >= ROLE_RANK[actor.role]) {
    throw forbidden('You may only manage users whose role is below your own');
  }
}

export function assertNotSelfLockout(actor: Actor, targetId: string, changes: { role?: Role; active?: boolean }) {
  if (actor.userId !== targetId) return;
  if (changes.role !== undefined || changes.active === false) throw forbidden('You may not change your own role or deactivate yourself');
}
