import { describe, expect, it } from 'vitest';
import { nextStockState, stockDeltas, stockWorsened } from './stock-rules.js';

describe('stock rules', () => {
  it('maps movement types to on-hand and reserved changes', () => {
    expect(stockDeltas('INBOUND', 5, false)).toEqual({ onHand: 5, reserved: 0 });
    expect(stockDeltas('USED', 2, false)).toEqual({ onHand: -2, reserved: 0 });
    expect(stockDeltas('SHIPPED', 2, true)).toEqual({ onHand: -2, reserved: -2 });
    expect(stockDeltas('RESERVED', 3, false)).toEqual({ onHand: 0, reserved: 3 });
    expect(stockDeltas('RELEASED', 3, false)).toEqual({ onHand: 0, reserved: -3 });
    expect(stockDeltas('ADJUSTMENT', -4, false)).toEqual({ onHand: -4, reserved: 0 });
  });

  it('refuses zero, fractions, and negative amounts outside adjustments', () => {
    expect(() => stockDeltas('INBOUND', 0, false)).toThrow();
    expect(() => stockDeltas('USED', 1.5, false)).toThrow();
    expect(() => stockDeltas('USED', -1, false)).toThrow();
  });

  it('derives the stock state used for once-per-crossing alerts', () => {
    expect(nextStockState(0, 5)).toBe('OUT');
    expect(nextStockState(5, 5)).toBe('LOW');
    expect(nextStockState(6, 5)).toBe('OK');
    expect(nextStockState(1, 0)).toBe('OK');
  });

  it('alerts only when stock gets worse, not when a refill leaves it low', () => {
    expect([stockWorsened('OK', 'LOW'), stockWorsened('OK', 'OUT'), stockWorsened('LOW', 'OUT')]).toEqual([true, true, true]);
    expect([stockWorsened('OUT', 'LOW'), stockWorsened('LOW', 'OK'), stockWorsened('LOW', 'LOW')]).toEqual([false, false, false]);
  });
});
