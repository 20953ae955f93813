-- Spelling correction only needs real words: a 3,000-character token in a description would not
-- fit the vocabulary's btree index (and turned a valid part edit into an error). Words of 3 to 40
-- letters are kept; the full-text vector still indexes the rest.
CREATE OR REPLACE FUNCTION items_vocabulary() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_vocabulary (word)
    SELECT DISTINCT w FROM regexp_split_to_table(lower(NEW.name || ' ' || NEW.description || ' ' || replace(NEW.part_number, '-', ' ')), '[^a-z0-9]+') AS w
     WHERE length(w) BETWEEN 3 AND 40 AND w ~ '[a-z]'
  ON CONFLICT DO NOTHING;
  RETURN NEW;
END $$;
