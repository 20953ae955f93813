import type { EquipmentStatus } from '@plantops/contracts';
import type { Actor } from '../../../platform/db/unit-of-work.js';
import { forbidden } from '../../../platform/http/errors.js';
import { OPERATIONAL_STATUSES } from './equipment.fns.js';

/** Who may do what to equipment (domain.md's maintenance table). Pure. */

export const mayManage = (actor: Actor) => actor.permissions.includes('equipment:manage');

/** Contractors read only machines their assigned work orders name; everybody else the site's. */
export const readsAssignedOnly = (actor: Actor) =>
  !actor.permissions.includes('equipment:read') && actor.permissions.includes('equipment:read:assigned');

export const mayRead = (actor: Actor) =>
  actor.permissions.includes('equipment:read') || actor.permissions.includes('equipment:read:assigned');

/** Technicians (equipment:status) switch a machine between the working statuses; retiring needs manage. */
export function assertMaySetStatus(actor: Actor, to: EquipmentStatus) {
  if (mayManage(actor)) return;
  if (actor.permissions.includes('equipment:status') && OPERATIONAL_STATUSES.includes(to)) return;
  throw forbidden(`Gate EQUIPMENT_STATUS_ROLE: only a supervisor or manager may set ${to}`);
}
