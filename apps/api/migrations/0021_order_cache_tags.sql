-- Order pages and lists are read from the read caches of decision 0006 (decision 0018). Every
-- table an order page shows tags its changes with the order ("order:<id>"); customers with
-- "customer:<id>"; files attached to a record tag it ("<record type>:<id>").

-- Puts migration 0008's statement-level tagging triggers (one tag list per statement, over the
-- transition tables) on a table: its rows' `col` become tags `prefix || col`; TRUNCATE tags "*".
-- Later migrations call this for their own tables.
CREATE FUNCTION app_cache_tag_rows_of(tbl text, prefix text, col text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  ev text;
BEGIN
  FOREACH ev IN ARRAY ARRAY['INSERT', 'UPDATE', 'DELETE'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER %s ON %I REFERENCING %s FOR EACH STATEMENT EXECUTE FUNCTION app_cache_rows_changed(%L, %L)',
                   tbl || '_cache_' || col || '_' || lower(ev), ev, tbl,
                   CASE ev WHEN 'DELETE' THEN 'OLD TABLE AS changed' WHEN 'UPDATE' THEN 'OLD TABLE AS before_rows NEW TABLE AS changed' ELSE 'NEW TABLE AS changed' END,
                   prefix, col);
  END LOOP;
  EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION app_cache_everything_changed()', tbl || '_cache_truncate', tbl);
END $$;

SELECT app_cache_tag_rows_of(tbl, prefix, col) FROM (VALUES
    ('orders', 'order:', 'id'),
    ('order_sinks', 'order:', 'order_id'),
    ('order_builds', 'order:', 'order_id'),
    ('order_status_history', 'order:', 'order_id'),
    ('order_reservations', 'order:', 'order_id'),
    ('boms', 'order:', 'order_id'),
    ('customers', 'customer:', 'id')
  ) AS v(tbl, prefix, col);

-- Documents show on their record's page: a file attached to any record tags that record (each
-- cache watches only its own prefixes, so tags nobody caches cost one word of the NOTIFY).
CREATE OR REPLACE FUNCTION app_cache_files_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tags text;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    SELECT CASE WHEN count(DISTINCT record_id) > 40 THEN '*' ELSE string_agg(DISTINCT record_type || ':' || record_id, ' ') END INTO tags
      FROM (SELECT record_type, record_id FROM changed UNION SELECT record_type, record_id FROM before_rows) r WHERE record_type IS NOT NULL;
  ELSE
    SELECT CASE WHEN count(DISTINCT record_id) > 40 THEN '*' ELSE string_agg(DISTINCT record_type || ':' || record_id, ' ') END INTO tags
      FROM changed WHERE record_type IS NOT NULL;
  END IF;
  PERFORM app_cache_invalidate(tags);
  RETURN NULL;
END $$;
