-- Maintenance (CMMS spec sections 1, 4, 6): equipment with its hierarchy, status history and
-- downtime; work orders with assignees, checklist, time logs, comments and attachments.
-- Access follows domain.md's maintenance table, here as row-level security and again in the
-- application: technicians and contractors see work assigned to them, requesters their own
-- requests, everybody else with work-order rights their warehouse, ADMIN/MANAGER every site.

-- Equipment -------------------------------------------------------------------------------------

CREATE TABLE equipment (
  id uuid PRIMARY KEY,
  warehouse_id uuid NOT NULL REFERENCES warehouses(id),
  asset_tag text NOT NULL,
  fo_number text,
  name text NOT NULL DEFAULT '',
  model text,
  manufacturer text,
  serial_number text,
  description text NOT NULL DEFAULT '',
  area text,
  status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','INACTIVE','MAINTENANCE','RETIRED','DISPOSED')),
  criticality text NOT NULL DEFAULT 'MEDIUM' CHECK (criticality IN ('LOW','MEDIUM','HIGH','CRITICAL')),
  installation_date date,
  warranty_expiry date,
  parent_equipment_id uuid REFERENCES equipment(id),
  hierarchy_level integer NOT NULL DEFAULT 0 CHECK (hierarchy_level >= 0),
  -- What the printed QR code says; the lookup endpoint resolves it (and a bare asset tag).
  qr_code_url text NOT NULL,
  created_by uuid REFERENCES profiles(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz,
  disposed_at timestamptz,
  search_text text GENERATED ALWAYS AS (lower(asset_tag || ' ' || name || ' ' || coalesce(model, '') || ' ' || coalesce(serial_number, '') || ' ' || description)) STORED,
  CHECK (parent_equipment_id IS NULL OR parent_equipment_id <> id)
);
-- Asset tags are unique across sites (a label must name one machine), compared case-insensitively.
CREATE UNIQUE INDEX equipment_asset_tag_key ON equipment (lower(asset_tag));
CREATE INDEX equipment_warehouse_tag_idx ON equipment (warehouse_id, asset_tag, id);
CREATE INDEX equipment_status_idx ON equipment (warehouse_id, status);
CREATE INDEX equipment_criticality_idx ON equipment (warehouse_id, criticality);
CREATE INDEX equipment_area_idx ON equipment (warehouse_id, area);
CREATE INDEX equipment_model_idx ON equipment (warehouse_id, model);
CREATE INDEX equipment_parent_idx ON equipment (parent_equipment_id, asset_tag);
CREATE INDEX equipment_roots_idx ON equipment (warehouse_id, asset_tag) WHERE parent_equipment_id IS NULL;
CREATE INDEX equipment_search_idx ON equipment USING gin (search_text gin_trgm_ops);

CREATE TABLE equipment_status_history (
  id uuid PRIMARY KEY,
  equipment_id uuid NOT NULL REFERENCES equipment(id),
  warehouse_id uuid NOT NULL REFERENCES warehouses(id),
  from_status text,
  to_status text NOT NULL,
  reason text,
  work_order_id uuid,
  changed_by uuid REFERENCES profiles(id),
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX equipment_status_history_idx ON equipment_status_history (equipment_id, changed_at DESC, id DESC);

CREATE TABLE equipment_downtime (
  id uuid PRIMARY KEY,
  equipment_id uuid NOT NULL REFERENCES equipment(id),
  warehouse_id uuid NOT NULL REFERENCES warehouses(id),
  started_at timestamptz NOT NULL,
  ended_at timestamptz,
  reason text NOT NULL,
  planned boolean NOT NULL DEFAULT false,
  work_order_id uuid,
  created_by uuid REFERENCES profiles(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ended_at IS NULL OR ended_at > started_at)
);
CREATE INDEX equipment_downtime_idx ON equipment_downtime (equipment_id, started_at DESC);
-- At most one open downtime per machine.
CREATE UNIQUE INDEX equipment_downtime_open_key ON equipment_downtime (equipment_id) WHERE ended_at IS NULL;

-- Work orders -----------------------------------------------------------------------------------

-- fo_number: one counter row per warehouse and year. The upsert takes the row lock, so concurrent
-- creates queue on it and each gets the next value; a rolled-back create leaves a gap, never a clash.
CREATE TABLE wo_number_sequences (
  warehouse_id uuid NOT NULL REFERENCES warehouses(id),
  year integer NOT NULL,
  last_value integer NOT NULL,
  PRIMARY KEY (warehouse_id, year)
);

CREATE TABLE work_orders (
  id uuid PRIMARY KEY,
  warehouse_id uuid NOT NULL REFERENCES warehouses(id),
  fo_number text NOT NULL UNIQUE,
  type text NOT NULL CHECK (type IN ('PM','CORRECTIVE','EMERGENCY')),
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  area text,
  asset_model text,
  equipment_id uuid REFERENCES equipment(id),
  status text NOT NULL DEFAULT 'NEW' CHECK (status IN ('NEW','ASSIGNED','IN_PROGRESS','ON_HOLD','COMPLETED','VERIFIED','CLOSED','CANCELLED')),
  priority text NOT NULL DEFAULT 'MEDIUM' CHECK (priority IN ('LOW','MEDIUM','HIGH','CRITICAL')),
  -- For sorting by priority with a keyset cursor.
  priority_rank smallint GENERATED ALWAYS AS (CASE priority WHEN 'CRITICAL' THEN 4 WHEN 'HIGH' THEN 3 WHEN 'MEDIUM' THEN 2 ELSE 1 END) STORED,
  requested_by uuid NOT NULL REFERENCES profiles(id),
  -- The spec's assigned_to array, kept by the service together with wo_assignees (who and when).
  assigned_to uuid[] NOT NULL DEFAULT '{}',
  due_date date,
  started_at timestamptz,
  completed_at timestamptz,
  verified_by uuid REFERENCES profiles(id),
  verified_at timestamptz,
  closed_by uuid REFERENCES profiles(id),
  closed_at timestamptz,
  on_hold_reason text,
  -- Where ON_HOLD returns to.
  resume_status text,
  cancel_reason text,
  escalated boolean NOT NULL DEFAULT false,
  escalation_level integer NOT NULL DEFAULT 0,
  follow_up boolean NOT NULL DEFAULT false,
  parent_work_order_id uuid REFERENCES work_orders(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_updated timestamptz NOT NULL DEFAULT now(),
  search_text text GENERATED ALWAYS AS (lower(fo_number || ' ' || title || ' ' || description || ' ' || coalesce(area, '') || ' ' || coalesce(asset_model, ''))) STORED
);
-- Every list filter is led by the warehouse, then the default order (newest first).
CREATE INDEX work_orders_site_created_idx ON work_orders (warehouse_id, created_at DESC, id DESC);
CREATE INDEX work_orders_site_status_idx ON work_orders (warehouse_id, status, created_at DESC, id DESC);
CREATE INDEX work_orders_site_priority_idx ON work_orders (warehouse_id, priority_rank DESC, created_at DESC, id DESC);
CREATE INDEX work_orders_site_type_idx ON work_orders (warehouse_id, type, created_at DESC);
CREATE INDEX work_orders_site_area_idx ON work_orders (warehouse_id, area, created_at DESC);
CREATE INDEX work_orders_site_due_idx ON work_orders (warehouse_id, due_date, id) WHERE status NOT IN ('COMPLETED','VERIFIED','CLOSED','CANCELLED');
CREATE INDEX work_orders_site_updated_idx ON work_orders (warehouse_id, last_updated DESC, id DESC);
CREATE INDEX work_orders_escalated_idx ON work_orders (warehouse_id, escalation_level) WHERE escalated;
CREATE INDEX work_orders_equipment_idx ON work_orders (equipment_id, created_at DESC) WHERE equipment_id IS NOT NULL;
CREATE INDEX work_orders_requester_idx ON work_orders (requested_by, created_at DESC, id DESC);
CREATE INDEX work_orders_assigned_idx ON work_orders USING gin (assigned_to);
CREATE INDEX work_orders_parent_idx ON work_orders (parent_work_order_id) WHERE parent_work_order_id IS NOT NULL;
CREATE INDEX work_orders_search_idx ON work_orders USING gin (search_text gin_trgm_ops);

CREATE TABLE wo_assignees (
  work_order_id uuid NOT NULL REFERENCES work_orders(id),
  user_id uuid NOT NULL REFERENCES profiles(id),
  warehouse_id uuid NOT NULL REFERENCES warehouses(id),
  assigned_by uuid REFERENCES profiles(id),
  assigned_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (work_order_id, user_id)
);
-- "assignee=me", newest first: the technician's list walks this index.
CREATE INDEX wo_assignees_user_idx ON wo_assignees (user_id, assigned_at DESC);

-- Reusable checklists (ad hoc items or a template's items copied onto a work order).
CREATE TABLE wo_checklist_templates (
  id uuid PRIMARY KEY,
  warehouse_id uuid NOT NULL REFERENCES warehouses(id),
  name text NOT NULL,
  items jsonb NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_by uuid REFERENCES profiles(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX wo_checklist_templates_name_key ON wo_checklist_templates (warehouse_id, lower(name));

CREATE TABLE wo_checklist_items (
  id uuid PRIMARY KEY,
  work_order_id uuid NOT NULL REFERENCES work_orders(id),
  warehouse_id uuid NOT NULL REFERENCES warehouses(id),
  position integer NOT NULL,
  component text NOT NULL,
  action text NOT NULL,
  status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','DONE','SKIPPED','ISSUE')),
  notes text,
  -- Field definitions ([{key,label,type,required,options,unit}]) and the values filled in.
  custom_fields jsonb NOT NULL DEFAULT '[]',
  custom_field_data jsonb NOT NULL DEFAULT '{}',
  template_id uuid REFERENCES wo_checklist_templates(id),
  follow_up_work_order_id uuid REFERENCES work_orders(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  completed_by uuid REFERENCES profiles(id)
);
CREATE INDEX wo_checklist_items_wo_idx ON wo_checklist_items (work_order_id, position);

CREATE TABLE wo_time_logs (
  id uuid PRIMARY KEY,
  work_order_id uuid NOT NULL REFERENCES work_orders(id),
  warehouse_id uuid NOT NULL REFERENCES warehouses(id),
  user_id uuid NOT NULL REFERENCES profiles(id),
  start_time timestamptz NOT NULL,
  end_time timestamptz,
  description text,
  source text NOT NULL CHECK (source IN ('TIMER','MANUAL')),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_time IS NULL OR end_time > start_time),
  CHECK (source = 'TIMER' OR end_time IS NOT NULL)
);
CREATE INDEX wo_time_logs_wo_idx ON wo_time_logs (work_order_id, start_time);
CREATE INDEX wo_time_logs_user_idx ON wo_time_logs (user_id, start_time);
-- At most one running timer per person, whatever races.
CREATE UNIQUE INDEX wo_time_logs_running_key ON wo_time_logs (user_id) WHERE end_time IS NULL;

CREATE TABLE wo_comments (
  id uuid PRIMARY KEY,
  work_order_id uuid NOT NULL REFERENCES work_orders(id),
  warehouse_id uuid NOT NULL REFERENCES warehouses(id),
  user_id uuid NOT NULL REFERENCES profiles(id),
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX wo_comments_wo_idx ON wo_comments (work_order_id, created_at);

-- The spec's wo_attachments: a work order's files (stored by the files module), optionally
-- tied to one checklist item.
CREATE TABLE wo_attachments (
  id uuid PRIMARY KEY,
  work_order_id uuid NOT NULL REFERENCES work_orders(id),
  warehouse_id uuid NOT NULL REFERENCES warehouses(id),
  checklist_item_id uuid REFERENCES wo_checklist_items(id),
  file_id uuid NOT NULL UNIQUE REFERENCES files(id),
  uploaded_by uuid NOT NULL REFERENCES profiles(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX wo_attachments_wo_idx ON wo_attachments (work_order_id, created_at);

-- Row-level security ----------------------------------------------------------------------------

-- Who may see a work order (domain.md): the site check first, then the role's reach.
CREATE FUNCTION app_work_order_visible(w uuid, requester uuid, assignees uuid[]) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT app_warehouse_visible(w) AND CASE app_current_role()
    WHEN 'ADMIN' THEN true
    WHEN 'MANAGER' THEN true
    WHEN 'SUPERVISOR' THEN true
    WHEN 'INVENTORY_CLERK' THEN true
    -- Technicians and contractors work what is assigned to them and follow what they reported
    -- themselves (a contractor reports only follow-ups of its own checklist issues).
    WHEN 'TECHNICIAN' THEN app_current_user_id() = ANY(assignees) OR requester = app_current_user_id()
    WHEN 'CONTRACTOR' THEN app_current_user_id() = ANY(assignees) OR requester = app_current_user_id()
    WHEN 'REQUESTER' THEN requester = app_current_user_id()
    ELSE false
  END
$$;

CREATE FUNCTION app_maintenance_role() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT app_current_role() IN ('ADMIN','MANAGER','SUPERVISOR','TECHNICIAN','INVENTORY_CLERK','CONTRACTOR','REQUESTER')
$$;

GRANT SELECT, INSERT, UPDATE ON equipment, equipment_downtime, work_orders, wo_checklist_items, wo_time_logs, wo_checklist_templates, wo_number_sequences TO plantops_app;
GRANT SELECT, INSERT ON equipment_status_history, wo_comments, wo_attachments TO plantops_app;
GRANT SELECT, INSERT, DELETE ON wo_assignees TO plantops_app;

ALTER TABLE work_orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY work_orders_read ON work_orders FOR SELECT
  USING (app_work_order_visible(warehouse_id, requested_by, assigned_to));
CREATE POLICY work_orders_insert ON work_orders FOR INSERT
  WITH CHECK (app_warehouse_visible(warehouse_id) AND requested_by = app_current_user_id()
    AND (app_current_role() IN ('ADMIN','MANAGER','SUPERVISOR','TECHNICIAN','REQUESTER') OR (app_current_role() = 'CONTRACTOR' AND follow_up)));
CREATE POLICY work_orders_update ON work_orders FOR UPDATE
  USING (app_work_order_visible(warehouse_id, requested_by, assigned_to) AND app_current_role() <> 'INVENTORY_CLERK')
  WITH CHECK (app_warehouse_visible(warehouse_id));

ALTER TABLE wo_number_sequences ENABLE ROW LEVEL SECURITY;
CREATE POLICY wo_number_sequences_scope ON wo_number_sequences FOR ALL
  USING (app_warehouse_visible(warehouse_id)) WITH CHECK (app_warehouse_visible(warehouse_id));

-- A work order's details are visible exactly when the work order is (its own policy applies
-- inside the subquery); the warehouse column keeps writes on the work order's site.
ALTER TABLE wo_assignees ENABLE ROW LEVEL SECURITY;
CREATE POLICY wo_assignees_scope ON wo_assignees FOR ALL
  USING (EXISTS (SELECT 1 FROM work_orders w WHERE w.id = work_order_id))
  WITH CHECK (app_warehouse_visible(warehouse_id) AND EXISTS (SELECT 1 FROM work_orders w WHERE w.id = work_order_id AND w.warehouse_id = wo_assignees.warehouse_id));
ALTER TABLE wo_checklist_items ENABLE ROW LEVEL SECURITY;
CREATE POLICY wo_checklist_items_scope ON wo_checklist_items FOR ALL
  USING (EXISTS (SELECT 1 FROM work_orders w WHERE w.id = work_order_id))
  WITH CHECK (app_warehouse_visible(warehouse_id) AND EXISTS (SELECT 1 FROM work_orders w WHERE w.id = work_order_id AND w.warehouse_id = wo_checklist_items.warehouse_id));
ALTER TABLE wo_time_logs ENABLE ROW LEVEL SECURITY;
CREATE POLICY wo_time_logs_scope ON wo_time_logs FOR ALL
  USING (EXISTS (SELECT 1 FROM work_orders w WHERE w.id = work_order_id))
  WITH CHECK (app_warehouse_visible(warehouse_id) AND EXISTS (SELECT 1 FROM work_orders w WHERE w.id = work_order_id AND w.warehouse_id = wo_time_logs.warehouse_id));
ALTER TABLE wo_comments ENABLE ROW LEVEL SECURITY;
CREATE POLICY wo_comments_scope ON wo_comments FOR ALL
  USING (EXISTS (SELECT 1 FROM work_orders w WHERE w.id = work_order_id))
  WITH CHECK (app_warehouse_visible(warehouse_id) AND EXISTS (SELECT 1 FROM work_orders w WHERE w.id = work_order_id AND w.warehouse_id = wo_comments.warehouse_id));
ALTER TABLE wo_attachments ENABLE ROW LEVEL SECURITY;
CREATE POLICY wo_attachments_scope ON wo_attachments FOR ALL
  USING (EXISTS (SELECT 1 FROM work_orders w WHERE w.id = work_order_id))
  WITH CHECK (app_warehouse_visible(warehouse_id) AND EXISTS (SELECT 1 FROM work_orders w WHERE w.id = work_order_id AND w.warehouse_id = wo_attachments.warehouse_id));

ALTER TABLE wo_checklist_templates ENABLE ROW LEVEL SECURITY;
CREATE POLICY wo_checklist_templates_read ON wo_checklist_templates FOR SELECT
  USING (app_warehouse_visible(warehouse_id) AND app_maintenance_role());
CREATE POLICY wo_checklist_templates_write ON wo_checklist_templates FOR INSERT
  WITH CHECK (app_warehouse_visible(warehouse_id) AND app_current_role() IN ('ADMIN','MANAGER','SUPERVISOR'));
CREATE POLICY wo_checklist_templates_update ON wo_checklist_templates FOR UPDATE
  USING (app_warehouse_visible(warehouse_id) AND app_current_role() IN ('ADMIN','MANAGER','SUPERVISOR'))
  WITH CHECK (app_warehouse_visible(warehouse_id));

-- Equipment: the site's maintenance people read it; a contractor only machines it works on.
CREATE FUNCTION app_equipment_visible(w uuid, equipment uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT app_warehouse_visible(w) AND CASE
    WHEN app_current_role() = 'CONTRACTOR' THEN EXISTS (
      SELECT 1 FROM work_orders wo WHERE wo.equipment_id = equipment AND app_current_user_id() = ANY(wo.assigned_to))
    ELSE app_maintenance_role()
  END
$$;

ALTER TABLE equipment ENABLE ROW LEVEL SECURITY;
CREATE POLICY equipment_read ON equipment FOR SELECT USING (app_equipment_visible(warehouse_id, id));
CREATE POLICY equipment_insert ON equipment FOR INSERT
  WITH CHECK (app_warehouse_visible(warehouse_id) AND app_current_role() IN ('ADMIN','MANAGER','SUPERVISOR'));
-- Technicians change a machine's status (equipment:status); the service limits them to that.
CREATE POLICY equipment_update ON equipment FOR UPDATE
  USING (app_warehouse_visible(warehouse_id) AND app_current_role() IN ('ADMIN','MANAGER','SUPERVISOR','TECHNICIAN'))
  WITH CHECK (app_warehouse_visible(warehouse_id));

ALTER TABLE equipment_status_history ENABLE ROW LEVEL SECURITY;
CREATE POLICY equipment_status_history_scope ON equipment_status_history FOR ALL
  USING (EXISTS (SELECT 1 FROM equipment e WHERE e.id = equipment_id))
  WITH CHECK (app_warehouse_visible(warehouse_id) AND EXISTS (SELECT 1 FROM equipment e WHERE e.id = equipment_id AND e.warehouse_id = equipment_status_history.warehouse_id));
ALTER TABLE equipment_downtime ENABLE ROW LEVEL SECURITY;
CREATE POLICY equipment_downtime_scope ON equipment_downtime FOR ALL
  USING (EXISTS (SELECT 1 FROM equipment e WHERE e.id = equipment_id))
  WITH CHECK (app_warehouse_visible(warehouse_id) AND EXISTS (SELECT 1 FROM equipment e WHERE e.id = equipment_id AND e.warehouse_id = equipment_downtime.warehouse_id));

-- Asset tags are unique across sites, but a user sees only their own site's equipment: this
-- answers "is the tag free?" without showing the other row. SECURITY DEFINER for that reason.
CREATE FUNCTION equipment_tag_taken(tag text, except_id uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM equipment WHERE lower(asset_tag) = lower(tag) AND (except_id IS NULL OR id <> except_id))
$$;
REVOKE ALL ON FUNCTION equipment_tag_taken(text, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION equipment_tag_taken(text, uuid) TO plantops_app;
