import { z } from 'zod';

/** True for an IANA time zone this runtime knows ("Europe/Berlin", "UTC"). */
export function isTimeZone(tz: string): boolean {
  if (tz.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z.string().min(1).max(64).refine(isTimeZone, 'Unknown time zone');
