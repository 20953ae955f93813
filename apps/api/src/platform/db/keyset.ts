import { AppError } from '../http/errors.js';

/**
 * Keyset (cursor) pagination, pure parts (decision 0011). A list orders by sort keys that end in a
 * unique column, so "the rows after this one" is a row comparison the index can seek to, and a
 * page costs the same on page 1 and page 10,000. Every key must be NOT NULL (row comparison with
 * NULL matches nothing).
 */
export type KeyType = 'text' | 'int' | 'bigint' | 'numeric' | 'timestamptz' | 'uuid';

export interface SortKey {
  /** SQL expression, as in ORDER BY (from code, never from a client). */
  expr: string;
  type: KeyType;
}

export interface Sort {
  /** Names the ordering; a cursor made for another ordering is refused. */
  name: string;
  keys: SortKey[];
  dir: 'asc' | 'desc';
}

/** What a cursor carries: the last row's key values and how many rows came before the next page. */
export interface CursorState {
  values: string[];
  offset: number;
}

const VALUE_RE: Record<KeyType, RegExp> = {
  text: /^[\s\S]{0,1000}$/,
  int: /^-?\d{1,10}$/,
  bigint: /^-?\d{1,19}$/,
  numeric: /^-?\d{1,30}(\.\d{1,30})?$/,
  timestamptz: /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
};

const signature = (sort: Sort) => `${sort.name}:${sort.dir}`;

export function encodeCursor(sort: Sort, state: CursorState): string {
  return Buffer.from(JSON.stringify({ s: signature(sort), v: state.values, o: state.offset })).toString('base64url');
}

const badCursor = (message: string) =>
  new AppError(400, 'VALIDATION_ERROR', message, [{ field: 'cursor', message, code: 'INVALID_VALUE' }]);

/** Reads a cursor a previous page handed out; anything else is a 400 naming the cursor. */
export function decodeCursor(sort: Sort, cursor: string): CursorState {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor('The cursor is not one this list handed out');
  }
  const c = raw as { s?: unknown; v?: unknown; o?: unknown };
  if (!c || typeof c !== 'object' || typeof c.s !== 'string' || !Array.isArray(c.v) || !Number.isSafeInteger(c.o) || (c.o as number) < 0) {
    throw badCursor('The cursor is not one this list handed out');
  }
  if (c.s !== signature(sort)) throw badCursor('The cursor belongs to another sort order; start again from the first page');
  if (c.v.length !== sort.keys.length || c.v.some((v, i) => typeof v !== 'string' || !VALUE_RE[sort.keys[i]!.type].test(v))) {
    throw badCursor('The cursor is not one this list handed out');
  }
  return { values: c.v as string[], offset: c.o as number };
}

/**
 * `k1 >= $a AND (k1, k2, ...) > ($a, $b, ...)` (`<=`/`<` descending): the rows after the cursor's
 * row. The first key's own bound is redundant but lets an index on it seek even when the keys come
 * from two joined tables (a row comparison across tables is not an index condition).
 * `param` adds a value to the query's parameters and returns its placeholder.
 */
export function keysetCondition(sort: Sort, values: string[], param: (v: unknown) => string): string {
  const cols = sort.keys.map((k) => k.expr).join(', ');
  const placeholders = sort.keys.map((k, i) => `${param(values[i])}::${k.type}`);
  const [firstKey] = sort.keys;
  const asc = sort.dir === 'asc';
  return `${firstKey!.expr} ${asc ? '>=' : '<='} ${placeholders[0]} AND (${cols}) ${asc ? '>' : '<'} (${placeholders.join(', ')})`;
}

/** ORDER BY for the sort: every key in the same direction, so the row comparison matches it. */
export const orderBy = (sort: Sort) => sort.keys.map((k) => `${k.expr} ${sort.dir === 'asc' ? 'ASC' : 'DESC'}`).join(', ');

/** The SELECT list entries that return each key as text for the next cursor: `k0`, `k1`, ... */
export const keyColumns = (sort: Sort) => sort.keys.map((k, i) => `(${k.expr})::text AS k${i}`).join(', ');
