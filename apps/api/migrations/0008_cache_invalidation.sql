-- Read caches (live sessions, part pages, search results; decision 0006) are told which entries a
-- committed change made stale. Triggers name the changed rows as tags ("item:<id>",
-- "session:<token>", "user:<id>", or "catalog" for changes too broad to pin down, "*" for bulk
-- writes and TRUNCATE); app_cache_invalidate() sends them to every server process with NOTIFY (delivered at
-- commit, dropped on rollback) and also keeps them in a transaction-local setting, which the
-- committing process reads just before COMMIT so that it never answers from a stale entry itself.

CREATE FUNCTION app_cache_invalidate(tags text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  pending text := coalesce(current_setting('app.cache_tags', true), '');
BEGIN
  IF coalesce(tags, '') = '' THEN
    RETURN;
  END IF;
  PERFORM pg_notify('plantops_cache', tags);
  IF pending <> '*' THEN
    PERFORM set_config('app.cache_tags', CASE WHEN length(pending) + length(tags) > 4000 THEN '*' ELSE ltrim(pending || ' ' || tags) END, true);
  END IF;
END $$;

-- Statement-level, over the transition tables: one notification per statement however many rows
-- it touched. "changed" holds the rows after the change (before it, for DELETE); an UPDATE also
-- has "before_rows", so that moving a row from one key to another tags both. TG_ARGV: tag prefix,
-- key column. Over 40 keys the whole cache goes ("*"), which keeps the payload far below NOTIFY's
-- 8000-byte limit.
CREATE FUNCTION app_cache_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rows_sql text := format('SELECT %I AS k FROM changed', TG_ARGV[1]);
  tags text;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    rows_sql := rows_sql || format(' UNION SELECT %I FROM before_rows', TG_ARGV[1]);
  END IF;
  EXECUTE format('SELECT CASE WHEN count(DISTINCT k) > 40 THEN ''*'' ELSE string_agg(DISTINCT %L || k, '' '') END FROM (%s) r',
                 TG_ARGV[0], rows_sql) INTO tags;
  PERFORM app_cache_invalidate(tags);
  RETURN NULL;
END $$;

-- Documents show on their record's page: a file attached to an item tags that item.
CREATE FUNCTION app_cache_files_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tags text;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    SELECT CASE WHEN count(DISTINCT record_id) > 40 THEN '*' ELSE string_agg(DISTINCT 'item:' || record_id, ' ') END INTO tags
      FROM (SELECT record_type, record_id FROM changed UNION SELECT record_type, record_id FROM before_rows) r WHERE record_type = 'item';
  ELSE
    SELECT CASE WHEN count(DISTINCT record_id) > 40 THEN '*' ELSE string_agg(DISTINCT 'item:' || record_id, ' ') END INTO tags
      FROM changed WHERE record_type = 'item';
  END IF;
  PERFORM app_cache_invalidate(tags);
  RETURN NULL;
END $$;

CREATE FUNCTION app_cache_everything_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM app_cache_invalidate('*');
  RETURN NULL;
END $$;

CREATE FUNCTION app_cache_catalog_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM app_cache_invalidate('catalog');
  RETURN NULL;
END $$;

-- (table, tag prefix, key column, events). Transition tables need one trigger per event.
DO $$
DECLARE
  t record;
  ev text;
  tbl text;
BEGIN
  FOR t IN SELECT * FROM (VALUES
      ('user_sessions', 'session:', 'session_id', ARRAY['UPDATE', 'DELETE']),
      ('profiles', 'user:', 'id', ARRAY['UPDATE', 'DELETE']),
      ('user_credentials', 'user:', 'user_id', ARRAY['UPDATE', 'DELETE']),
      ('items', 'item:', 'id', ARRAY['INSERT', 'UPDATE', 'DELETE']),
      ('item_components', 'item:', 'parent_id', ARRAY['INSERT', 'UPDATE', 'DELETE']),
      ('item_components', 'item:', 'child_id', ARRAY['INSERT', 'UPDATE', 'DELETE']),
      ('stock', 'item:', 'item_id', ARRAY['INSERT', 'UPDATE', 'DELETE']),
      ('stock_transactions', 'item:', 'item_id', ARRAY['INSERT'])
    ) AS v(tbl, prefix, col, events)
  LOOP
    FOREACH ev IN ARRAY t.events LOOP
      EXECUTE format('CREATE TRIGGER %I AFTER %s ON %I REFERENCING %s FOR EACH STATEMENT EXECUTE FUNCTION app_cache_rows_changed(%L, %L)',
                     t.tbl || '_cache_' || t.col || '_' || lower(ev), ev, t.tbl,
                     CASE ev WHEN 'DELETE' THEN 'OLD TABLE AS changed' WHEN 'UPDATE' THEN 'OLD TABLE AS before_rows NEW TABLE AS changed' ELSE 'NEW TABLE AS changed' END,
                     t.prefix, t.col);
    END LOOP;
  END LOOP;
  FOREACH ev IN ARRAY ARRAY['INSERT', 'UPDATE', 'DELETE'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER %s ON files REFERENCING %s FOR EACH STATEMENT EXECUTE FUNCTION app_cache_files_changed()',
                   'files_cache_' || lower(ev), ev,
                   CASE ev WHEN 'DELETE' THEN 'OLD TABLE AS changed' WHEN 'UPDATE' THEN 'OLD TABLE AS before_rows NEW TABLE AS changed' ELSE 'NEW TABLE AS changed' END);
  END LOOP;
  -- TRUNCATE has no rows to name: everything goes.
  FOREACH tbl IN ARRAY ARRAY['user_sessions', 'profiles', 'user_credentials', 'items', 'item_components', 'stock', 'inventory_categories', 'vendors', 'warehouses', 'files'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION app_cache_everything_changed()', tbl || '_cache_truncate', tbl);
  END LOOP;
END $$;

-- Categories, vendors and warehouses appear on many cached pages at once.
CREATE TRIGGER inventory_categories_cache AFTER INSERT OR UPDATE OR DELETE ON inventory_categories FOR EACH STATEMENT EXECUTE FUNCTION app_cache_catalog_changed();
CREATE TRIGGER vendors_cache AFTER INSERT OR UPDATE OR DELETE ON vendors FOR EACH STATEMENT EXECUTE FUNCTION app_cache_catalog_changed();
CREATE TRIGGER warehouses_cache AFTER INSERT OR UPDATE OR DELETE ON warehouses FOR EACH STATEMENT EXECUTE FUNCTION app_cache_catalog_changed();
