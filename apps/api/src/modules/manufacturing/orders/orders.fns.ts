import { ORDER_ACTIVE_PHASES, ORDER_HOLD_ROLES, ORDER_TRANSITIONS, type Mover, type OrderStatus } from '@plantops/contracts';
import type { Actor } from '../../../platform/db/unit-of-work.js';

/** Pure rules of customer orders: numbers, the state machine by role and gate, durations, money. */

export interface OrderState {
  status: OrderStatus;
  resumeStatus: OrderStatus | null;
  assemblerId: string | null;
  qcPersonId: string | null;
}

export interface Blocker {
  gate: string;
  message: string;
}

/** What a move needs in its request besides the status. */
export type Need = 'notes' | 'carrier' | 'trackingNumber' | 'acceptBackorders' | 'adminOverride';

export interface Step {
  status: OrderStatus;
  allowed: boolean;
  gate: string;
  blockers: Blocker[];
  needs: Need[];
}

export const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** TOR-2026-0001: prefix from settings, the year, a yearly sequence (at least four digits). */
export const orderNumber = (prefix: string, year: number, seq: number) => `${prefix}-${year}-${pad(seq, 4)}`;
export const buildNumber = (year: number, seq: number) => `BN-${year}-${pad(seq, 4)}`;

const isMover = (actor: Actor, order: OrderState, who: readonly Mover[]) =>
  who.some((m) =>
    m === 'ASSIGNED_ASSEMBLER' ? actor.role === 'ASSEMBLER' && order.assemblerId === actor.userId
      : m === 'ASSIGNED_QC' ? actor.role === 'QC_PERSON' && order.qcPersonId === actor.userId
        : m === actor.role);

const moverText = (who: readonly Mover[]) =>
  who.map((m) => (m === 'ASSIGNED_ASSEMBLER' ? 'the assigned assembler' : m === 'ASSIGNED_QC' ? 'the assigned QC person' : m)).join(', ');

const key = (from: OrderStatus, to: OrderStatus) => `${from}->${to}`;
export const transitionKey = key;

/**
 * Every move the order could make from where it is, for this actor: allowed, or the role or gate
 * that refuses it. `gateBlockers` holds what the service found open per transition key (BOM not
 * approved, no assembler, a later module's gate) — the pure part decides nothing it cannot see.
 */
export function nextSteps(actor: Actor, order: OrderState, gateBlockers: ReadonlyMap<string, Blocker[]> = new Map(), opts: { partsShort?: boolean } = {}): Step[] {
  const steps: Step[] = [];
  const from = order.status;
  for (const t of ORDER_TRANSITIONS.filter((x) => x.from === from)) {
    const blockers: Blocker[] = [];
    if (!isMover(actor, order, t.who)) blockers.push({ gate: 'ROLE', message: `Only ${moverText(t.who)} moves an order from ${from} to ${t.to}` });
    blockers.push(...(gateBlockers.get(key(from, t.to)) ?? []));
    // Starting production asks to accept back-orders only when parts are short (or when nobody looked).
    const needs: Need[] = t.rework ? ['notes'] : t.to === 'SHIPPED' ? ['carrier', 'trackingNumber'] : t.to === 'IN_PRODUCTION' && opts.partsShort !== false ? ['acceptBackorders'] : [];
    steps.push({ status: t.to, allowed: blockers.length === 0, gate: t.gate, blockers, needs });
  }
  const holder = ORDER_HOLD_ROLES.includes(actor.role);
  if (ORDER_ACTIVE_PHASES.includes(from)) {
    steps.push({ status: 'ON_HOLD', allowed: holder, gate: 'a parts or production issue, with a reason', blockers: holder ? [] : [{ gate: 'ROLE', message: `Only ${ORDER_HOLD_ROLES.join(', ')} put an order on hold` }], needs: ['notes'] });
  }
  if (from === 'ON_HOLD' && order.resumeStatus) {
    steps.push({ status: order.resumeStatus, allowed: holder, gate: 'resume where it was', blockers: holder ? [] : [{ gate: 'ROLE', message: `Only ${ORDER_HOLD_ROLES.join(', ')} resume an order` }], needs: [] });
  }
  const cancel = cancelRule(actor, order.status, order.resumeStatus);
  if (cancel) steps.push({ status: 'CANCELLED', allowed: cancel.allowed, gate: cancel.gate, blockers: cancel.blockers, needs: cancel.needs });
  return steps;
}

/** DRAFT and PENDING orders (also on hold from PENDING): the coordinator cancels; later phases: ADMIN with adminOverride. */
export function cancelRule(actor: Actor, status: OrderStatus, resumeStatus: OrderStatus | null = null): Omit<Step, 'status'> | null {
  if (status === 'SHIPPED' || status === 'CANCELLED') return null;
  const phase = status === 'ON_HOLD' ? resumeStatus : status;
  const early = phase === 'DRAFT' || phase === 'PENDING';
  if (early) {
    const ok = actor.role === 'PRODUCTION_COORDINATOR' || actor.role === 'ADMIN';
    return { allowed: ok, gate: 'a reason', blockers: ok ? [] : [{ gate: 'ROLE', message: 'Only PRODUCTION_COORDINATOR or ADMIN cancels an order' }], needs: ['notes'] };
  }
  const ok = actor.role === 'ADMIN';
  return { allowed: ok, gate: 'ADMIN with adminOverride and a reason (work has started)', blockers: ok ? [] : [{ gate: 'ADMIN_OVERRIDE', message: `A ${status} order is cancelled only by an ADMIN with adminOverride` }], needs: ['notes', 'adminOverride'] };
}

export type Refusal = { ok: false; status: 403 | 409 | 422; gate: string; message: string };

/**
 * Checks one requested move: unknown from this phase (409 STATUS_FLOW), not this role (403),
 * a gate still open (409, naming it), a reason missing (422).
 */
export function checkTransition(actor: Actor, order: OrderState, to: OrderStatus, input: { notes?: string; carrier?: string; trackingNumber?: string }, gateBlockers: ReadonlyMap<string, Blocker[]>): { ok: true; step: Step } | Refusal {
  const step = nextSteps(actor, order, gateBlockers).find((s) => s.status === to);
  if (!step) {
    const open = nextSteps(actor, order, gateBlockers).map((s) => s.status);
    return { ok: false, status: 409, gate: 'STATUS_FLOW', message: `A ${order.status} order cannot move to ${to}${open.length ? ` (from here: ${open.join(', ')})` : ''}` };
  }
  const role = step.blockers.find((b) => b.gate === 'ROLE' || b.gate === 'ADMIN_OVERRIDE');
  if (role) return { ok: false, status: 403, gate: role.gate, message: role.message };
  if (step.blockers.length) return { ok: false, status: 409, gate: step.blockers[0]!.gate, message: step.blockers.map((b) => b.message).join('; ') };
  if (step.needs.includes('notes') && !input.notes?.trim()) {
    return { ok: false, status: 422, gate: 'REASON_REQUIRED', message: to === 'IN_PRODUCTION' ? 'Record what failed: notes are required to send an order back to production' : `Give a reason (notes) to move the order to ${to}` };
  }
  if (to === 'SHIPPED' && (!input.carrier?.trim() || !input.trackingNumber?.trim())) {
    return { ok: false, status: 422, gate: 'SHIPMENT_DETAILS', message: 'Record the carrier and tracking number to ship the order' };
  }
  return { ok: true, step };
}

/** The statuses the caller may move to now (the spec's nextPossibleStatuses). */
export const nextPossibleStatuses = (actor: Actor, order: OrderState, gateBlockers: ReadonlyMap<string, Blocker[]> = new Map()) =>
  nextSteps(actor, order, gateBlockers).filter((s) => s.allowed).map((s) => s.status);

/** Which fields an edit may touch in this status (spec 2.3: after PENDING only notes, dates, priority, shipping). */
export function editableFields(status: OrderStatus): ReadonlySet<string> | null {
  if (status === 'SHIPPED' || status === 'CANCELLED') return null;
  const late = ['priority', 'notes', 'estimatedDelivery', 'requestedDelivery', 'shippingAddress'];
  if (status === 'DRAFT' || status === 'PENDING') return new Set([...late, 'specialInstructions', 'customer.contactName', 'customer.email', 'customer.phone']);
  return new Set(late);
}

/** HH:MM:SS (hours may pass 24), as the spec's status history shows durations. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${pad(Math.floor(s / 3600), 2)}:${pad(Math.floor((s % 3600) / 60), 2)}:${pad(s % 60, 2)}`;
}

export const money = (n: number) => Math.round(n * 100) / 100;

export interface OrderSettings {
  numberPrefix: string;
  taxRate: number;
  shippingByPriority: Record<'STANDARD' | 'RUSH' | 'EMERGENCY', number>;
  transitDays: number;
}

export function orderTotals(subtotal: number, priority: 'STANDARD' | 'RUSH' | 'EMERGENCY', s: OrderSettings) {
  const tax = money(subtotal * s.taxRate);
  const shipping = money(s.shippingByPriority[priority]);
  return { subtotal: money(subtotal), tax, shipping, total: money(subtotal + tax + shipping) };
}

interface TreeNode {
  item: { id: string };
  quantity: number;
  subItems?: TreeNode[];
  parts?: TreeNode[];
}

/**
 * What a BOM takes from stock: its leaves (bought parts; built items are made from them), whole
 * units per item summed over every occurrence — the same parts the BOM's shortages count.
 */
export function leafDemand(nodes: readonly TreeNode[], into = new Map<string, number>()): Map<string, number> {
  for (const n of nodes) {
    const children = [...(n.subItems ?? []), ...(n.parts ?? [])];
    if (children.length) leafDemand(children, into);
    else into.set(n.item.id, (into.get(n.item.id) ?? 0) + n.quantity);
  }
  for (const [id, q] of into) into.set(id, Math.ceil(q - 1e-9));
  return into;
}

/** Reservation plan per item: what can be reserved from what is available, and the rest short. */
export function reservationPlan(demand: ReadonlyMap<string, number>, available: ReadonlyMap<string, number>) {
  return [...demand].map(([itemId, required]) => {
    const reserve = Math.max(0, Math.min(required, available.get(itemId) ?? 0));
    return { itemId, required, reserve, short: required - reserve };
  });
}
