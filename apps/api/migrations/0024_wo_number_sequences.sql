-- fo_number from one PostgreSQL SEQUENCE per site and year instead of a counter row (decision 0010,
-- "The work-order create"). The counter row's lock was held from the upsert to COMMIT, so every
-- create of a site queued behind the one before it for the rest of its transaction, including
-- the API's turns between its statements: at 50 clients the bench's create waited ~850 ms (p95)
-- for ~10 ms of CPU. nextval() takes no lock that lasts past the call and is never rolled back, so
-- two creates never get the same number and a rolled-back create leaves a gap, as before.

-- Which sequence counts which site's year. Only the functions below (SECURITY DEFINER) touch it;
-- row-level security is on and the application role has no grant at all.
CREATE TABLE wo_number_series (
  warehouse_id uuid NOT NULL REFERENCES warehouses(id),
  year integer NOT NULL,
  seq regclass,
  PRIMARY KEY (warehouse_id, year)
);
ALTER TABLE wo_number_series ENABLE ROW LEVEL SECURITY;

-- The sequence of a site's year, created by the first number asked of it. Concurrent first creates
-- queue on the series row's key (ON CONFLICT waits for the inserting transaction) and the loser
-- reads the winner's sequence; sequences are then used by OID, so no stale name lookup matters.
CREATE FUNCTION app_wo_number_series(w uuid, y integer) RETURNS regclass
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  s regclass;
  name text := 'wo_number_' || replace(w::text, '-', '') || '_' || y;
BEGIN
  SELECT seq INTO s FROM wo_number_series WHERE warehouse_id = w AND year = y;
  IF s IS NOT NULL THEN
    RETURN s;
  END IF;
  INSERT INTO wo_number_series (warehouse_id, year) VALUES (w, y) ON CONFLICT DO NOTHING;
  IF FOUND THEN
    EXECUTE format('CREATE SEQUENCE %I AS integer', name);
    UPDATE wo_number_series SET seq = name::regclass WHERE warehouse_id = w AND year = y RETURNING seq INTO s;
    RETURN s;
  END IF;
  SELECT seq INTO s FROM wo_number_series WHERE warehouse_id = w AND year = y;
  RETURN s;
END $$;
REVOKE ALL ON FUNCTION app_wo_number_series(uuid, integer) FROM PUBLIC;

-- The next number of a site's year for the acting user: only for a site the user may act in, as
-- the counter row's policy required.
CREATE FUNCTION app_next_wo_number(w uuid, y integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF NOT app_warehouse_visible(w) THEN
    RAISE EXCEPTION 'work-order numbers of warehouse % are not visible to this user', w USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN nextval(app_wo_number_series(w, y));
END $$;
REVOKE ALL ON FUNCTION app_next_wo_number(uuid, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_next_wo_number(uuid, integer) TO plantops_app;

-- Carry the counters over: each sequence continues after its row's last value.
SELECT setval(app_wo_number_series(warehouse_id, year), last_value) FROM wo_number_sequences;
DROP TABLE wo_number_sequences;

-- How far each site's year has counted (the old table's shape, for seeds, tests and operators);
-- not granted to the application role.
CREATE VIEW wo_number_sequences AS
  SELECT warehouse_id, year, pg_sequence_last_value(seq)::integer AS last_value FROM wo_number_series;
