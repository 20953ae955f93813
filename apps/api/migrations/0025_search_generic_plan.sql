-- item_search_candidates runs one four-branch query whose filters are all written as
-- "(param IS NULL OR column = param)". PL/pgSQL plans it like a prepared statement, and the plan
-- cache kept choosing a custom plan, so every search planned the whole UNION again: about a third
-- of the function's time (on the bench database, "valve" 2.2 -> 1.4-1.9 ms, "sealed bracket"
-- 1.2 -> 0.8-1.1 ms; the search mix's PostgreSQL CPU 5.25 -> 4.1 ms per search). The generic plan
-- is the right one for every call: each branch is driven by the one index its own condition names
-- (GIN for the words, btree for the part-number range and the exact numbers, enable_seqscan is
-- off inside), and the other conditions are filters on the capped candidates either way.
ALTER FUNCTION item_search_candidates SET plan_cache_mode = force_generic_plan;
