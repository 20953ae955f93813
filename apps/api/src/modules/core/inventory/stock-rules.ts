/** Pure stock rules, unit-tested without a database. */

export const MOVEMENT_TYPES = ['INBOUND', 'USED', 'ADJUSTMENT', 'RESERVED', 'RELEASED', 'SHIPPED', 'RETURNED'] as const;
export type MovementType = (typeof MOVEMENT_TYPES)[number];
export type StockState = 'OK' | 'LOW' | 'OUT';

/**
 * How a movement changes on-hand and reserved. Amounts are positive except for ADJUSTMENT,
 * which is signed. Consuming reserved stock (fromReserved) lowers both.
 */
export function stockDeltas(type: MovementType, quantity: number, fromReserved: boolean): { onHand: number; reserved: number } {
  if (!Number.isInteger(quantity) || quantity === 0) throw new RangeError('quantity must be a non-zero integer');
  if (type !== 'ADJUSTMENT' && quantity < 0) throw new RangeError(`${type} takes a positive quantity`);
  switch (type) {
    case 'INBOUND':
    case 'RETURNED':
      return { onHand: quantity, reserved: 0 };
    case 'USED':
    case 'SHIPPED':
      return { onHand: -quantity, reserved: fromReserved ? -quantity : 0 };
    case 'ADJUSTMENT':
      return { onHand: quantity, reserved: 0 };
    case 'RESERVED':
      return { onHand: 0, reserved: quantity };
    case 'RELEASED':
      return { onHand: 0, reserved: -quantity };
  }
}

/** OUT at or below zero, LOW at or below the reorder point (when one is set), otherwise OK. */
export function nextStockState(onHand: number, reorderPoint: number): StockState {
  if (onHand <= 0) return 'OUT';
  if (reorderPoint > 0 && onHand <= reorderPoint) return 'LOW';
  return 'OK';
}

const SEVERITY: Record<StockState, number> = { OK: 0, LOW: 1, OUT: 2 };

/** Alerts go out when stock gets worse (OK to LOW or OUT, LOW to OUT), never on a refill. */
export const stockWorsened = (before: StockState, after: StockState) => SEVERITY[after] > SEVERITY[before];
