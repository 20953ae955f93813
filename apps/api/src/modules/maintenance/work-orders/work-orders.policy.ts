import type { WoStatus } from '@plantops/contracts';
import type { Actor } from '../../../platform/db/unit-of-work.js';
import { forbidden, workflow } from '../../../platform/http/errors.js';
import type { Reach } from './work-orders.repo.js';
import { mayExecute, PLANNABLE, type WoState, WORKING } from './work-orders.fns.js';

/** Who may do what to a work order in which state (domain.md's maintenance table). Pure. */

const holds = (a: Actor, p: Actor['permissions'][number]) => a.permissions.includes(p);

/** How far the actor reads: the site's work, work assigned to (or reported by) them, or their own requests. */
export function reachOf(actor: Actor): Reach {
  if (holds(actor, 'workorder:read')) return { kind: 'site' };
  if (holds(actor, 'workorder:read:assigned')) return { kind: 'assigned', userId: actor.userId };
  if (holds(actor, 'workorder:read:own')) return { kind: 'own', userId: actor.userId };
  throw forbidden('You may not read work orders');
}

export function withinReach(actor: Actor, wo: WoState): boolean {
  const reach = reachOf(actor);
  if (reach.kind === 'site') return true;
  if (reach.kind === 'own') return wo.requestedBy === actor.userId;
  return wo.assignees.includes(actor.userId) || wo.requestedBy === actor.userId;
}

/** A REQUESTER files requests only: no type, assignees, due date or checklist of its choosing. */
export const requestOnly = (actor: Actor) => !holds(actor, 'workorder:create') && holds(actor, 'workorder:request');

export const mayEdit = (actor: Actor) => holds(actor, 'workorder:update');
export const mayAssign = (actor: Actor) => holds(actor, 'workorder:assign');

export function assertPlannable(status: WoStatus, what: string) {
  if (!PLANNABLE.includes(status)) throw workflow(`Gate WORK_ORDER_FINISHED: a ${status} work order's ${what} can no longer change`);
}

/** Recording work (checklist results, time, parts) is for whoever does the work, while it is being done. */
export function assertMayRecordWork(actor: Actor, wo: WoState, what: string) {
  if (!mayExecute(actor, wo)) throw forbidden(`Gate ASSIGNEE_ONLY: only an assignee (or a supervisor) records ${what}`);
  if (!WORKING.includes(wo.status)) throw workflow(`Gate WORK_NOT_STARTED: ${what} is recorded while the work order is IN_PROGRESS (it is ${wo.status})`);
}

/** Checklist items are planned by supervisors and by whoever does the work, until it is done. */
export function assertMayPlanChecklist(actor: Actor, wo: WoState) {
  if (!mayEdit(actor) && !mayExecute(actor, wo)) throw forbidden('Gate CHECKLIST_ROLE: only a supervisor or an assignee adds checklist items');
  assertPlannable(wo.status, 'checklist');
}

export function assertMayReturnParts(actor: Actor, wo: WoState) {
  if (!mayExecute(actor, wo)) throw forbidden('Gate ASSIGNEE_ONLY: only an assignee (or a supervisor) returns parts');
  if (!['IN_PROGRESS', 'ON_HOLD', 'COMPLETED'].includes(wo.status)) {
    throw workflow(`Gate PARTS_RETURN_STATE: parts are returned before the work is verified (it is ${wo.status})`);
  }
}

export function assertMayAttach(wo: WoState) {
  if (wo.status === 'CLOSED' || wo.status === 'CANCELLED') throw workflow(`Gate WORK_ORDER_FINISHED: a ${wo.status} work order takes no more files`);
}
