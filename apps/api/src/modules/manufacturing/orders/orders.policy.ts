import type { Actor } from '../../../platform/db/unit-of-work.js';
import { forbidden, workflow } from '../../../platform/http/errors.js';
import type { Reach } from './orders-list.repo.js';
import type { OrderRow } from './orders.repo.js';

/** Who reads and changes which orders (spec 12.2). Pure. */

const holds = (a: Actor, p: Actor['permissions'][number]) => a.permissions.includes(p);

/** Coordinators and ADMIN read the site's orders; an assembler or QC person those assigned to them. */
export function reachOf(actor: Actor): Reach {
  if (holds(actor, 'order:read')) return { kind: 'site' };
  if (holds(actor, 'order:read:assigned')) return { kind: 'assigned', userId: actor.userId, as: actor.role === 'QC_PERSON' ? 'qc' : 'assembler' };
  throw forbidden('Gate ORDER_READ: your role does not read customer orders (spec 12.2: coordinators and ADMIN read all, assemblers and QC people their assigned orders)');
}

export function withinReach(actor: Actor, o: Pick<OrderRow, 'assembler_id' | 'qc_person_id'>): boolean {
  const reach = reachOf(actor);
  if (reach.kind === 'site') return true;
  return (reach.as === 'qc' ? o.qc_person_id : o.assembler_id) === actor.userId;
}

/** Those who read every order of the site see its prices; assigned readers (assemblers, QC) do not. */
export const seesPrices = (actor: Actor) => holds(actor, 'order:read');

export const mayEdit = (actor: Actor) => holds(actor, 'order:update');
export const mayCreate = (actor: Actor) => holds(actor, 'order:create');

/** The wizard's steps work on a DRAFT only: a submitted order's configuration is fixed. */
export function assertDraft(o: Pick<OrderRow, 'status' | 'order_number'>, what: string) {
  if (o.status !== 'DRAFT') throw workflow(`Gate ORDER_SUBMITTED: ${o.order_number} is ${o.status}; its ${what} can no longer change (only a DRAFT order's can)`);
}
