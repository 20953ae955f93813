-- Order pages and lists are read from the read caches of decision 0006 (decision 0018). Every
-- table an order page shows tags its changes with the order ("order:<id>"); customers with
-- "customer:<id>"; files attached to an order tag it like files attached to an item tag the item.
-- Statement-level triggers, as in migration 0008: one tag list per statement.

DO $$
DECLARE
  t record;
  ev text;
BEGIN
  FOR t IN SELECT * FROM (VALUES
      ('orders', 'order:', 'id'),
      ('order_sinks', 'order:', 'order_id'),
      ('order_builds', 'order:', 'order_id'),
      ('order_status_history', 'order:', 'order_id'),
      ('order_reservations', 'order:', 'order_id'),
      ('boms', 'order:', 'order_id'),
      ('customers', 'customer:', 'id')
    ) AS v(tbl, prefix, col)
  LOOP
    FOREACH ev IN ARRAY ARRAY['INSERT', 'UPDATE', 'DELETE'] LOOP
      EXECUTE format('CREATE TRIGGER %I AFTER %s ON %I REFERENCING %s FOR EACH STATEMENT EXECUTE FUNCTION app_cache_rows_changed(%L, %L)',
                     t.tbl || '_cache_' || t.col || '_' || lower(ev), ev, t.tbl,
                     CASE ev WHEN 'DELETE' THEN 'OLD TABLE AS changed' WHEN 'UPDATE' THEN 'OLD TABLE AS before_rows NEW TABLE AS changed' ELSE 'NEW TABLE AS changed' END,
                     t.prefix, t.col);
    END LOOP;
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION app_cache_everything_changed()', t.tbl || '_cache_truncate', t.tbl);
  END LOOP;
END $$;

-- Files: items and orders show their attached documents.
CREATE OR REPLACE FUNCTION app_cache_files_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tags text;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    SELECT CASE WHEN count(DISTINCT record_id) > 40 THEN '*' ELSE string_agg(DISTINCT record_type || ':' || record_id, ' ') END INTO tags
      FROM (SELECT record_type, record_id FROM changed UNION SELECT record_type, record_id FROM before_rows) r WHERE record_type IN ('item', 'order');
  ELSE
    SELECT CASE WHEN count(DISTINCT record_id) > 40 THEN '*' ELSE string_agg(DISTINCT record_type || ':' || record_id, ' ') END INTO tags
      FROM changed WHERE record_type IN ('item', 'order');
  END IF;
  PERFORM app_cache_invalidate(tags);
  RETURN NULL;
END $$;
