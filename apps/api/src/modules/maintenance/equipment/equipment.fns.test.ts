import { describe, expect, it } from 'vitest';
import { assetTagFromCode, canMoveTo, makesCycle, qrContent, reliability } from './equipment.fns.js';

describe('equipment rules', () => {
  it('allows the status changes of the lifecycle only', () => {
    expect(canMoveTo('ACTIVE', 'MAINTENANCE')).toBe(true);
    expect(canMoveTo('ACTIVE', 'DISPOSED')).toBe(false);
    expect(canMoveTo('RETIRED', 'DISPOSED')).toBe(true);
    expect(canMoveTo('DISPOSED', 'ACTIVE')).toBe(false);
  });

  it('reads an asset tag from our QR link or from typed text', () => {
    const link = qrContent('https://plant.example/', 'PMP 01/A');
    expect(link).toBe('https://plant.example/scan?code=PMP%2001%2FA');
    expect(assetTagFromCode(link)).toBe('PMP 01/A');
    expect(assetTagFromCode('  PMP-01 ')).toBe('PMP-01');
    expect(assetTagFromCode('https://elsewhere.example/x')).toBe('https://elsewhere.example/x');
  });

  it('spots a move under itself or a descendant', () => {
    expect(makesCycle('a', 'a', [])).toBe(true);
    expect(makesCycle('a', 'c', ['a', 'b'])).toBe(true);
    expect(makesCycle('a', 'c', ['x'])).toBe(false);
    expect(makesCycle('a', null, [])).toBe(false);
  });

  it('computes MTBF, MTTR and availability from unplanned downtime in the window', () => {
    const now = new Date(Date.UTC(2026, 5, 1));
    const ago = (h: number) => new Date(now.getTime() - h * 3_600_000);
    const r = reliability([
      { startedAt: ago(10), endedAt: ago(8), planned: false },
      { startedAt: ago(5), endedAt: null, planned: false },
      { startedAt: ago(30), endedAt: ago(20), planned: true },
      { startedAt: ago(5000), endedAt: ago(4990), planned: false },
    ], now, 90);
    expect(r.failures).toBe(2);
    expect(r.downtimeHours).toBe(7);
    expect(r.mttrHours).toBe(3.5);
    expect(r.mtbfHours).toBe((2160 - 7) / 2);
    expect(r.availability).toBeCloseTo((2160 - 7) / 2160, 4);
    expect(reliability([], now).mtbfHours).toBeNull();
  });
});
