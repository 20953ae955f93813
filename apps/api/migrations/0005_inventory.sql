-- One inventory for both domains: item master with a category tree and BOM structure, stock per
-- warehouse, and an append-only ledger through which every quantity change passes.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE inventory_categories (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  parent_id uuid REFERENCES inventory_categories(id),
  name text NOT NULL,
  description text,
  sort_order integer NOT NULL DEFAULT 0,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX inventory_categories_name_key ON inventory_categories (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name));

-- Suppliers and contractors belong to a site (CMMS spec); archived instead of deleted.
CREATE TABLE vendors (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  warehouse_id uuid NOT NULL REFERENCES warehouses(id),
  name text NOT NULL,
  type text NOT NULL CHECK (type IN ('SUPPLIER','CONTRACTOR')),
  email text,
  phone text,
  address text,
  website text,
  notes text,
  contacts jsonb NOT NULL DEFAULT '[]'::jsonb,
  active boolean NOT NULL DEFAULT true,
  archived_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX vendors_warehouse_name_idx ON vendors (warehouse_id, lower(name));

CREATE TABLE items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  part_number text NOT NULL,
  catalog_number text,
  kind text NOT NULL CHECK (kind IN ('PART','SUB_ASSEMBLY','ASSEMBLY','ACCESSORY','SERVICE_PART','KIT')),
  category_id uuid REFERENCES inventory_categories(id),
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  cost numeric(12,2) NOT NULL DEFAULT 0 CHECK (cost >= 0),
  list_price numeric(12,2) CHECK (list_price >= 0),
  lead_time_days integer CHECK (lead_time_days >= 0),
  specifications jsonb NOT NULL DEFAULT '{}'::jsonb,
  supplier_name text,
  supplier_part_number text,
  vendor_id uuid REFERENCES vendors(id),
  original_number text,
  model_compatibility text[] NOT NULL DEFAULT '{}',
  is_custom boolean NOT NULL DEFAULT false,
  -- The same custom specification reuses its number: a hash of the normalised specification.
  custom_spec_key text,
  is_active boolean NOT NULL DEFAULT true,
  created_by uuid REFERENCES profiles(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', coalesce(part_number, '') || ' ' || coalesce(catalog_number, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(name, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(description, '')), 'B')
  ) STORED
);
CREATE UNIQUE INDEX items_part_number_key ON items (upper(part_number));
CREATE UNIQUE INDEX items_catalog_number_key ON items (catalog_number) WHERE catalog_number IS NOT NULL;
CREATE UNIQUE INDEX items_custom_spec_key ON items (custom_spec_key) WHERE custom_spec_key IS NOT NULL;
CREATE INDEX items_category_kind_idx ON items (category_id, kind);
CREATE INDEX items_search_idx ON items USING gin (search_vector);
CREATE INDEX items_trgm_idx ON items USING gin ((upper(part_number) || ' ' || lower(name)) gin_trgm_ops);
CREATE INDEX items_cost_idx ON items (cost);

-- BOM structure: parent contains quantity x child.
CREATE TABLE item_components (
  parent_id uuid NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  child_id uuid NOT NULL REFERENCES items(id),
  quantity numeric(12,3) NOT NULL CHECK (quantity > 0),
  is_required boolean NOT NULL DEFAULT true,
  sort_order integer NOT NULL DEFAULT 0,
  PRIMARY KEY (parent_id, child_id),
  CHECK (parent_id <> child_id)
);
CREATE INDEX item_components_child_idx ON item_components (child_id);

CREATE SEQUENCE custom_part_number_seq START 1000;

CREATE TABLE stock (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  item_id uuid NOT NULL REFERENCES items(id),
  warehouse_id uuid NOT NULL REFERENCES warehouses(id),
  quantity_on_hand integer NOT NULL DEFAULT 0,
  quantity_reserved integer NOT NULL DEFAULT 0 CHECK (quantity_reserved >= 0),
  reorder_point integer NOT NULL DEFAULT 0 CHECK (reorder_point >= 0),
  default_bin text,
  -- OK, LOW or OUT as of the last movement: notifications fire when it changes (once per crossing).
  stock_state text NOT NULL DEFAULT 'OK' CHECK (stock_state IN ('OK','LOW','OUT')),
  last_movement_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (item_id, warehouse_id)
);
CREATE INDEX stock_warehouse_idx ON stock (warehouse_id);
CREATE INDEX stock_low_idx ON stock (warehouse_id, item_id) WHERE quantity_on_hand <= reorder_point;

CREATE TABLE receipts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  warehouse_id uuid NOT NULL REFERENCES warehouses(id),
  vendor_id uuid REFERENCES vendors(id),
  asn_number text,
  po_number text,
  received_by uuid NOT NULL REFERENCES profiles(id),
  received_at timestamptz NOT NULL DEFAULT now(),
  notes text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX receipts_warehouse_time_idx ON receipts (warehouse_id, received_at DESC);

-- The ledger. quantity is the signed change to on-hand (INBOUND, USED, ADJUSTMENT, SHIPPED,
-- RETURNED) or to reserved (RESERVED, RELEASED); the *_after columns record the result.
CREATE TABLE stock_transactions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  item_id uuid NOT NULL REFERENCES items(id),
  warehouse_id uuid NOT NULL REFERENCES warehouses(id),
  type text NOT NULL CHECK (type IN ('INBOUND','USED','ADJUSTMENT','RESERVED','RELEASED','SHIPPED','RETURNED')),
  quantity integer NOT NULL CHECK (quantity <> 0),
  on_hand_after integer NOT NULL,
  reserved_after integer NOT NULL,
  reason text,
  notes text,
  work_order_id uuid,
  customer_order_id uuid,
  service_order_id uuid,
  receipt_id uuid REFERENCES receipts(id),
  vendor_id uuid REFERENCES vendors(id),
  performed_by uuid REFERENCES profiles(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stock_transactions_item_idx ON stock_transactions (item_id, warehouse_id, created_at DESC);
CREATE INDEX stock_transactions_warehouse_idx ON stock_transactions (warehouse_id, created_at DESC);
CREATE INDEX stock_transactions_work_order_idx ON stock_transactions (work_order_id) WHERE work_order_id IS NOT NULL;
CREATE INDEX stock_transactions_order_idx ON stock_transactions (customer_order_id) WHERE customer_order_id IS NOT NULL;

CREATE TABLE receipt_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  receipt_id uuid NOT NULL REFERENCES receipts(id) ON DELETE CASCADE,
  item_id uuid NOT NULL REFERENCES items(id),
  quantity integer NOT NULL CHECK (quantity > 0),
  bin text,
  transaction_id uuid NOT NULL REFERENCES stock_transactions(id)
);
CREATE INDEX receipt_lines_receipt_idx ON receipt_lines (receipt_id);

-- The ledger is append-only, for everyone including the owner.
CREATE FUNCTION stock_transactions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'stock_transactions is append-only' USING ERRCODE = '42501';
END $$;
CREATE TRIGGER stock_transactions_no_update BEFORE UPDATE OR DELETE ON stock_transactions
  FOR EACH ROW EXECUTE FUNCTION stock_transactions_append_only();

-- Item master and categories are shared by every site; permission checks guard writes.
GRANT SELECT, INSERT, UPDATE ON inventory_categories, items TO plantops_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON item_components TO plantops_app;
GRANT USAGE ON SEQUENCE custom_part_number_seq TO plantops_app;

GRANT SELECT, INSERT, UPDATE ON stock, vendors, receipts TO plantops_app;
GRANT SELECT, INSERT ON stock_transactions, receipt_lines TO plantops_app;

ALTER TABLE stock ENABLE ROW LEVEL SECURITY;
CREATE POLICY stock_scope ON stock FOR ALL USING (app_warehouse_visible(warehouse_id)) WITH CHECK (app_warehouse_visible(warehouse_id));
ALTER TABLE stock_transactions ENABLE ROW LEVEL SECURITY;
CREATE POLICY stock_transactions_scope ON stock_transactions FOR ALL USING (app_warehouse_visible(warehouse_id)) WITH CHECK (app_warehouse_visible(warehouse_id));
ALTER TABLE vendors ENABLE ROW LEVEL SECURITY;
CREATE POLICY vendors_scope ON vendors FOR ALL USING (app_warehouse_visible(warehouse_id)) WITH CHECK (app_warehouse_visible(warehouse_id));
ALTER TABLE receipts ENABLE ROW LEVEL SECURITY;
CREATE POLICY receipts_scope ON receipts FOR ALL USING (app_warehouse_visible(warehouse_id)) WITH CHECK (app_warehouse_visible(warehouse_id));
ALTER TABLE receipt_lines ENABLE ROW LEVEL SECURITY;
CREATE POLICY receipt_lines_scope ON receipt_lines FOR ALL
  USING (EXISTS (SELECT 1 FROM receipts r WHERE r.id = receipt_id))
  WITH CHECK (EXISTS (SELECT 1 FROM receipts r WHERE r.id = receipt_id));
