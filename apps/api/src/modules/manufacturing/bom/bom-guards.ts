import type { Ctx } from '../../../platform/db/unit-of-work.js';

/** What is about to happen to an order build's BOM. */
export type BomChange = 'SAVE_VERSION' | 'APPROVE';

/**
 * A rule another module holds over BOMs saved against its records. The orders module registers
 * one (a BOM is frozen once its order is in production); the BOM module does not know order
 * phases, so it asks every registered guard before a change and lets their refusal through.
 * A guard throws the AppError that names its rule; it returns when the change may go ahead.
 */
export type BomChangeGuard = (ctx: Ctx, bom: { orderId: string; buildNumber: string | null }, change: BomChange) => Promise<void>;

const guards: BomChangeGuard[] = [];

export function registerBomChangeGuard(guard: BomChangeGuard): void {
  guards.push(guard);
}

export async function assertBomChangeAllowed(ctx: Ctx, bom: { orderId: string | null; buildNumber: string | null }, change: BomChange): Promise<void> {
  if (!bom.orderId) return;
  for (const guard of guards) await guard(ctx, { orderId: bom.orderId, buildNumber: bom.buildNumber }, change);
}
