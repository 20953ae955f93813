import { permissionsOf, type Role } from '@plantops/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../platform/db/unit-of-work.js';
import { assertMayChange, assertMayGrant, assertNotSelfLockout, userAdminWarehouse } from './users.policy.js';

const actor = (role: Role, id = 'me'): Actor => ({
  userId: id, email: `${id}@x`, role, homeWarehouseId: 'w1', warehouseId: 'w1', allWarehouses: true, sessionId: 's', permissions: permissionsOf(role),
});

describe('users policy', () => {
  it('holds MANAGER to its warehouse but not ADMIN', () => {
    expect(userAdminWarehouse(actor('MANAGER'))).toBe('w1');
    expect(userAdminWarehouse(actor('ADMIN'))).toBeUndefined();
  });

  it('lets a role grant only roles below it; only ADMIN grants ADMIN', () => {
    expect(() => assertMayGrant(actor('MANAGER'), 'SUPERVISOR')).not.toThrow();
    expect(() => assertMayGrant(actor('MANAGER'), 'MANAGER')).toThrow();
    expect(() => assertMayGrant(actor('MANAGER'), 'ADMIN')).toThrow();
    expect(() => assertMayGrant(actor('ADMIN'), 'ADMIN')).not.toThrow();
  });

  it('refuses changing a peer, a user of another site, or oneself into lock-out', () => {
    expect(() => assertMayChange(actor('MANAGER'), { id: 'x', role: 'MANAGER', warehouse_id: 'w1' })).toThrow();
    expect(() => assertMayChange(actor('MANAGER'), { id: 'x', role: 'TECHNICIAN', warehouse_id: 'w2' })).toThrow();
    expect(() => assertMayChange(actor('MANAGER'), { id: 'x', role: 'TECHNICIAN', warehouse_id: 'w1' })).not.toThrow();
    expect(() => assertNotSelfLockout(actor('ADMIN'), 'me', { active: false })).toThrow();
    expect(() => assertNotSelfLockout(actor('ADMIN'), 'me', {})).not.toThrow();
  });
});
