-- Configurator product families as data (decision 0012), their templates, and BOM documents.

-- One JSON document per family: option groups, constraints, pricing and BOM rules. Shared by
-- every site like the item master, read-only to request transactions (seeded and migrated).
CREATE TABLE configurator_families (
  id uuid PRIMARY KEY,
  code text NOT NULL,
  name text NOT NULL,
  document jsonb NOT NULL,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX configurator_families_code_key ON configurator_families (upper(code));

CREATE TABLE configuration_templates (
  id uuid PRIMARY KEY,
  family_id uuid NOT NULL REFERENCES configurator_families(id),
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  category text NOT NULL CHECK (category IN ('STANDARD', 'CUSTOM', 'POPULAR')),
  configuration jsonb NOT NULL,
  popularity integer NOT NULL DEFAULT 0 CHECK (popularity BETWEEN 0 AND 100),
  last_used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX configuration_templates_family_idx ON configuration_templates (family_id, category, popularity DESC);

GRANT SELECT ON configurator_families, configuration_templates TO plantops_app;

-- The configurator keeps the families in memory; a change to them drops that copy everywhere.
CREATE FUNCTION app_cache_configurator_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM app_cache_invalidate('configurator');
  RETURN NULL;
END $$;
CREATE TRIGGER configurator_families_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON configurator_families
  FOR EACH STATEMENT EXECUTE FUNCTION app_cache_configurator_changed();

-- Configurator custom parts carry their pattern's catalog number (every custom MDRD basin is
-- 720.215.001), so catalog numbers stay unique among standard items only.
DROP INDEX items_catalog_number_key;
CREATE UNIQUE INDEX items_catalog_number_key ON items (catalog_number) WHERE catalog_number IS NOT NULL AND NOT is_custom;

-- A generated BOM, one row per version. The versions of one order build (or of one standalone
-- BOM) share series_id. order_id/build_number are filled by the orders module once it exists.
CREATE TABLE boms (
  id uuid PRIMARY KEY,
  series_id uuid NOT NULL,
  warehouse_id uuid NOT NULL REFERENCES warehouses(id),
  order_id uuid,
  build_number text,
  version integer NOT NULL CHECK (version > 0),
  status text NOT NULL CHECK (status IN ('DRAFT', 'APPROVED', 'SUPERSEDED')),
  title text NOT NULL,
  notes text,
  -- What it was generated from (sink configurations, accessories) and what came out.
  request jsonb NOT NULL,
  document jsonb NOT NULL,
  subtotal numeric(14,2) NOT NULL,
  generated_by uuid REFERENCES profiles(id),
  generated_at timestamptz NOT NULL DEFAULT now(),
  approved_by uuid REFERENCES profiles(id),
  approved_at timestamptz,
  superseded_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (series_id, version)
);
CREATE INDEX boms_warehouse_list_idx ON boms (warehouse_id, generated_at DESC, id DESC);
CREATE INDEX boms_series_idx ON boms (series_id, version DESC);
CREATE INDEX boms_order_build_idx ON boms (order_id, build_number) WHERE order_id IS NOT NULL;

GRANT SELECT, INSERT, UPDATE ON boms TO plantops_app;
ALTER TABLE boms ENABLE ROW LEVEL SECURITY;
CREATE POLICY boms_scope ON boms FOR ALL USING (app_warehouse_visible(warehouse_id)) WITH CHECK (app_warehouse_visible(warehouse_id));
