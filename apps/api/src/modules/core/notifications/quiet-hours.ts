import { isTimeZone } from '../../../platform/http/time-zone.js';

/** Minutes since local midnight in a time zone. */
function localMinutes(at: Date, timeZone: string): number {
  // A stored zone this runtime does not know must not stop everyone's mail: count in UTC.
  const zone = isTimeZone(timeZone) ? timeZone : 'UTC';
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return get('hour') * 60 + get('minute');
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * When `at` falls inside the quiet hours (which may wrap midnight), the instant they end;
 * otherwise null. E-mail waits until then; in-app notifications are never held back.
 */
export function quietHoursEnd(at: Date, quiet: { start: string; end: string } | null, timeZone: string): Date | null {
  if (!quiet) return null;
  const now = localMinutes(at, timeZone);
  const start = toMinutes(quiet.start);
  const end = toMinutes(quiet.end);
  if (start === end) return null;
  const inside = start < end ? now >= start && now < end : now >= start || now < end;
  if (!inside) return null;
  const wait = (end - now + 1440) % 1440;
  return new Date(at.getTime() + wait * 60_000 - at.getSeconds() * 1000 - at.getMilliseconds());
}
