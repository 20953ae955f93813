import { ROLES, canGrantRole, type Role } from '@plantops/contracts';

/** Roles the current user may hand out, highest first. */
export function grantableRoles(me: Role): Role[] {
  return ROLES.filter((r) => canGrantRole(me, r));
}
