import type { Queryable } from '../../../platform/db/database.js';
import { ITEM_COLUMNS, STOCK_JOIN, type ItemRow } from './catalog.repo.js';

export const SEARCH_TYPES = { assembly: ['ASSEMBLY'], sub_assembly: ['SUB_ASSEMBLY', 'KIT'], part: ['PART'], accessory: ['ACCESSORY'], service_part: ['SERVICE_PART'], kit: ['KIT'] } as const;

/** The spec's `type` filter: an item kind, or `category` to search the category tree itself. */
export const SEARCH_TYPE_NAMES = ['category', ...(Object.keys(SEARCH_TYPES) as (keyof typeof SEARCH_TYPES)[])] as const;

export interface SearchFilter {
  query?: string;
  type?: keyof typeof SEARCH_TYPES | 'category';
  categoryId?: string;
  minCost?: number;
  maxCost?: number;
  inStock?: boolean;
  isActive?: boolean;
  isCustom?: boolean;
  /** all: every word must match (the default); any: at least one (the fallback when all finds nothing). */
  match?: 'all' | 'any';
  sortBy: 'relevance' | 'name' | 'partNumber' | 'cost' | 'quantityOnHand';
  sortOrder: 'asc' | 'desc';
  page: number;
  limit: number;
}

export const PRICE_BANDS: [number, number | null][] = [[0, 100], [100, 500], [500, 1000], [1000, 5000], [5000, null]];

/**
 * Words of a query as tsquery terms joined by AND (all) or OR (any). Only the last word is a
 * prefix (the one still being typed): a prefix term makes the full-text index merge every word
 * that starts with it, several times the work of a whole word, and the earlier words are whole.
 */
export function toTsquery(query: string, match: 'all' | 'any'): string | null {
  const words = query.toLowerCase().match(/[a-z0-9]+/g)?.slice(0, 12) ?? [];
  return words.length ? words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(match === 'all' ? ' & ' : ' | ') : null;
}

/**
 * Builds the WHERE clause of a search and its base relevance. Text matches the full-text vector
 * (stemmed words as prefixes, GIN index), a part-number prefix or an exact catalog number; typos
 * were corrected before (correctQuery).
 */
function whereClause(f: SearchFilter) {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where: string[] = [];
  let rank = '0::real';
  const tsq = f.query ? toTsquery(f.query, f.match ?? 'all') : null;
  if (f.query) {
    const q = p(f.query.trim().toLowerCase());
    const qUpper = p(f.query.trim().toUpperCase());
    const ts = tsq ? `to_tsquery('english', ${p(tsq)})` : null;
    // Typos are handled before this by correcting words against the catalog vocabulary, so the
    // match itself stays on indexes: full text, part-number prefix, exact catalog number.
    where.push(`(${ts ? `i.search_vector @@ ${ts} OR ` : ''}upper(i.part_number) LIKE ${qUpper} || '%' OR i.catalog_number = ${q})`);
    rank = `(${ts ? `ts_rank(i.search_vector, ${ts}) + ` : ''}CASE WHEN upper(i.part_number) = ${qUpper} OR i.catalog_number = ${q} THEN 10 ELSE 0 END)::real`;
  }
  if (f.type && f.type !== 'category') where.push(`i.kind = ANY(${p(SEARCH_TYPES[f.type])}::text[])`);
  if (f.categoryId) {
    where.push(`i.category_id IN (WITH RECURSIVE tree AS (SELECT id FROM inventory_categories WHERE id = ${p(f.categoryId)}
      UNION ALL SELECT c.id FROM inventory_categories c JOIN tree t ON c.parent_id = t.id) SELECT id FROM tree)`);
  }
  if (f.minCost !== undefined) where.push(`i.cost >= ${p(f.minCost)}`);
  if (f.maxCost !== undefined) where.push(`i.cost <= ${p(f.maxCost)}`);
  if (f.isActive !== undefined) where.push(`i.is_active = ${p(f.isActive)}`);
  if (f.isCustom !== undefined) where.push(`i.is_custom = ${p(f.isCustom)}`);
  if (f.inStock !== undefined) {
    where.push(`${f.inStock ? '' : 'NOT '}EXISTS (SELECT 1 FROM stock s WHERE s.item_id = i.id AND s.quantity_on_hand - s.quantity_reserved > 0)`);
  }
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params, rank, tsq };
}

/**
 * Replaces each query word that is not in the catalog's vocabulary by the nearest word that is
 * (edit distance 1 for short words, 2 from five letters), so "drian gaskte" searches "drain gasket".
 */
export async function correctQuery(q: Queryable, query: string): Promise<string | null> {
  const words = query.toLowerCase().match(/[a-z0-9]+/g)?.slice(0, 12) ?? [];
  if (words.length === 0) return null;
  const { rows } = await q.query<{ input: string; word: string | null }>(
    `SELECT w.input, (SELECT v.word FROM search_vocabulary v
                       WHERE length(v.word) BETWEEN length(w.input) - 2 AND length(w.input) + 2
                         AND levenshtein_less_equal(v.word, w.input, CASE WHEN length(w.input) >= 5 THEN 2 ELSE 1 END)
                             <= CASE WHEN length(w.input) >= 5 THEN 2 ELSE 1 END
                       ORDER BY levenshtein(v.word, w.input), similarity(v.word, w.input) DESC, v.word LIMIT 1) AS word
       FROM unnest($1::text[]) AS w(input)
      WHERE w.input ~ '[a-z]' AND length(w.input) >= 3 AND NOT EXISTS (SELECT 1 FROM search_vocabulary v WHERE v.word = w.input)`,
    [words],
  );
  const fixes = new Map(rows.filter((r) => r.word).map((r) => [r.input, r.word!]));
  return fixes.size ? words.map((w) => fixes.get(w) ?? w).join(' ') : null;
}

/** The WHERE clause plus the relevance expression: items matching more query words rank first. */
function rankedMatch(f: SearchFilter) {
  const { where, params, rank: baseRank, tsq } = whereClause(f);
  const terms = (f.query?.toLowerCase().match(/[a-z0-9]+/g) ?? []).slice(0, 12);
  const coverage = terms.map((t) => {
    params.push(`${t}:*`);
    return `(i.search_vector @@ to_tsquery('english', $${params.length}))::int`;
  });
  return { where, params, tsq, rank: coverage.length ? `(${coverage.join(' + ')} + ${baseRank})` : baseRank };
}

type Hit = { id: string; relevance: number };

/**
 * Relevance search ranks at most this many candidates (decision 0004, issue 9): a common word
 * matches a tenth of a large catalog, and ranking and counting all of it cost ~1 s at 50 clients.
 * Above it, facets are scaled from the candidates and the total is the planner's estimate, and the
 * response says so.
 */
export const SEARCH_CANDIDATES = 1000;
type FacetRow = { id: string | null; name: string | null; sort_order: number | null; count: number } & Record<string, number>;

/**
 * One scan of the matching items gives both the facets (top-level categories and price bands over
 * the whole filtered set) and the ranked ids of the requested page. Sorting by stock needs the
 * stock rows of every match, so that sort picks its page in a query of its own.
 */
async function matchAndFacet(q: Queryable, f: SearchFilter, cap?: number): Promise<{ facets: FacetRow[]; hits: Hit[] | null }> {
  const { where, params, rank, tsq } = rankedMatch(f);
  const dir = f.sortOrder === 'asc' ? 'ASC' : 'DESC';
  const bands = PRICE_BANDS.map(([min, max], i) => `count(*) FILTER (WHERE m.cost >= ${min}${max === null ? '' : ` AND m.cost < ${max}`})::int AS b${i}`).join(', ');
  const sort = f.sortBy;
  const order = sort === 'relevance' ? `relevance ${f.query ? dir : 'DESC'}, pn` : sort === 'quantityOnHand' ? '' : `${MATCH_SORT[sort]} ${dir}, id`;
  const page = sort === 'quantityOnHand' ? 'SELECT NULL::jsonb' : `SELECT coalesce(jsonb_agg(jsonb_build_object('id', p.id, 'relevance', p.relevance) ORDER BY p.n), '[]') FROM (
       SELECT id, relevance, row_number() OVER (ORDER BY ${order}) AS n FROM m ORDER BY ${order} LIMIT ${f.limit} OFFSET ${(f.page - 1) * f.limit}) p`;
  // A LIMIT over the candidates tempts the planner into a sequential scan that "will soon find
  // enough rows"; for words that rarely occur together it reads the whole table and finds none.
  // The indexes (full text, part-number prefix, catalog number) answer every match condition, so
  // the capped scan is kept on them (transaction-local, set back right after).
  if (cap !== undefined) await q.exec('SET LOCAL enable_seqscan = off');
  const { rows } = await q.query<{ facets: FacetRow[]; hits: Hit[] | null }>(
    `WITH m AS MATERIALIZED (${cap === undefined ? `SELECT ${matchColumns(rank)} FROM items i ${where}` : cappedCandidates(rank, where, tsq, params, cap)})
     SELECT (SELECT coalesce(jsonb_agg(to_jsonb(x) ORDER BY x.sort_order), '[]') FROM (
               SELECT top.id, top.name, top.sort_order, count(*)::int AS count, ${bands}
                 FROM m LEFT JOIN inventory_categories c ON c.id = m.category_id
                 LEFT JOIN inventory_categories top ON top.id = coalesce(c.parent_id, c.id)
                GROUP BY top.id, top.name, top.sort_order) x) AS facets,
            (${page}) AS hits`,
    params,
  );
  if (cap !== undefined) await q.exec('SET LOCAL enable_seqscan = on');
  return rows[0]!;
}

const matchColumns = (rank: string) => `i.id, i.cost, i.category_id, lower(i.name) AS name_key, upper(i.part_number) AS pn, ${rank} AS relevance`;

/**
 * At most cap + 1 matches, those with every word in the part number or name first (weight A in
 * the search vector), then the others: the bounded set that relevance ranks. The second branch
 * runs only when the first leaves room (Append under LIMIT stops early).
 */
function cappedCandidates(rank: string, where: string, tsq: string | null, params: unknown[], cap: number) {
  if (!tsq) return `SELECT ${matchColumns(rank)} FROM items i ${where} LIMIT ${cap + 1}`;
  params.push(tsq.replace(/:\*/g, ':*A'));
  const strong = `i.search_vector @@ to_tsquery('english', $${params.length})`;
  return `SELECT * FROM (
      (SELECT ${matchColumns(rank)} FROM items i ${where} AND ${strong} LIMIT ${cap + 1})
      UNION ALL
      (SELECT ${matchColumns(rank)} FROM items i ${where} AND NOT ${strong} LIMIT ${cap + 1})) c LIMIT ${cap + 1}`;
}

/** The planner's estimate of how many items match (statistics of the search vector; no scan). */
async function estimateMatches(q: Queryable, f: SearchFilter): Promise<number> {
  const { where, params } = whereClause(f);
  const { rows } = await q.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) SELECT 1 FROM items i ${where}`, params);
  const raw = rows[0]?.['QUERY PLAN'];
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan?: { 'Plan Rows'?: number } }[];
  return Math.round(plan?.[0]?.Plan?.['Plan Rows'] ?? 0);
}

const MATCH_SORT: Record<Exclude<SearchFilter['sortBy'], 'relevance' | 'quantityOnHand'>, string> = { name: 'name_key', partNumber: 'pn', cost: 'cost' };

/** The page's items in rank order, with stock and child counts, for the ids the match picked. */
async function loadHits(q: Queryable, hits: Hit[]): Promise<(ItemRow & { relevance: number })[]> {
  if (hits.length === 0) return [];
  const { rows } = await q.query<ItemRow & { n: number }>(
    `SELECT ${ITEM_COLUMNS}, h.n FROM unnest($1::uuid[]) WITH ORDINALITY AS h(id, n) JOIN items i ON i.id = h.id ${STOCK_JOIN} ORDER BY h.n`,
    [hits.map((h) => h.id)],
  );
  return rows.map(({ n, ...row }) => ({ ...row, relevance: hits[n - 1]!.relevance }));
}

/** The page sorted by quantity on hand: stock is summed for every match, so only this sort pays for it. */
async function searchByStock(q: Queryable, f: SearchFilter): Promise<(ItemRow & { relevance: number })[]> {
  const { where, params, rank } = rankedMatch(f);
  const dir = f.sortOrder === 'asc' ? 'ASC' : 'DESC';
  const { rows } = await q.query<ItemRow & { relevance: number }>(
    `SELECT ${ITEM_COLUMNS}, ${rank} AS relevance FROM items i ${STOCK_JOIN} ${where}
      ORDER BY quantity_on_hand ${dir}, i.id LIMIT ${f.limit} OFFSET ${(f.page - 1) * f.limit}`,
    params,
  );
  return rows;
}

/** Facet counts; `scale` > 1 when they were counted over a capped candidate set (estimates). */
function summarizeFacets(rows: FacetRow[], scale = 1) {
  const n = (v: number) => Math.round(v * scale);
  return {
    total: rows.reduce((sum, r) => sum + r.count, 0),
    categories: rows.filter((r) => r.id).map((r) => ({ id: r.id!, name: r.name!, count: n(r.count) })),
    priceRanges: PRICE_BANDS.map(([min, max], i) => ({ min, max, count: n(rows.reduce((sum, r) => sum + (r[`b${i}`] ?? 0), 0)) })),
  };
}

/**
 * The search use case: match all words as typed; only when that finds nothing, correct misspelt
 * words and match all of those, and only then fall back to any word (original and corrected
 * spellings). Correcting only on an empty result keeps part numbers ("GEN-00123") and rare but
 * real words from being "corrected" into something else. Returns the page and facets.
 */
export async function runSearch(q: Queryable, f: SearchFilter, candidateCap = SEARCH_CANDIDATES) {
  // Relevance pages within the candidate set are ranked from it; other sorts and deeper pages see every match.
  const capped = f.sortBy === 'relevance' && f.page * f.limit <= candidateCap;
  const attempt = async (query: string | undefined, match: 'all' | 'any') => {
    const effective: SearchFilter = { ...f, query, match };
    const { facets, hits } = await matchAndFacet(q, effective, capped ? candidateCap : undefined);
    const candidates = facets.reduce((n, r) => n + r.count, 0);
    if (!capped || candidates <= candidateCap) return { effective, hits, facets: summarizeFacets(facets), estimated: false };
    // More matches than candidates: the total is estimated and the facets scaled to it.
    const total = Math.max(candidates, await estimateMatches(q, effective));
    return { effective, hits, facets: { ...summarizeFacets(facets, total / candidates), total }, estimated: true };
  };
  let corrected: string | null = null;
  let found = await attempt(f.query, 'all');
  if (f.query && found.facets.total === 0) {
    corrected = await correctQuery(q, f.query);
    if (corrected) found = await attempt(corrected, 'all');
    if (found.facets.total === 0) found = await attempt(corrected ? `${f.query} ${corrected}` : f.query, 'any');
  }
  const { effective, hits, facets, estimated } = found;
  const rows = facets.total === 0 ? [] : hits ? await loadHits(q, hits) : await searchByStock(q, effective);
  return { rows, facets, estimated, corrected, matched: effective.match ?? 'all' };
}

export interface CategoryHit {
  id: string;
  name: string;
  description: string | null;
  is_active: boolean;
  path: string;
  relevance: number;
  total: number;
}

/**
 * `type=category`: categories whose name or description has every query word (as prefixes),
 * with the path of their parents. The tree is small (tens of rows), so no index is needed.
 */
export async function searchCategories(q: Queryable, f: SearchFilter): Promise<{ rows: CategoryHit[]; total: number }> {
  const tsq = f.query ? toTsquery(f.query, 'all') : null;
  const doc = `to_tsvector('english', c.name || ' ' || coalesce(c.description, ''))`;
  const { rows } = await q.query<CategoryHit>(
    `WITH RECURSIVE tree AS (
       SELECT id, name::text AS path FROM inventory_categories WHERE parent_id IS NULL
       UNION ALL SELECT c.id, t.path || ' > ' || c.name FROM inventory_categories c JOIN tree t ON c.parent_id = t.id)
     SELECT c.id, c.name, c.description, c.is_active, t.path,
            (CASE WHEN $1::text IS NULL THEN 0 ELSE ts_rank(${doc}, to_tsquery('english', $1::text)) END)::real AS relevance,
            count(*) OVER ()::int AS total
       FROM inventory_categories c JOIN tree t ON t.id = c.id
      WHERE ($1::text IS NULL OR ${doc} @@ to_tsquery('english', $1::text)) AND ($2::boolean IS NULL OR c.is_active = $2)
      ORDER BY ${f.sortBy === 'name' ? `lower(c.name) ${f.sortOrder === 'asc' ? 'ASC' : 'DESC'}` : 'relevance DESC, c.sort_order, lower(c.name)'}
      LIMIT ${f.limit} OFFSET ${(f.page - 1) * f.limit}`,
    [tsq, f.isActive ?? null],
  );
  return { rows, total: rows[0]?.total ?? 0 };
}
