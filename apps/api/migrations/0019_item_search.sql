-- Inventory search on a narrow table kept by triggers (issue 9, decision 0016). items rows are
-- wide (description, specifications, the stored search vector): ranking a bounded candidate set
-- read them all, and the "name matches first" branch asked GIN for the weight-A lexemes, which the
-- index cannot tell apart, so a word found only in descriptions ("generated", in every generated
-- item) rechecked all 100,000 heap rows to find none (~400 ms). item_search holds per item only
-- what matching, ranking, facets and the search's sorts need, with a vector of the name and
-- numbers of its own (its own GIN index, no recheck) beside the full one.
CREATE TABLE item_search (
  item_id uuid PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
  -- Part and catalog numbers and the name: the "strong" matches, ranked first.
  name_vector tsvector NOT NULL,
  -- Everything items.search_vector had (numbers and name A, description B, specification values C).
  vector tsvector NOT NULL,
  -- upper(part_number) in byte order: a prefix is the range [p, p || U+10FFFF), which a btree
  -- answers with the prefix as a parameter (LIKE 'p%' needs a literal pattern to use an index).
  pn text COLLATE "C" NOT NULL,
  catalog_number text,
  name_key text NOT NULL,
  kind text NOT NULL,
  category_id uuid,
  cost numeric(12,2) NOT NULL,
  is_active boolean NOT NULL,
  is_custom boolean NOT NULL
);

-- The catalog is shared by every site (like items), but the table is read only through the
-- functions below: row-level security with no policy and no grant keeps the app role out.
ALTER TABLE item_search ENABLE ROW LEVEL SECURITY;

CREATE FUNCTION item_search_row() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO item_search AS s (item_id, name_vector, vector, pn, catalog_number, name_key, kind, category_id, cost, is_active, is_custom)
  SELECT NEW.id, n.v,
         n.v || setweight(to_tsvector('english', coalesce(NEW.description, '')), 'B')
             || setweight(jsonb_to_tsvector('english', NEW.specifications, '["string"]'), 'C'),
         upper(NEW.part_number), NEW.catalog_number, lower(NEW.name), NEW.kind, NEW.category_id, NEW.cost, NEW.is_active, NEW.is_custom
    FROM (SELECT setweight(to_tsvector('simple', coalesce(NEW.part_number, '') || ' ' || coalesce(NEW.catalog_number, '')), 'A')
              || setweight(to_tsvector('english', coalesce(NEW.name, '')), 'A') AS v) n
  ON CONFLICT (item_id) DO UPDATE SET name_vector = EXCLUDED.name_vector, vector = EXCLUDED.vector, pn = EXCLUDED.pn,
    catalog_number = EXCLUDED.catalog_number, name_key = EXCLUDED.name_key, kind = EXCLUDED.kind,
    category_id = EXCLUDED.category_id, cost = EXCLUDED.cost, is_active = EXCLUDED.is_active, is_custom = EXCLUDED.is_custom;
  RETURN NULL;
END $$;
CREATE TRIGGER item_search_row AFTER INSERT OR UPDATE OF part_number, catalog_number, name, description, specifications, kind, category_id, cost, is_active, is_custom
  ON items FOR EACH ROW EXECUTE FUNCTION item_search_row();

INSERT INTO item_search (item_id, name_vector, vector, pn, catalog_number, name_key, kind, category_id, cost, is_active, is_custom)
SELECT id, n.v,
       n.v || setweight(to_tsvector('english', coalesce(description, '')), 'B')
           || setweight(jsonb_to_tsvector('english', specifications, '["string"]'), 'C'),
       upper(part_number), catalog_number, lower(name), kind, category_id, cost, is_active, is_custom
  FROM items,
       LATERAL (SELECT setweight(to_tsvector('simple', coalesce(part_number, '') || ' ' || coalesce(catalog_number, '')), 'A')
                    || setweight(to_tsvector('english', coalesce(name, '')), 'A') AS v) n;

-- Built after the rows (one sorted build each). fastupdate off: with the pending list on, item
-- writes are queued unsorted (up to 4 MB) and every search scans that list; measured on the bench
-- database, a two-word search that finds nothing spent 7 ms there instead of well under one.
-- Item writes are rare next to searches, so each write pays for its own index entries.
CREATE INDEX item_search_name_idx ON item_search USING gin (name_vector) WITH (fastupdate = off);
CREATE INDEX item_search_vector_idx ON item_search USING gin (vector) WITH (fastupdate = off);
CREATE INDEX item_search_pn_idx ON item_search (pn);
CREATE INDEX item_search_catalog_idx ON item_search (catalog_number) WHERE catalog_number IS NOT NULL;

-- The vector moved: one GIN index less to update on every item write.
DROP INDEX items_search_idx;
ALTER TABLE items DROP COLUMN search_vector;

-- Relevance: one point per query word the item has (as a prefix), plus ts_rank, plus 10 for the
-- exact part or catalog number. Written out for twelve words (the most a query uses) instead of a
-- subquery over the array, which cost a sub-plan start per candidate.
CREATE FUNCTION item_search_coverage(v tsvector, t tsquery[]) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(v @@ t[1], false)::int + coalesce(v @@ t[2], false)::int + coalesce(v @@ t[3], false)::int
       + coalesce(v @@ t[4], false)::int + coalesce(v @@ t[5], false)::int + coalesce(v @@ t[6], false)::int
       + coalesce(v @@ t[7], false)::int + coalesce(v @@ t[8], false)::int + coalesce(v @@ t[9], false)::int
       + coalesce(v @@ t[10], false)::int + coalesce(v @@ t[11], false)::int + coalesce(v @@ t[12], false)::int
$$;

-- The items a search considers, with their relevance. words: the query's words as a tsquery (all
-- or any; null for none, or for a part number typed whole); pn_prefix: upper-cased, matched as a
-- part-number prefix; catalog: an exact catalog number; terms: each word as a prefix, one point of
-- relevance each. cap: at most cap + 1 candidates, in this order: the exact part or catalog
-- number, matches in the name or numbers, part-number prefixes (in part-number order), then
-- matches elsewhere (description, specifications). An Append under LIMIT runs a branch only when
-- the ones before it left room. Null cap: every match. in_stock looks at the caller's sites only
-- (app_warehouse_visible, as the stock policy does). any_words (with the typed words): when all
-- words find nothing, the same search with any word; any_word then says so.
-- Sequential scans are off inside: under a LIMIT the planner otherwise reads the table hoping to
-- "soon find enough", which for words that rarely occur together reads all of it and finds none.
CREATE FUNCTION item_search_candidates(words tsquery, pn_prefix text, catalog text, terms tsquery[], kinds text[], category uuid,
                                       min_cost numeric, max_cost numeric, active boolean, custom boolean, in_stock boolean, cap integer,
                                       any_words tsquery, typed text[])
RETURNS TABLE (id uuid, relevance real, cost numeric, category_id uuid, name_key text, pn text, any_word boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public SET enable_seqscan = off AS $$
DECLARE
  cats uuid[];
  pn_end text := pn_prefix || chr(1114111);
  fell_back boolean := false;
BEGIN
  IF category IS NOT NULL THEN
    WITH RECURSIVE tree AS (SELECT c.id FROM inventory_categories c WHERE c.id = category
                            UNION ALL SELECT c.id FROM inventory_categories c JOIN tree t ON c.parent_id = t.id)
    SELECT array_agg(tree.id) INTO cats FROM tree;
  END IF;
  IF words IS NULL AND pn_prefix IS NULL AND catalog IS NULL THEN
    RETURN QUERY
      SELECT s.item_id, 0::real, s.cost, s.category_id, s.name_key, s.pn::text, false FROM item_search s
       WHERE true
                AND (kinds IS NULL OR s.kind = ANY(kinds)) AND (cats IS NULL OR s.category_id = ANY(cats))
                AND (min_cost IS NULL OR s.cost >= min_cost) AND (max_cost IS NULL OR s.cost <= max_cost)
                AND (active IS NULL OR s.is_active = active) AND (custom IS NULL OR s.is_custom = custom)
                AND (in_stock IS NULL OR in_stock = EXISTS (SELECT 1 FROM stock st WHERE st.item_id = s.item_id AND app_warehouse_visible(st.warehouse_id)
                                                             AND st.quantity_on_hand - st.quantity_reserved > 0))
       LIMIT cap + 1;
    RETURN;
  END IF;
  LOOP
  RETURN QUERY
    SELECT c.item_id,
           (item_search_coverage(c.vector, terms) + coalesce(ts_rank(c.vector, words), 0)
             + CASE WHEN c.pn = pn_prefix OR c.catalog_number = catalog THEN 10 ELSE 0 END)::real,
           c.cost, c.category_id, c.name_key, c.pn::text, fell_back
      FROM ((SELECT s.* FROM item_search s
              WHERE (s.pn = pn_prefix OR s.catalog_number = catalog)
                AND (kinds IS NULL OR s.kind = ANY(kinds)) AND (cats IS NULL OR s.category_id = ANY(cats))
                AND (min_cost IS NULL OR s.cost >= min_cost) AND (max_cost IS NULL OR s.cost <= max_cost)
                AND (active IS NULL OR s.is_active = active) AND (custom IS NULL OR s.is_custom = custom)
                AND (in_stock IS NULL OR in_stock = EXISTS (SELECT 1 FROM stock st WHERE st.item_id = s.item_id AND app_warehouse_visible(st.warehouse_id)
                                                             AND st.quantity_on_hand - st.quantity_reserved > 0)))
            UNION ALL
            (SELECT s.* FROM item_search s
              WHERE s.name_vector @@ words AND NOT coalesce(s.pn = pn_prefix OR s.catalog_number = catalog, false)
                AND (kinds IS NULL OR s.kind = ANY(kinds)) AND (cats IS NULL OR s.category_id = ANY(cats))
                AND (min_cost IS NULL OR s.cost >= min_cost) AND (max_cost IS NULL OR s.cost <= max_cost)
                AND (active IS NULL OR s.is_active = active) AND (custom IS NULL OR s.is_custom = custom)
                AND (in_stock IS NULL OR in_stock = EXISTS (SELECT 1 FROM stock st WHERE st.item_id = s.item_id AND app_warehouse_visible(st.warehouse_id)
                                                             AND st.quantity_on_hand - st.quantity_reserved > 0))
              LIMIT cap + 1)
            UNION ALL
            (SELECT s.* FROM item_search s
              WHERE s.pn > pn_prefix AND s.pn < pn_end AND NOT coalesce(s.catalog_number = catalog, false)
                AND NOT coalesce(s.name_vector @@ words, false)
                AND (kinds IS NULL OR s.kind = ANY(kinds)) AND (cats IS NULL OR s.category_id = ANY(cats))
                AND (min_cost IS NULL OR s.cost >= min_cost) AND (max_cost IS NULL OR s.cost <= max_cost)
                AND (active IS NULL OR s.is_active = active) AND (custom IS NULL OR s.is_custom = custom)
                AND (in_stock IS NULL OR in_stock = EXISTS (SELECT 1 FROM stock st WHERE st.item_id = s.item_id AND app_warehouse_visible(st.warehouse_id)
                                                             AND st.quantity_on_hand - st.quantity_reserved > 0))
              ORDER BY s.pn LIMIT cap + 1)
            UNION ALL
            (SELECT s.* FROM item_search s
              WHERE s.vector @@ words AND NOT s.name_vector @@ words
                AND NOT coalesce(s.pn >= pn_prefix AND s.pn < pn_end OR s.catalog_number = catalog, false)
                AND (kinds IS NULL OR s.kind = ANY(kinds)) AND (cats IS NULL OR s.category_id = ANY(cats))
                AND (min_cost IS NULL OR s.cost >= min_cost) AND (max_cost IS NULL OR s.cost <= max_cost)
                AND (active IS NULL OR s.is_active = active) AND (custom IS NULL OR s.is_custom = custom)
                AND (in_stock IS NULL OR in_stock = EXISTS (SELECT 1 FROM stock st WHERE st.item_id = s.item_id AND app_warehouse_visible(st.warehouse_id)
                                                             AND st.quantity_on_hand - st.quantity_reserved > 0))
              LIMIT cap + 1)) c
     LIMIT cap + 1;
  -- Nothing with all words: any word instead, in the same call, when no word could be corrected
  -- (every typed word is in the vocabulary); otherwise the caller corrects first (decision 0004).
  EXIT WHEN FOUND OR any_words IS NULL
    OR EXISTS (SELECT 1 FROM unnest(typed) w WHERE w ~ '[a-z]' AND length(w) >= 3
                 AND NOT EXISTS (SELECT 1 FROM search_vocabulary v WHERE v.word = w));
  words := any_words;
  any_words := NULL;
  fell_back := true;
  END LOOP;
END $$;

-- How many items a search matches, as the planner estimates it from the table's statistics (no
-- scan): the total a capped search reports. VOLATILE only because PostgreSQL refuses EXPLAIN in
-- a stable function; it reads nothing but the plan. The values go in as literals, so the estimate is for
-- these words, not a generic one. The stock filter is left out (it depends on the caller).
CREATE FUNCTION item_search_estimate(words tsquery, pn_prefix text, catalog text, kinds text[], category uuid,
                                     min_cost numeric, max_cost numeric, active boolean, custom boolean)
RETURNS bigint LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  cats uuid[];
  plan json;
BEGIN
  IF category IS NOT NULL THEN
    WITH RECURSIVE tree AS (SELECT c.id FROM inventory_categories c WHERE c.id = category
                            UNION ALL SELECT c.id FROM inventory_categories c JOIN tree t ON c.parent_id = t.id)
    SELECT array_agg(tree.id) INTO cats FROM tree;
  END IF;
  EXECUTE format(
    'EXPLAIN (FORMAT JSON) SELECT 1 FROM item_search s
      WHERE (%1$L::boolean OR s.vector @@ %2$L::tsquery OR (s.pn >= %3$L AND s.pn < %3$L || chr(1114111)) OR s.catalog_number = %4$L)
        AND (%5$L::text[] IS NULL OR s.kind = ANY(%5$L::text[])) AND (%6$L::uuid[] IS NULL OR s.category_id = ANY(%6$L::uuid[]))
        AND (%7$L::numeric IS NULL OR s.cost >= %7$L::numeric) AND (%8$L::numeric IS NULL OR s.cost <= %8$L::numeric)
        AND (%9$L::boolean IS NULL OR s.is_active = %9$L::boolean) AND (%10$L::boolean IS NULL OR s.is_custom = %10$L::boolean)',
    words IS NULL AND pn_prefix IS NULL AND catalog IS NULL, words, pn_prefix, catalog, kinds, cats, min_cost, max_cost, active, custom) INTO plan;
  RETURN round((plan -> 0 -> 'Plan' ->> 'Plan Rows')::numeric);
END $$;

REVOKE ALL ON FUNCTION item_search_candidates(tsquery, text, text, tsquery[], text[], uuid, numeric, numeric, boolean, boolean, boolean, integer, tsquery, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION item_search_candidates(tsquery, text, text, tsquery[], text[], uuid, numeric, numeric, boolean, boolean, boolean, integer, tsquery, text[]) TO plantops_app;
REVOKE ALL ON FUNCTION item_search_estimate(tsquery, text, text, text[], uuid, numeric, numeric, boolean, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION item_search_coverage(tsvector, tsquery[]) TO plantops_app;
GRANT EXECUTE ON FUNCTION item_search_estimate(tsquery, text, text, text[], uuid, numeric, numeric, boolean, boolean) TO plantops_app;
