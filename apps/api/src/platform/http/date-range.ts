import { z } from 'zod';

/**
 * A date filter parsed to a Date, kept to years PostgreSQL and PGlite both take (JavaScript
 * accepts ±275760, which the database refuses).
 */
const DATE_MESSAGE = 'Must be a date (2026-03-31) or a date-time with a time zone (2026-03-31T08:00:00Z)';

/** A query-string date (whole day) or an ISO date-time with offset; documented as such. */
export const queryDate = z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error: DATE_MESSAGE });

/**
 * The same, parsed to a Date and kept to years PostgreSQL and PGlite both take. Typed in the
 * OpenAPI document as the string it reads (a coerced Date would show as no type at all).
 */
export const queryDateValue = z.pipe(
  queryDate,
  z
    .string()
    .transform((s) => new Date(s))
    .refine((d) => d.getUTCFullYear() >= 1900 && d.getUTCFullYear() <= 9999, { message: 'Date must be between the years 1900 and 9999' }),
);

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * SQL conditions for `column` between dateFrom and dateTo. A date-only dateTo includes that whole
 * day (users pick days; "to 2026-03-31" means up to midnight after it).
 */
export function dateRangeSql(column: string, from: string | undefined, to: string | undefined, param: (value: unknown) => string): string[] {
  const where: string[] = [];
  if (from) where.push(`${column} >= ${param(from)}::timestamptz`);
  if (to) where.push(DATE_ONLY.test(to) ? `${column} < (${param(to)}::date + 1)::timestamptz` : `${column} <= ${param(to)}::timestamptz`);
  return where;
}
