import { CROSS_WAREHOUSE_ROLES, type Permission, type Role } from '@plantops/contracts';

export interface Subscriber {
  userId: string;
  role: Role;
  warehouseId: string;
  permissions: readonly Permission[];
}

export interface StoredEvent {
  id: number;
  channel: string;
  warehouse_id: string | null;
  user_id: string | null;
  payload: unknown;
  created_at: Date;
}

interface ChannelRule {
  /** May this subscriber join the channel at all? */
  mayJoin(s: Subscriber): boolean;
  /** Is this event for this subscriber? (Warehouse scope is checked for every channel.) */
  forSubscriber?(s: Subscriber, e: StoredEvent): boolean;
}

const holdsAny = (...perms: Permission[]) => (s: Subscriber) => perms.some((p) => s.permissions.includes(p));

/**
 * Work-order events carry their assignees and requester: technicians and contractors get those
 * assigned to (or reported by) them, requesters their own requests, everyone else the site's.
 */
function workOrderForSubscriber(s: Subscriber, e: StoredEvent): boolean {
  if (s.permissions.includes('workorder:read')) return true;
  const p = (e.payload ?? {}) as { assignees?: unknown; requestedBy?: unknown };
  const mine = p.requestedBy === s.userId;
  if (s.permissions.includes('workorder:read:assigned')) return mine || (Array.isArray(p.assignees) && p.assignees.includes(s.userId));
  return s.permissions.includes('workorder:read:own') && mine;
}

/** Order events carry the assembler and QC person: those who read only assigned orders get theirs. */
function orderForSubscriber(s: Subscriber, e: StoredEvent): boolean {
  if (s.permissions.includes('order:read')) return true;
  const p = (e.payload ?? {}) as { assemblerId?: unknown; qcPersonId?: unknown };
  return s.permissions.includes('order:read:assigned') && (p.assemblerId === s.userId || p.qcPersonId === s.userId);
}

/** The channels and who may see what on them. Domain issues add work_orders, orders, production... */
export const CHANNELS: Record<string, ChannelRule> = {
  notifications: { mayJoin: () => true, forSubscriber: (s, e) => e.user_id === s.userId },
  system_logs: { mayJoin: (s) => s.role === 'ADMIN' },
  work_orders: { mayJoin: holdsAny('workorder:read', 'workorder:read:assigned', 'workorder:read:own'), forSubscriber: workOrderForSubscriber },
  part_transactions: { mayJoin: holdsAny('parts:read', 'inventory:read') },
  orders: { mayJoin: holdsAny('order:read', 'order:read:assigned'), forSubscriber: orderForSubscriber },
  production: { mayJoin: holdsAny('production:task:manage', 'production:task:assigned') },
  quality: { mayJoin: holdsAny('quality:inspect', 'quality:reports') },
};

export function mayJoin(s: Subscriber, channel: string): boolean {
  // Own keys only: "constructor" or "__proto__" must not find Object's built-ins.
  return Object.hasOwn(CHANNELS, channel) ? CHANNELS[channel]!.mayJoin(s) : false;
}

/** The server-side filter applied to every event before it is pushed to a subscriber. */
export function shouldDeliver(s: Subscriber, e: StoredEvent): boolean {
  const rule = Object.hasOwn(CHANNELS, e.channel) ? CHANNELS[e.channel] : undefined;
  if (!rule || !rule.mayJoin(s)) return false;
  const siteOk = e.warehouse_id === null || e.warehouse_id === s.warehouseId || CROSS_WAREHOUSE_ROLES.includes(s.role);
  if (!siteOk) return false;
  if (e.user_id !== null && e.user_id !== s.userId) return false;
  return rule.forSubscriber ? rule.forSubscriber(s, e) : true;
}
