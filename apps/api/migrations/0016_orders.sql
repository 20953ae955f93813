-- Customer orders (manufacturing spec section 2, domain.md "Customer orders"): customers, the
-- order with its sink selections, one build per unit (its configuration and accessories), the
-- status history, and what the order holds of the site's stock. Access follows spec 12.2, as
-- row-level security here and again in the application: coordinators and ADMIN read the site's
-- orders, an assembler or QC person the orders assigned to them, nobody else any.

-- Customers are kept per site and reused across its orders (searchable by company, contact, e-mail).
CREATE TABLE customers (
  id uuid PRIMARY KEY,
  warehouse_id uuid NOT NULL REFERENCES warehouses(id),
  company_name text NOT NULL,
  contact_name text NOT NULL,
  email text NOT NULL,
  phone text,
  shipping_address jsonb NOT NULL,
  created_by uuid REFERENCES profiles(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search_text text GENERATED ALWAYS AS (lower(company_name || ' ' || contact_name || ' ' || email)) STORED
);
-- One customer per company and e-mail on a site: a second order with the same contact reuses it.
CREATE UNIQUE INDEX customers_identity_key ON customers (warehouse_id, lower(company_name), lower(email));
CREATE INDEX customers_search_idx ON customers USING gin (search_text gin_trgm_ops);
CREATE INDEX customers_list_idx ON customers (warehouse_id, company_name, id);

-- Order and build numbers are plant-wide (TOR-2026-0001, BN-2026-0001): one counter row per kind,
-- prefix and year. The upsert's row lock queues concurrent submits; a rollback leaves a gap, never a reuse.
CREATE TABLE order_number_sequences (
  kind text NOT NULL CHECK (kind IN ('ORDER', 'BUILD')),
  prefix text NOT NULL,
  year integer NOT NULL,
  last_value integer NOT NULL,
  PRIMARY KEY (kind, prefix, year)
);

CREATE TABLE orders (
  id uuid PRIMARY KEY,
  warehouse_id uuid NOT NULL REFERENCES warehouses(id),
  order_number text NOT NULL UNIQUE,
  customer_id uuid NOT NULL REFERENCES customers(id),
  status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','PENDING','IN_PRODUCTION','PRE_QC','PRODUCTION_COMPLETE','END_OF_LINE','FINAL_QC','READY_TO_SHIP','SHIPPED','ON_HOLD','CANCELLED')),
  -- Where an ON_HOLD order goes back to.
  resume_status text,
  priority text NOT NULL DEFAULT 'STANDARD' CHECK (priority IN ('STANDARD','RUSH','EMERGENCY')),
  special_instructions text,
  notes text,
  -- The furthest wizard step reached (1..5); a draft resumes there.
  step smallint NOT NULL DEFAULT 1 CHECK (step BETWEEN 1 AND 5),
  shipping_address jsonb NOT NULL,
  requested_delivery date,
  -- Order-level accessories (step 4 without a build), [{itemId, quantity, unitCost}].
  accessories jsonb NOT NULL DEFAULT '[]',
  accessory_total numeric(14,2) NOT NULL DEFAULT 0,
  estimated_delivery date,
  subtotal numeric(14,2),
  tax numeric(14,2),
  shipping_cost numeric(14,2),
  total_amount numeric(14,2),
  assembler_id uuid REFERENCES profiles(id),
  qc_person_id uuid REFERENCES profiles(id),
  backorders_accepted boolean NOT NULL DEFAULT false,
  carrier text,
  tracking_number text,
  ship_date date,
  shipped_at timestamptz,
  cancel_reason text,
  cancelled_at timestamptz,
  cancelled_by uuid REFERENCES profiles(id),
  created_by uuid NOT NULL REFERENCES profiles(id),
  submitted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Order number, customer and build numbers, lower-cased: the list's free-text filter (trigram).
  search_text text NOT NULL DEFAULT ''
);
CREATE INDEX orders_created_idx ON orders (warehouse_id, created_at DESC, id DESC);
CREATE INDEX orders_updated_idx ON orders (warehouse_id, updated_at DESC, id DESC);
CREATE INDEX orders_number_idx ON orders (warehouse_id, order_number, id);
CREATE INDEX orders_status_idx ON orders (warehouse_id, status, created_at DESC, id DESC);
CREATE INDEX orders_customer_idx ON orders (customer_id, created_at DESC);
CREATE INDEX orders_assembler_idx ON orders (assembler_id, created_at DESC) WHERE assembler_id IS NOT NULL;
CREATE INDEX orders_qc_idx ON orders (qc_person_id, created_at DESC) WHERE qc_person_id IS NOT NULL;
CREATE INDEX orders_search_idx ON orders USING gin (search_text gin_trgm_ops);

-- Step 2: which families, how many.
CREATE TABLE order_sinks (
  id uuid PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES orders(id),
  warehouse_id uuid NOT NULL REFERENCES warehouses(id),
  position smallint NOT NULL,
  family_id text NOT NULL,
  family_code text NOT NULL,
  family_name text NOT NULL,
  family_description text NOT NULL DEFAULT '',
  base_model text NOT NULL DEFAULT '',
  quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 100)
);
CREATE INDEX order_sinks_order_idx ON order_sinks (order_id, position);

-- One build per unit: its number (unique across the plant), configuration (step 3), accessories
-- (step 4) and the price the configurator gave it.
CREATE TABLE order_builds (
  id uuid PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES orders(id),
  sink_id uuid NOT NULL REFERENCES order_sinks(id),
  warehouse_id uuid NOT NULL REFERENCES warehouses(id),
  position smallint NOT NULL,
  build_number text NOT NULL,
  configuration jsonb,
  configured_price numeric(14,2),
  custom_parts jsonb NOT NULL DEFAULT '[]',
  accessories jsonb NOT NULL DEFAULT '[]',
  accessory_total numeric(14,2) NOT NULL DEFAULT 0,
  configured_at timestamptz
);
CREATE UNIQUE INDEX order_builds_number_key ON order_builds (upper(build_number));
CREATE INDEX order_builds_order_idx ON order_builds (order_id, position);

CREATE TABLE order_status_history (
  id uuid PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES orders(id),
  warehouse_id uuid NOT NULL REFERENCES warehouses(id),
  from_status text,
  to_status text NOT NULL,
  user_id uuid REFERENCES profiles(id),
  notes text,
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_status_history_idx ON order_status_history (order_id, changed_at, id);

-- What the order holds of the site's stock, per item: required by its BOMs, reserved in the
-- ledger, accepted as back-order, shipped. The ledger rows carry customer_order_id.
CREATE TABLE order_reservations (
  order_id uuid NOT NULL REFERENCES orders(id),
  item_id uuid NOT NULL REFERENCES items(id),
  warehouse_id uuid NOT NULL REFERENCES warehouses(id),
  required integer NOT NULL CHECK (required > 0),
  reserved integer NOT NULL DEFAULT 0 CHECK (reserved >= 0),
  backordered integer NOT NULL DEFAULT 0 CHECK (backordered >= 0),
  shipped integer NOT NULL DEFAULT 0 CHECK (shipped >= 0),
  PRIMARY KEY (order_id, item_id)
);

-- Who reads an order: the site's coordinators (and ADMIN/MANAGER reach by app_warehouse_visible),
-- an assembler or QC person the orders assigned to them.
CREATE FUNCTION app_order_visible(w uuid, assembler uuid, qc uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT app_warehouse_visible(w) AND CASE app_current_role()
    WHEN 'ADMIN' THEN true
    WHEN 'PRODUCTION_COORDINATOR' THEN true
    WHEN 'ASSEMBLER' THEN assembler = app_current_user_id()
    WHEN 'QC_PERSON' THEN qc = app_current_user_id()
    ELSE false
  END
$$;

GRANT SELECT, INSERT, UPDATE ON customers, orders, order_sinks, order_builds, order_reservations, order_number_sequences TO plantops_app;
GRANT DELETE ON order_sinks, order_builds TO plantops_app;
GRANT SELECT, INSERT ON order_status_history TO plantops_app;

ALTER TABLE customers ENABLE ROW LEVEL SECURITY;
CREATE POLICY customers_scope ON customers FOR ALL
  USING (app_warehouse_visible(warehouse_id) AND app_current_role() IN ('ADMIN', 'PRODUCTION_COORDINATOR', 'ASSEMBLER', 'QC_PERSON'))
  WITH CHECK (app_warehouse_visible(warehouse_id) AND app_current_role() IN ('ADMIN', 'PRODUCTION_COORDINATOR'));

ALTER TABLE order_number_sequences ENABLE ROW LEVEL SECURITY;
CREATE POLICY order_number_sequences_scope ON order_number_sequences FOR ALL
  USING (app_current_role() IN ('ADMIN', 'PRODUCTION_COORDINATOR'))
  WITH CHECK (app_current_role() IN ('ADMIN', 'PRODUCTION_COORDINATOR'));

ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY orders_read ON orders FOR SELECT USING (app_order_visible(warehouse_id, assembler_id, qc_person_id));
CREATE POLICY orders_insert ON orders FOR INSERT
  WITH CHECK (app_warehouse_visible(warehouse_id) AND app_current_role() IN ('ADMIN', 'PRODUCTION_COORDINATOR') AND created_by = app_current_user_id());
-- Assemblers and QC people move the orders assigned to them (status only; the service limits them).
CREATE POLICY orders_update ON orders FOR UPDATE
  USING (app_order_visible(warehouse_id, assembler_id, qc_person_id))
  WITH CHECK (app_warehouse_visible(warehouse_id));

-- An order's parts are visible exactly when the order is (its policy applies inside the subquery);
-- the warehouse column keeps writes on the order's site.
ALTER TABLE order_sinks ENABLE ROW LEVEL SECURITY;
CREATE POLICY order_sinks_scope ON order_sinks FOR ALL
  USING (EXISTS (SELECT 1 FROM orders o WHERE o.id = order_id))
  WITH CHECK (app_warehouse_visible(warehouse_id) AND EXISTS (SELECT 1 FROM orders o WHERE o.id = order_id AND o.warehouse_id = order_sinks.warehouse_id));
ALTER TABLE order_builds ENABLE ROW LEVEL SECURITY;
CREATE POLICY order_builds_scope ON order_builds FOR ALL
  USING (EXISTS (SELECT 1 FROM orders o WHERE o.id = order_id))
  WITH CHECK (app_warehouse_visible(warehouse_id) AND EXISTS (SELECT 1 FROM orders o WHERE o.id = order_id AND o.warehouse_id = order_builds.warehouse_id));
ALTER TABLE order_status_history ENABLE ROW LEVEL SECURITY;
CREATE POLICY order_status_history_scope ON order_status_history FOR ALL
  USING (EXISTS (SELECT 1 FROM orders o WHERE o.id = order_id))
  WITH CHECK (app_warehouse_visible(warehouse_id) AND EXISTS (SELECT 1 FROM orders o WHERE o.id = order_id AND o.warehouse_id = order_status_history.warehouse_id));
ALTER TABLE order_reservations ENABLE ROW LEVEL SECURITY;
CREATE POLICY order_reservations_scope ON order_reservations FOR ALL
  USING (EXISTS (SELECT 1 FROM orders o WHERE o.id = order_id))
  WITH CHECK (app_warehouse_visible(warehouse_id) AND EXISTS (SELECT 1 FROM orders o WHERE o.id = order_id AND o.warehouse_id = order_reservations.warehouse_id));

-- Build numbers are unique across the plant, but a coordinator sees only their own site's builds:
-- this answers "which of these numbers are taken?" without showing the other rows.
CREATE FUNCTION order_build_numbers_taken(numbers text[], except_order uuid) RETURNS text[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(array_agg(build_number ORDER BY build_number), '{}') FROM order_builds
   WHERE upper(build_number) = ANY (SELECT upper(n) FROM unnest(numbers) n) AND order_id IS DISTINCT FROM except_order
$$;
REVOKE ALL ON FUNCTION order_build_numbers_taken(text[], uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION order_build_numbers_taken(text[], uuid) TO plantops_app;
