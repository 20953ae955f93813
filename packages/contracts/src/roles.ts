import { z } from 'zod';

/** The one role set of the platform, highest first (see shared/design/domain.md, Roles). */
export const ROLES = [
  'ADMIN',
  'MANAGER',
  'PRODUCTION_COORDINATOR',
  'SUPERVISOR',
  'QC_PERSON',
  'PROCUREMENT',
  'INVENTORY_CLERK',
  'ASSEMBLER',
  'SERVICE_TECH',
  'TECHNICIAN',
  'CONTRACTOR',
  'REQUESTER',
] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/**
 * Rank decides who may grant what: a user may only grant roles ranked strictly below their own.
 * ADMIN > MANAGER > the coordinating roles > specialists > floor roles > external/limited roles.
 */
export const ROLE_RANK: Record<Role, number> = {
  ADMIN: 100,
  MANAGER: 80,
  PRODUCTION_COORDINATOR: 60,
  SUPERVISOR: 60,
  QC_PERSON: 40,
  PROCUREMENT: 40,
  INVENTORY_CLERK: 40,
  ASSEMBLER: 30,
  SERVICE_TECH: 30,
  TECHNICIAN: 30,
  CONTRACTOR: 10,
  REQUESTER: 10,
};

/** Roles that may work across warehouses; everybody else is held to their home warehouse. */
export const CROSS_WAREHOUSE_ROLES: readonly Role[] = ['ADMIN', 'MANAGER'];

export function canGrantRole(granter: Role, target: Role): boolean {
  if (target === 'ADMIN') return granter === 'ADMIN';
  return ROLE_RANK[target] < ROLE_RANK[granter];
}

/** Demo e-mail local part for a role: lower case, underscores to dashes. */
export function roleEmailLocalPart(role: Role): string {
  return role.toLowerCase().replace(/_/g, '-');
}
