import type { Role, UserSummary } from '@plantops/contracts';
import { v7 as uuidv7 } from 'uuid';
import { hashPassword } from '../../../platform/crypto/passwords.js';
import type { Ctx } from '../../../platform/db/unit-of-work.js';
import { conflict, forbidden, notFound, validation } from '../../../platform/http/errors.js';
import { warehouseExists } from '../warehouses/warehouses.service.js';
import { audit } from '../audit/audit.writer.js';
import * as policy from './users.policy.js';
import * as repo from './users.repo.js';

export async function listUsers(ctx: Ctx, filter: repo.UserFilter) {
  const held = policy.userAdminWarehouse(ctx.actor);
  if (held && filter.warehouseId && filter.warehouseId !== held) throw forbidden('You may only list users of your warehouse');
  const { rows, total } = await repo.listUsers(ctx.tx, { ...filter, warehouseId: held ?? filter.warehouseId });
  return { users: rows.map((r) => repo.toUserSummary(r)), total };
}

async function loadVisible(ctx: Ctx, id: string, forUpdate = false) {
  const row = await repo.findUser(ctx.tx, id, forUpdate);
  const held = policy.userAdminWarehouse(ctx.actor);
  if (!row || (held && row.warehouse_id !== held)) throw notFound('User');
  return row;
}

export async function getUser(ctx: Ctx, id: string): Promise<UserSummary> {
  return repo.toUserSummary(await loadVisible(ctx, id));
}

export interface CreateUserInput {
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  warehouseId?: string;
  phone?: string | null;
  password: string;
}

async function assertWarehouse(ctx: Ctx, warehouseId: string) {
  const held = policy.userAdminWarehouse(ctx.actor);
  if (held && warehouseId !== held) throw forbidden('You may only place users in your warehouse');
  if (!(await warehouseExists(ctx.tx, warehouseId, { activeOnly: true }))) {
    throw validation('Unknown warehouse', [{ field: 'warehouseId', message: 'Warehouse not found or inactive', code: 'INVALID_REFERENCE' }]);
  }
}

/** Creates a user with a temporary password that must be changed at first sign-in. */
export async function createUser(ctx: Ctx, input: CreateUserInput): Promise<UserSummary> {
  policy.assertMayGrant(ctx.actor, input.role);
  const warehouseId = input.warehouseId ?? ctx.actor.homeWarehouseId;
  await assertWarehouse(ctx, warehouseId);
  const existing = await ctx.tx.query(`SELECT 1 FROM profiles WHERE lower(email) = lower($1)`, [input.email]);
  if (existing.rows.length) {
    throw conflict('A user with this e-mail already exists', [{ field: 'email', message: 'Already in use', code: 'DUPLICATE' }]);
  }
  const row = await repo.insertUser(ctx.tx, {
    id: uuidv7(),
    email: input.email.toLowerCase(),
    firstName: input.firstName,
    lastName: input.lastName,
    role: input.role,
    warehouseId,
    phone: input.phone ?? null,
    passwordHash: await hashPassword(input.password),
  });
  const user = repo.toUserSummary(row);
  await audit(ctx, { action: 'CREATE', tableName: 'profiles', recordId: row.id, warehouseId, after: user });
  return user;
}

export async function updateUser(ctx: Ctx, id: string, changes: repo.UserChanges): Promise<UserSummary> {
  const before = await loadVisible(ctx, id, true);
  policy.assertMayChange(ctx.actor, before);
  policy.assertNotSelfLockout(ctx.actor, id, changes);
  if (changes.role && changes.role !== before.role) policy.assertMayGrant(ctx.actor, changes.role);
  if (changes.warehouseId && changes.warehouseId !== before.warehouse_id) await assertWarehouse(ctx, changes.warehouseId);
  const after = await repo.updateUser(ctx.tx, id, changes);
  // A role, site or activation change takes effect at once: the user signs in again.
  const securityChange = after.role !== before.role || after.warehouse_id !== before.warehouse_id || !after.active;
  if (securityChange) await repo.endUserSessions(ctx.tx, id, after.active ? 'ACCESS_CHANGED' : 'DEACTIVATED');
  await audit(ctx, {
    action: 'UPDATE',
    tableName: 'profiles',
    recordId: id,
    warehouseId: after.warehouse_id,
    before: repo.toUserSummary(before),
    after: repo.toUserSummary(after),
  });
  return repo.toUserSummary(after);
}

/** Users are never deleted (their audit trail refers to them): delete deactivates. */
export const deactivateUser = (ctx: Ctx, id: string) => updateUser(ctx, id, { active: false });
