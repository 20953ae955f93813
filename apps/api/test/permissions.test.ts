import { groupPermissions, hasPermission, ROLE_PERMISSIONS, ROLES, type Role } from '@plantops/contracts';
import { describe, expect, it } from 'vitest';

/** Manufacturing spec 12.2 is binding for its six roles: spot-check each row against the table. */
const matrix: [string, Role[]][] = [
  ['order:create', ['ADMIN', 'PRODUCTION_COORDINATOR']],
  ['order:delete', ['ADMIN', 'PRODUCTION_COORDINATOR']],
  ['bom:generate', ['ADMIN', 'PRODUCTION_COORDINATOR']],
  ['bom:approve', ['ADMIN', 'PRODUCTION_COORDINATOR']],
  // Spec 4.1: configurations are PRODUCTION_COORDINATOR and ADMIN.
  ['configuration:read', ['ADMIN', 'PRODUCTION_COORDINATOR']],
  ['configuration:validate', ['ADMIN', 'PRODUCTION_COORDINATOR']],
  ['quality:inspect', ['ADMIN', 'PRODUCTION_COORDINATOR', 'QC_PERSON']],
  ['inventory:read', ['ADMIN', 'PRODUCTION_COORDINATOR', 'ASSEMBLER', 'QC_PERSON', 'PROCUREMENT', 'SERVICE_TECH']],
  ['inventory:update', ['ADMIN', 'PRODUCTION_COORDINATOR', 'PROCUREMENT']],
  ['service:cart:update', ['ADMIN', 'PRODUCTION_COORDINATOR', 'SERVICE_TECH']],
  ['reports:financial', ['ADMIN']],
  ['reports:production', ['ADMIN', 'PRODUCTION_COORDINATOR']],
  ['user:manage', ['ADMIN']],
];
const manufacturingRoles: Role[] = ['ADMIN', 'PRODUCTION_COORDINATOR', 'ASSEMBLER', 'QC_PERSON', 'PROCUREMENT', 'SERVICE_TECH'];

describe('permission table', () => {
  it.each(matrix)('%s is held by exactly the spec roles', (permission, holders) => {
    const actual = manufacturingRoles.filter((r) => hasPermission(r, permission));
    expect(actual.sort()).toEqual([...holders].sort());
  });

  it('gives every role a non-empty permission list without duplicates', () => {
    for (const role of ROLES) {
      const perms = ROLE_PERMISSIONS[role];
      expect(perms.length).toBeGreaterThan(0);
      expect(new Set(perms).size).toBe(perms.length);
    }
  });

  it('keeps maintenance roles to domain.md: only MANAGER closes work orders, REQUESTER only requests', () => {
    expect(ROLES.filter((r) => hasPermission(r, 'workorder:close')).sort()).toEqual(['ADMIN', 'MANAGER']);
    expect(hasPermission('REQUESTER', 'workorder:create')).toBe(false);
    expect(hasPermission('REQUESTER', 'workorder:request')).toBe(true);
    expect(hasPermission('INVENTORY_CLERK', 'parts:adjust')).toBe(true);
  });

  it('groups permissions by resource', () => {
    expect(groupPermissions(['order:create', 'order:update:pending', 'bom:read'])).toEqual([
      { resource: 'order', actions: ['create', 'update:pending'] },
      { resource: 'bom', actions: ['read'] },
    ]);
  });
});
