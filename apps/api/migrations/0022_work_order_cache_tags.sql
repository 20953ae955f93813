-- Work-order pages and lists are read from the read caches of decision 0006 (decision 0018's
-- pattern). Every change to a work order's details touches its row (last_updated), so the
-- work_orders table names them all ("work_order:<id>"); assignments and equipment (its name and
-- status show on the work order) tag themselves; files attached to a work order or a piece of
-- equipment tag it as files attached to an item or an order do.

DO $$
DECLARE
  t record;
  ev text;
BEGIN
  FOR t IN SELECT * FROM (VALUES
      ('work_orders', 'work_order:', 'id'),
      ('wo_assignees', 'work_order:', 'work_order_id'),
      ('equipment', 'equipment:', 'id')
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

CREATE OR REPLACE FUNCTION app_cache_files_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tags text;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    SELECT CASE WHEN count(DISTINCT record_id) > 40 THEN '*' ELSE string_agg(DISTINCT record_type || ':' || record_id, ' ') END INTO tags
      FROM (SELECT record_type, record_id FROM changed UNION SELECT record_type, record_id FROM before_rows) r
     WHERE record_type IN ('item', 'order', 'work_order', 'equipment');
  ELSE
    SELECT CASE WHEN count(DISTINCT record_id) > 40 THEN '*' ELSE string_agg(DISTINCT record_type || ':' || record_id, ' ') END INTO tags
      FROM changed WHERE record_type IN ('item', 'order', 'work_order', 'equipment');
  END IF;
  PERFORM app_cache_invalidate(tags);
  RETURN NULL;
END $$;
