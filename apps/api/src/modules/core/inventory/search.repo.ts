import { createHash } from 'node:crypto';
import type { ReadCache } from '../../../platform/cache/read-cache.js';
import { prepared, type PreparedSql, type Queryable } from '../../../platform/db/database.js';
import { ITEM_SUMMARY_COLUMNS, STOCK_JOIN, type ItemSummaryRow } from './catalog.repo.js';

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
 * Replaces each query word that is not in the catalog's vocabulary by the nearest word that is
 * (edit distance 1 for short words, 2 from five letters), so "drian gaskte" searches "drain gasket".
 */
export async function correctQuery(q: Queryable, query: string): Promise<string | null> {
  const words = query.toLowerCase().match(/[a-z0-9]+/g)?.slice(0, 12) ?? [];
  if (words.length === 0) return null;
  const { rows } = await q.query<{ input: string; word: string | null }>(
    prepared('inventory_search_correct', `SELECT w.input, (SELECT v.word FROM search_vocabulary v
                       WHERE length(v.word) BETWEEN length(w.input) - 2 AND length(w.input) + 2
                         AND levenshtein_less_equal(v.word, w.input, CASE WHEN length(w.input) >= 5 THEN 2 ELSE 1 END)
                             <= CASE WHEN length(w.input) >= 5 THEN 2 ELSE 1 END
                       ORDER BY levenshtein(v.word, w.input), similarity(v.word, w.input) DESC, v.word LIMIT 1) AS word
       FROM unnest($1::text[]) AS w(input)
      WHERE w.input ~ '[a-z]' AND length(w.input) >= 3 AND NOT EXISTS (SELECT 1 FROM search_vocabulary v WHERE v.word = w.input)`),
    [words],
  );
  const fixes = new Map(rows.filter((r) => r.word).map((r) => [r.input, r.word!]));
  return fixes.size ? words.map((w) => fixes.get(w) ?? w).join(' ') : null;
}

type Hit = { id: string; relevance: number };

/**
 * Relevance search ranks at most this many candidates (decisions 0004 and 0016, issue 9): a
 * common word matches a tenth of a large catalog, and ranking and counting all of it cost far more
 * than the page. Above it, facets are scaled from the candidates and the total is the planner's
 * estimate, and the response says so.
 */
export const SEARCH_CANDIDATES = 300;
type FacetRow = { id: string | null; name: string | null; sort_order: number | null; count: number } & Record<string, number>;

/**
 * A query typed as one part or catalog number ("GEN-00012", "brg-630", "709.82"): a single token
 * with a separator and a digit. Its first attempt matches numbers only (part-number prefix, exact
 * catalog number); split into words, "gen-000" would ask the full-text index for every lexeme
 * starting with "000" (thousands of them) on top of the part-number prefix that already answers it.
 */
const looksLikeNumber = (query: string) => /^[^\s]*[-./][^\s]*$/.test(query.trim()) && /\d/.test(query);

/**
 * The arguments of item_search_candidates (migration 0019) for a filter: $1 words, $2 part-number
 * prefix, $3 catalog number, $4 the words as prefix terms (relevance: one point each), $5-$11
 * filters, $12 the cap (null: every match), $13 and $14 the any-word fallback (decision 0016).
 */
function candidateParams(f: SearchFilter, numbersOnly: boolean, cap: number | undefined, fallback = false): unknown[] {
  const query = f.query?.trim();
  const tsq = query && !numbersOnly ? toTsquery(query, f.match ?? 'all') : null;
  const typed = (query?.toLowerCase().match(/[a-z0-9]+/g) ?? []).slice(0, 12);
  const terms = tsq ? typed.map((t) => `${t}:*`) : [];
  // Several words matched all together: if that finds nothing and no word is misspelt, the
  // same call tries any word (one statement instead of three).
  const anyWords = fallback && tsq && (f.match ?? 'all') === 'all' && typed.length > 1 ? toTsquery(query!, 'any') : null;
  return [
    tsq,
    query ? query.toUpperCase() : null,
    query ? query.toLowerCase() : null,
    terms,
    f.type && f.type !== 'category' ? SEARCH_TYPES[f.type] : null,
    f.categoryId ?? null,
    f.minCost ?? null,
    f.maxCost ?? null,
    f.isActive ?? null,
    f.isCustom ?? null,
    f.inStock ?? null,
    cap ?? null,
    anyWords,
    anyWords ? typed : null,
  ];
}

const WORDS = `to_tsquery('english', $1::text)`;
/** The candidates for candidateParams' parameters. */
const CANDIDATES = `item_search_candidates(${WORDS}, $2::text, $3::text, ARRAY(SELECT to_tsquery('english', t) FROM unnest($4::text[]) t),
    $5::text[], $6::uuid, $7::numeric, $8::numeric, $9::boolean, $10::boolean, $11::boolean, $12::int, to_tsquery('english', $13::text), $14::text[])`;
/** The planner's total for the same parameters (the words the candidates were found with). */
const ESTIMATE = `item_search_estimate(CASE WHEN (SELECT bool_or(any_word) FROM m) THEN to_tsquery('english', $13::text) ELSE ${WORDS} END, $2::text, $3::text, $5::text[], $6::uuid, $7::numeric, $8::numeric, $9::boolean, $10::boolean)`;

const MATCH_SORT: Record<Exclude<SearchFilter['sortBy'], 'relevance' | 'quantityOnHand'>, string> = { name: 'name_key', partNumber: 'pn', cost: 'cost' };

/**
 * One statement per attempt: the candidates (every match, or at most cap + 1 of them, name and
 * number matches first) give both the facets (top-level categories and price bands) and the ranked
 * ids of the requested page; only when the cap was exceeded does it ask the planner for the total.
 * Sorting by stock needs the stock rows of every match, so that sort picks its page separately.
 */
async function matchAndFacet(q: Queryable, f: SearchFilter, numbersOnly: boolean, cap: number | undefined, fallback: boolean) {
  const params = candidateParams(f, numbersOnly, cap, fallback);
  const byStock = f.sortBy === 'quantityOnHand';
  const { rows } = await q.query<{ facets: FacetRow[]; hits: Hit[] | null; estimate: string | null; any_word: boolean | null }>(
    attemptStatement(f.sortBy, f.sortOrder, Boolean(f.query)),
    // The stock sort picks its page elsewhere: its statement has no page parameters.
    byStock ? params : [...params, f.limit, (f.page - 1) * f.limit],
  );
  return rows[0]!;
}

/**
 * The attempt statement for a sort: built and named once per shape (five sorts, two directions,
 * with or without words), so a search neither rebuilds nor hashes two kilobytes of SQL.
 */
const attemptStatements = new Map<string, PreparedSql>();
function attemptStatement(sort: SearchFilter['sortBy'], sortOrder: SearchFilter['sortOrder'], hasQuery: boolean): PreparedSql {
  const key = `${sort} ${sortOrder} ${hasQuery}`;
  let statement = attemptStatements.get(key);
  if (!statement) {
    statement = preparedByText(attemptSql(sort, sortOrder === 'asc' ? 'ASC' : 'DESC', hasQuery));
    attemptStatements.set(key, statement);
  }
  return statement;
}

function attemptSql(sort: SearchFilter['sortBy'], dir: 'ASC' | 'DESC', hasQuery: boolean): string {
  const bands = PRICE_BANDS.map(([min, max], i) => `count(*) FILTER (WHERE m.cost >= ${min}${max === null ? '' : ` AND m.cost < ${max}`})::int AS b${i}`).join(', ');
  const order = sort === 'relevance' ? `relevance ${hasQuery ? dir : 'DESC'}, pn` : sort === 'quantityOnHand' ? '' : `${MATCH_SORT[sort]} ${dir}, id`;
  const page = sort === 'quantityOnHand' ? 'SELECT NULL::jsonb' : `SELECT coalesce(jsonb_agg(jsonb_build_object('id', p.id, 'relevance', p.relevance) ORDER BY p.n), '[]') FROM (
       SELECT id, relevance, row_number() OVER (ORDER BY ${order}) AS n FROM m ORDER BY ${order} LIMIT $15::int OFFSET $16::int) p`;
  return `WITH m AS MATERIALIZED (SELECT * FROM ${CANDIDATES})
     SELECT (SELECT coalesce(jsonb_agg(to_jsonb(x) ORDER BY x.sort_order), '[]') FROM (
               SELECT top.id, top.name, top.sort_order, count(*)::int AS count, ${bands}
                 FROM m LEFT JOIN inventory_categories c ON c.id = m.category_id
                 LEFT JOIN inventory_categories top ON top.id = coalesce(c.parent_id, c.id)
                GROUP BY top.id, top.name, top.sort_order) x) AS facets,
            (${page}) AS hits,
            CASE WHEN $12::int IS NOT NULL AND (SELECT count(*) FROM m) > $12::int THEN ${ESTIMATE} END AS estimate,
            (SELECT bool_or(any_word) FROM m) AS any_word`;
}

/**
 * Search statements are prepared once per connection (named by their text): parsing and planning
 * them again on every search cost about as much database time as running them.
 */
function preparedByText(text: string) {
  return prepared(`search_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`, text);
}

/**
 * The page's items (what a result shows), their visible stock and category path (top category, then the chain of
 * parents that use the item, first parent by part number, as catalog.categoryPaths): one
 * statement instead of three, since each statement's fixed cost was a third of a page's time.
 * The walk up carries the chain's text and the category of the highest categorised item with it,
 * so the path is the deepest row of each walk: no re-join of the items and no per-item sub-plan.
 */
const LOAD_HITS = prepared(
  'inventory_search_hits',
  `WITH RECURSIVE h AS (SELECT h.id, h.n FROM unnest($1::uuid[]) WITH ORDINALITY AS h(id, n)),
   up AS (
     SELECT h.id AS start_id, h.id AS item_id, 0 AS depth, NULL::text AS chain, i.category_id
       FROM h JOIN items i ON i.id = h.id
     UNION ALL
     SELECT up.start_id, p.parent_id, up.depth + 1, concat_ws(' > ', p.name, up.chain), coalesce(p.category_id, up.category_id)
       FROM up JOIN LATERAL (SELECT c.parent_id, pi.name, pi.category_id FROM item_components c JOIN items pi ON pi.id = c.parent_id
                              WHERE c.child_id = up.item_id ORDER BY pi.part_number LIMIT 1) p ON true
      WHERE up.depth < 4),
   paths AS (SELECT DISTINCT ON (start_id) start_id, chain, category_id FROM up ORDER BY start_id, depth DESC)
   SELECT ${ITEM_SUMMARY_COLUMNS}, h.n, concat_ws(' > ', top.name, p.chain) AS category_path
     FROM h JOIN items i ON i.id = h.id ${STOCK_JOIN}
     LEFT JOIN paths p ON p.start_id = h.id
     LEFT JOIN inventory_categories cat ON cat.id = p.category_id
     LEFT JOIN inventory_categories top ON top.id = coalesce(cat.parent_id, cat.id)
    ORDER BY h.n`,
);

export type SearchRow = ItemSummaryRow & { relevance: number; category_path: string };

/** The page's items in rank order, for the ids the match picked. */
async function loadHits(q: Queryable, hits: Hit[]): Promise<SearchRow[]> {
  if (hits.length === 0) return [];
  const { rows } = await q.query<ItemSummaryRow & { n: number; category_path: string }>(LOAD_HITS, [hits.map((h) => h.id)]);
  return rows.map(({ n, ...row }) => ({ ...row, relevance: hits[n - 1]!.relevance }));
}

/** The page sorted by quantity on hand: stock is summed for every match, so only this sort pays for it. */
async function searchByStock(q: Queryable, f: SearchFilter, numbersOnly: boolean): Promise<SearchRow[]> {
  const params = candidateParams(f, numbersOnly, undefined);
  const dir = f.sortOrder === 'asc' ? 'ASC' : 'DESC';
  const { rows } = await q.query<Hit>(
    `SELECT i.id, m.relevance FROM ${CANDIDATES} m JOIN items i ON i.id = m.id ${STOCK_JOIN}
      ORDER BY coalesce(st.on_hand, 0) ${dir}, i.id LIMIT ${f.limit} OFFSET ${(f.page - 1) * f.limit}`,
    params,
  );
  return loadHits(q, rows);
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
 * Which items a search matches, ranked, with its facets: everything but the page's stock. It reads
 * the catalog only (no row-level policies), so one answer serves every site; only an `inStock`
 * filter or a stock sort reads stock, and those are never shared.
 */
export interface SearchMatches {
  found: { effective: SearchFilter; numbersOnly: boolean; hits: Hit[] | null; facets: ReturnType<typeof summarizeFacets> & { total: number }; estimated: boolean };
  corrected: string | null;
}

/** Where matches are shared: a read cache with no scope in its key; `refresh` (no-cache) asks again. */
export interface SharedSearch {
  matches: ReadCache<SearchMatches>;
  refresh: boolean;
}

const sharesMatches = (f: SearchFilter) => f.inStock === undefined && f.sortBy !== 'quantityOnHand';

/**
 * The search use case: match all words as typed (a part or catalog number typed whole: numbers
 * first); only when that finds nothing, correct misspelt words and match all of those, and only
 * then fall back to any word (original and corrected spellings). When no word is misspelt the
 * any-word fallback runs in the first statement already. Correcting only on an empty
 * result keeps part numbers ("GEN-00123") and rare but real words from being "corrected" into
 * something else. Returns the page and facets.
 */
export async function runSearch(q: Queryable, f: SearchFilter, candidateCap = SEARCH_CANDIDATES, shared?: SharedSearch) {
  const { found, corrected } = shared && sharesMatches(f)
    ? (await shared.matches.load(
        JSON.stringify([candidateCap, Object.entries(f).sort(([a], [b]) => a.localeCompare(b))]),
        async () => ({ value: await findMatches(q, f, candidateCap), tags: [] }),
        { refresh: shared.refresh },
      )).value
    : await findMatches(q, f, candidateCap);
  const { effective, numbersOnly, hits, facets, estimated } = found;
  const rows = facets.total === 0 ? [] : hits ? await loadHits(q, hits) : await searchByStock(q, effective, numbersOnly);
  return { rows, facets, estimated, corrected, matched: effective.match ?? 'all' };
}

/** The attempts of a search (numbers, all words, corrected words, any word) until one matches. */
async function findMatches(q: Queryable, f: SearchFilter, candidateCap: number): Promise<SearchMatches> {
  // Relevance pages within the candidate set are ranked from it; other sorts and deeper pages see every match.
  const capped = f.sortBy === 'relevance' && f.page * f.limit <= candidateCap;
  const attempt = async (query: string | undefined, match: 'all' | 'any', numbersOnly = false, fallback = false) => {
    const asked: SearchFilter = { ...f, query, match };
    const { facets, hits, estimate, any_word } = await matchAndFacet(q, asked, numbersOnly, capped ? candidateCap : undefined, fallback);
    const effective: SearchFilter = any_word ? { ...asked, match: 'any' } : asked;
    const candidates = facets.reduce((n, r) => n + r.count, 0);
    if (estimate === null) return { effective, numbersOnly, hits, facets: summarizeFacets(facets), estimated: false };
    // More matches than candidates: the total is estimated and the facets scaled to it.
    const total = Math.max(candidates, Number(estimate));
    return { effective, numbersOnly, hits, facets: { ...summarizeFacets(facets, total / candidates), total }, estimated: true };
  };
  let corrected: string | null = null;
  const numbers = f.query !== undefined && looksLikeNumber(f.query);
  let found = await attempt(f.query, 'all', numbers, !numbers);
  if (numbers && found.facets.total === 0) found = await attempt(f.query, 'all', false, true);
  if (f.query && found.facets.total === 0) {
    corrected = await correctQuery(q, f.query);
    if (corrected) found = await attempt(corrected, 'all');
    if (found.facets.total === 0) found = await attempt(corrected ? `${f.query} ${corrected}` : f.query, 'any');
  }
  return { found, corrected };
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
