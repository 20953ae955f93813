-- Search quality: specification values join the full-text vector (weight C), and a vocabulary of
-- the words in the catalog lets a misspelt query word be corrected by edit distance.

CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

DROP INDEX items_search_idx;
ALTER TABLE items DROP COLUMN search_vector;
ALTER TABLE items ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple', coalesce(part_number, '') || ' ' || coalesce(catalog_number, '')), 'A') ||
  setweight(to_tsvector('english', coalesce(name, '')), 'A') ||
  setweight(to_tsvector('english', coalesce(description, '')), 'B') ||
  setweight(jsonb_to_tsvector('english', specifications, '["string"]'), 'C')
) STORED;
CREATE INDEX items_search_idx ON items USING gin (search_vector);

CREATE TABLE search_vocabulary (word text PRIMARY KEY);

CREATE FUNCTION items_vocabulary() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_vocabulary (word)
    SELECT DISTINCT w FROM regexp_split_to_table(lower(NEW.name || ' ' || NEW.description || ' ' || replace(NEW.part_number, '-', ' ')), '[^a-z0-9]+') AS w
     WHERE length(w) >= 3 AND w ~ '[a-z]'
  ON CONFLICT DO NOTHING;
  RETURN NEW;
END $$;
CREATE TRIGGER items_vocabulary AFTER INSERT OR UPDATE OF name, description, part_number ON items
  FOR EACH ROW EXECUTE FUNCTION items_vocabulary();

INSERT INTO search_vocabulary (word)
  SELECT DISTINCT w FROM items, regexp_split_to_table(lower(name || ' ' || description || ' ' || replace(part_number, '-', ' ')), '[^a-z0-9]+') AS w
   WHERE length(w) >= 3 AND w ~ '[a-z]'
ON CONFLICT DO NOTHING;

GRANT SELECT, INSERT ON search_vocabulary TO plantops_app;

-- Part-number prefix matches ("SINK-CS-PRO" finds every Pro sink) use this index.
CREATE INDEX items_part_number_prefix_idx ON items (upper(part_number) text_pattern_ops);
