import type { OrderStatus } from '@plantops/contracts';
import type { Ctx } from '../../../platform/db/unit-of-work.js';
import type { Blocker } from './orders.fns.js';

/**
 * The gates of domain.md's table that belong to later modules (production tasks created and
 * completed, inspections passed). Those modules register a check here; the orders module asks
 * every registered check before a move and shows what they report as the reasons a move waits.
 * Until a module registers, its gate has nothing to say — the parts that exist (BOM approved,
 * assembler assigned, parts reserved) are checked by the orders module itself.
 */
export interface OrderGateCheck {
  /** A short name for the gate ("PRODUCTION_TASKS_COMPLETE"). */
  gate: string;
  from: OrderStatus;
  to: OrderStatus;
  /** What still holds the move back; empty when the gate is met. */
  check(ctx: Ctx, order: { id: string; warehouseId: string }): Promise<Blocker[]>;
}

/** What the order page shows of production and quality, once those modules report it. */
export interface OrderProgressSource {
  tasks?(ctx: Ctx, orderId: string): Promise<{ total: number; completed: number }>;
  inspections?(ctx: Ctx, orderId: string): Promise<{ total: number; passed: number; failed: number }>;
}

const gates: OrderGateCheck[] = [];
const progress: OrderProgressSource[] = [];

export function registerOrderGate(check: OrderGateCheck) {
  if (gates.some((g) => g.gate === check.gate && g.from === check.from && g.to === check.to)) throw new Error(`order gate ${check.gate} registered twice`);
  gates.push(check);
}

export function registerOrderProgress(source: OrderProgressSource) {
  progress.push(source);
}

/** Blockers of the registered gates for the moves out of `from`, by transition key. */
export async function registeredBlockers(ctx: Ctx, order: { id: string; warehouseId: string; status: OrderStatus }): Promise<Map<string, Blocker[]>> {
  const out = new Map<string, Blocker[]>();
  for (const g of gates.filter((x) => x.from === order.status)) {
    const found = await g.check(ctx, order);
    if (found.length) out.set(`${g.from}->${g.to}`, [...(out.get(`${g.from}->${g.to}`) ?? []), ...found]);
  }
  return out;
}

export async function orderProgress(ctx: Ctx, orderId: string) {
  let tasks: { total: number; completed: number } | null = null;
  let inspections: { total: number; passed: number; failed: number } | null = null;
  for (const p of progress) {
    if (p.tasks) tasks = await p.tasks(ctx, orderId);
    if (p.inspections) inspections = await p.inspections(ctx, orderId);
  }
  return { tasks, inspections };
}
