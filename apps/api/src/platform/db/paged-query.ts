import type { Queryable } from './database.js';
import { decodeCursor, encodeCursor, keyColumns, keysetCondition, orderBy, type Sort } from './keyset.js';

/** Counting more than this many matching rows is not worth it: the total becomes an estimate. */
export const EXACT_COUNT_CAP = 1000;

export interface PageRequest {
  page: number;
  limit: number;
  /** From a previous page's nextCursor: continue after its last row (page is then ignored). */
  cursor?: string;
}

/** What the response's pagination says about the page. */
export interface PageInfo {
  page: number;
  limit: number;
  total: number;
  /** True when the total is the planner's estimate (more than EXACT_COUNT_CAP matches). */
  totalIsEstimate: boolean;
  hasNextPage: boolean;
  nextCursor: string | null;
}

export interface PagedQuery {
  /** `SELECT <columns>` without FROM. */
  select: string;
  /** `FROM ... JOIN ...`, shared by the page and its count. */
  from: string;
  /** AND-ed conditions (placeholders numbered in `params`). */
  where: string[];
  params: unknown[];
  sort: Sort;
  /** A cheaper FROM for counting, when the conditions need only its tables (e.g. no item filter: stock alone). */
  countFrom?: string;
}

/**
 * One page of a list whose cost does not grow with the table (decision 0011): the page reads
 * limit + 1 rows (so "is there a next page" is exact), by keyset after a cursor or by offset for
 * a page number; the total is exact when it is cheap (the last page tells it, or the planner
 * expects at most EXACT_COUNT_CAP matches and a capped count confirms it) and otherwise the
 * planner's estimate, flagged as such.
 */
export async function pagedQuery<T extends object>(tx: Queryable, q: PagedQuery, req: PageRequest, countCap = EXACT_COUNT_CAP): Promise<{ rows: T[]; page: PageInfo }> {
  const params = [...q.params];
  const param = (v: unknown) => `$${params.push(v)}`;
  const state = req.cursor ? decodeCursor(q.sort, req.cursor) : null;
  const offset = state ? state.offset : (req.page - 1) * req.limit;
  const where = [...q.where, ...(state ? [keysetCondition(q.sort, state.values, param)] : [])];
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const { rows: fetched } = await tx.query<T & Record<string, string>>(
    `${q.select}, ${keyColumns(q.sort)} ${q.from} ${whereSql} ORDER BY ${orderBy(q.sort)} LIMIT ${param(req.limit + 1)}${state ? '' : ` OFFSET ${param(offset)}`}`,
    params,
  );
  const hasNextPage = fetched.length > req.limit;
  const pageRows = fetched.slice(0, req.limit);
  const last = pageRows[pageRows.length - 1];
  const nextCursor = hasNextPage && last ? encodeCursor(q.sort, { values: q.sort.keys.map((_, i) => last[`k${i}`]!), offset: offset + req.limit }) : null;
  const rows = pageRows.map((r) => {
    const copy: Record<string, unknown> = { ...r };
    q.sort.keys.forEach((_, i) => delete copy[`k${i}`]);
    return copy as T;
  });

  let total = offset + rows.length;
  let totalIsEstimate = false;
  // The last page (or an empty one after the first) tells the total exactly. Otherwise ask the
  // planner first (no scan): a large estimate is reported as such; a small one is checked by a
  // count that stops after countCap rows, so a wrong estimate cannot make the count expensive.
  if (hasNextPage || (rows.length === 0 && offset > 0)) {
    const filter = q.where.length ? `WHERE ${q.where.join(' AND ')}` : '';
    const source = `${q.countFrom ?? q.from} ${filter}`;
    const estimated = await estimate(tx, source, q.params);
    const counted = estimated > countCap ? null : await capped(tx, source, q.params, countCap);
    if (counted !== null) total = counted;
    else {
      // More than countCap match: either the planner said so, or the capped count ran over.
      total = Math.max(offset + rows.length + (hasNextPage ? 1 : 0), estimated, estimated <= countCap ? countCap + 1 : 0);
      totalIsEstimate = true;
    }
  }
  return { rows, page: { page: state ? Math.floor(offset / req.limit) + 1 : req.page, limit: req.limit, total, totalIsEstimate, hasNextPage, nextCursor } };
}

/** The number of rows `fromWhere` yields when it is at most `cap`, else null. */
async function capped(tx: Queryable, fromWhere: string, params: unknown[], cap: number): Promise<number | null> {
  const { rows } = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 ${fromWhere} LIMIT ${cap + 1}) t`, params);
  const n = rows[0]?.n ?? 0;
  return n <= cap ? n : null;
}

/**
 * Large estimates are kept for a while per statement and parameters: they come from table
 * statistics, which change on ANALYZE rather than per request, and such a total is reported as an
 * estimate anyway, so asking the planner on every page (a round trip and a planning, ~1 ms of
 * database CPU on a parts page) bought nothing. Small estimates are not kept: they decide whether
 * an exact count runs. Row-level security does not change an estimate (its conditions read
 * settings the planner cannot know), and the parameters carry the explicit filters.
 */
const ESTIMATE_TTL_MS = 30_000;
const MAX_KEPT_ESTIMATES = 2_000;
const keptEstimates = new Map<string, { rows: number; until: number }>();

/** The planner's row estimate for `fromWhere` (statistics; row-level security included). */
async function estimate(tx: Queryable, fromWhere: string, params: unknown[]): Promise<number> {
  const key = `${fromWhere}\u0000${JSON.stringify(params)}`;
  const kept = keptEstimates.get(key);
  if (kept && kept.until > Date.now()) return kept.rows;
  const { rows } = await tx.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) SELECT 1 ${fromWhere}`, params);
  const raw = rows[0]?.['QUERY PLAN'];
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan?: { 'Plan Rows'?: number } }[];
  const estimated = Math.round(plan?.[0]?.Plan?.['Plan Rows'] ?? 0);
  if (estimated > EXACT_COUNT_CAP) {
    if (keptEstimates.size >= MAX_KEPT_ESTIMATES) keptEstimates.clear();
    keptEstimates.set(key, { rows: estimated, until: Date.now() + ESTIMATE_TTL_MS });
  }
  return estimated;
}
