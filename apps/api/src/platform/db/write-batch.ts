import { createHash } from 'node:crypto';
import { prepared, type Queryable } from './database.js';

/**
 * One write statement (INSERT/UPDATE/DELETE) with its own $1..$n placeholders. `returning` adds a
 * RETURNING clause; runWrites gives back the rows of the first write that has one.
 */
export interface SqlWrite {
  sql: string;
  params: unknown[];
  returning?: string;
}

const IDENT_RE = /^[a-z_][a-z0-9_]*$/;

/**
 * `INSERT INTO table (cols) VALUES ($1..)` for one row. Keys are column names (checked to be plain
 * identifiers: they come from code, never from a client); `undefined` values are left out so the
 * column default applies. Objects other than arrays and Dates are sent as JSON text (jsonb columns).
 */
export function insertRow(table: string, row: Record<string, unknown>, opts: { returning?: string; casts?: Record<string, string> } = {}): SqlWrite {
  const cols = Object.keys(row).filter((c) => row[c] !== undefined);
  for (const c of [table, ...cols]) if (!IDENT_RE.test(c)) throw new Error(`insertRow: ${c} is not a plain identifier`);
  const params = cols.map((c) => {
    const v = row[c];
    return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) ? JSON.stringify(v) : v;
  });
  const values = cols.map((c, i) => `$${i + 1}${opts.casts?.[c] ? `::${opts.casts[c]}` : ''}`);
  return { sql: `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${values.join(', ')})`, params, returning: opts.returning };
}

/** Renumbers a write's placeholders to follow the ones before it. */
const shift = (sql: string, offset: number) => (offset === 0 ? sql : sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`));

/**
 * Runs several writes as ONE statement (data-modifying CTEs: `WITH w0 AS (INSERT ...), w1 AS
 * (...) SELECT ...`), so a use case that writes its row, its audit rows and its outbox events pays
 * one round trip, one parse/plan (the text is prepared once per connection) and one executor start
 * instead of one per row (decision 0010). All writes see the same snapshot and their constraints,
 * row-level-security checks and triggers run as they would one by one; later writes cannot read
 * earlier ones' rows (use values computed in code, e.g. ids from uuidv7()).
 */
export async function runWrites<T = Record<string, unknown>>(tx: Queryable, writes: SqlWrite[]): Promise<T[]> {
  if (writes.length === 0) return [];
  const params: unknown[] = [];
  const ctes: string[] = [];
  let result = 'SELECT NULL';
  writes.forEach((w, i) => {
    const returning = w.returning ? ` RETURNING ${w.returning}` : '';
    ctes.push(`w${i} AS (${shift(w.sql, params.length)}${returning})`);
    params.push(...w.params);
    if (w.returning && result === 'SELECT NULL') result = `SELECT * FROM w${i}`;
  });
  const text = `WITH ${ctes.join(',\n')}\n${result}`;
  const name = `wb_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
  const { rows } = await tx.query<T>(prepared(name, text), params);
  return result === 'SELECT NULL' ? [] : rows;
}

/** The unique index a failed write violated (SQLSTATE 23505), if that is why it failed. */
export function uniqueViolation(err: unknown): string | undefined {
  const e = err as { code?: unknown; constraint?: unknown; message?: unknown };
  if (e?.code !== '23505') return undefined;
  if (typeof e.constraint === 'string') return e.constraint;
  return /"([^"]+)"/.exec(String(e.message))?.[1];
}
