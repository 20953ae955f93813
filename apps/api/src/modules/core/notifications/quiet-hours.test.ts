import { describe, expect, it } from 'vitest';
import { quietHoursEnd } from './quiet-hours.js';

describe('quietHoursEnd', () => {
  const at = new Date('2026-03-10T23:30:00Z');

  it('is null without quiet hours or outside them', () => {
    expect(quietHoursEnd(at, null, 'UTC')).toBeNull();
    expect(quietHoursEnd(at, { start: '08:00', end: '17:00' }, 'UTC')).toBeNull();
  });

  it('returns the end of a window that wraps midnight', () => {
    expect(quietHoursEnd(at, { start: '22:00', end: '07:00' }, 'UTC')?.toISOString()).toBe('2026-03-11T07:00:00.000Z');
  });

  it('reads the clock in the user time zone', () => {
    // 23:30 UTC in January is 17:30 in Chicago (CST, UTC-6): inside 17:00-18:00 local, ending 00:00 UTC.
    const winter = new Date('2026-01-10T23:30:00Z');
    expect(quietHoursEnd(winter, { start: '17:00', end: '18:00' }, 'America/Chicago')?.toISOString()).toBe('2026-01-11T00:00:00.000Z');
  });

  it('counts in UTC for a stored zone this runtime does not know, instead of failing every send', () => {
    const at = new Date('2026-01-10T23:30:00Z');
    expect(quietHoursEnd(at, { start: '23:00', end: '23:45' }, '')?.toISOString()).toBe('2026-01-10T23:45:00.000Z');
    expect(quietHoursEnd(at, { start: '23:00', end: '23:45' }, 'Mars/Olympus')?.toISOString()).toBe('2026-01-10T23:45:00.000Z');
  });
});
