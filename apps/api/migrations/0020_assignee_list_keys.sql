-- "My work" lists page by keyset over a person's own assignment rows (decision 0017).
--
-- A technician's list (assignee=me) had to find the technician's work among all of it: every one
-- of the ~34,000 assignments a bench technician has was read and hashed before the first page
-- (p95 2.4 s at 40 req/s). wo_assignees now carries copies of the work order's sort keys (status,
-- priority, due date, creation time), kept by triggers, and an index per list order, so a page
-- walks the person's rows in list order and stops after one page.

ALTER TABLE wo_assignees
  ADD COLUMN wo_status text,
  ADD COLUMN wo_priority_rank smallint,
  ADD COLUMN wo_due_date date,
  ADD COLUMN wo_created_at timestamptz;

UPDATE wo_assignees a SET wo_status = w.status, wo_priority_rank = w.priority_rank, wo_due_date = w.due_date, wo_created_at = w.created_at
  FROM work_orders w WHERE w.id = a.work_order_id;

ALTER TABLE wo_assignees
  ALTER COLUMN wo_status SET NOT NULL,
  ALTER COLUMN wo_priority_rank SET NOT NULL,
  ALTER COLUMN wo_created_at SET NOT NULL,
  -- Open work (domain.md's states before COMPLETED): what "My work" shows.
  ADD COLUMN wo_open boolean GENERATED ALWAYS AS (wo_status IN ('NEW','ASSIGNED','IN_PROGRESS','ON_HOLD')) STORED;

-- A new assignment copies its work order's keys. SECURITY DEFINER: the copy must not depend on
-- what the assigning role's row-level security shows (the policies check the row afterwards).
CREATE FUNCTION app_assignee_takes_keys() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  SELECT w.status, w.priority_rank, w.due_date, w.created_at INTO NEW.wo_status, NEW.wo_priority_rank, NEW.wo_due_date, NEW.wo_created_at
    FROM work_orders w WHERE w.id = NEW.work_order_id;
  RETURN NEW;
END $$;
CREATE TRIGGER wo_assignees_take_keys BEFORE INSERT ON wo_assignees FOR EACH ROW EXECUTE FUNCTION app_assignee_takes_keys();

-- A work order's change of status, priority or due date moves its assignment rows along (the
-- application role has no UPDATE on wo_assignees; SECURITY DEFINER writes them).
CREATE FUNCTION app_assignees_follow_work_order() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  UPDATE wo_assignees SET wo_status = NEW.status, wo_priority_rank = NEW.priority_rank, wo_due_date = NEW.due_date, wo_created_at = NEW.created_at
   WHERE work_order_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER work_orders_assignees_follow AFTER UPDATE OF status, priority, due_date, created_at ON work_orders
  FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.priority IS DISTINCT FROM NEW.priority
        OR OLD.due_date IS DISTINCT FROM NEW.due_date OR OLD.created_at IS DISTINCT FROM NEW.created_at)
  EXECUTE FUNCTION app_assignees_follow_work_order();

-- One index per order the lists walk (work-orders.repo.ts, ASSIGNEE_KEYS): newest first over all
-- of a person's work; by priority and by due date over open work only (small: closed work piles
-- up, open work does not). The first also answers "which work orders has this person" (it
-- replaces the index on (user_id, assigned_at)).
CREATE INDEX wo_assignees_user_created_idx ON wo_assignees (user_id, wo_created_at DESC, work_order_id DESC);
CREATE INDEX wo_assignees_user_open_priority_idx ON wo_assignees (user_id, wo_priority_rank DESC, wo_created_at DESC, work_order_id DESC) WHERE wo_open;
CREATE INDEX wo_assignees_user_open_due_idx ON wo_assignees (user_id, coalesce(wo_due_date, '9999-12-31'::date), work_order_id) WHERE wo_open;
DROP INDEX wo_assignees_user_idx;

-- The equipment policy's function could not be inlined (its EXISTS for contractors): PostgreSQL
-- planned its body again in every statement that read equipment, ~0.5 ms per statement (the
-- work-order detail and every list join equipment). The contractor's check moves to a function
-- of its own, reached only for contractors; what each role sees is unchanged.
CREATE FUNCTION app_contractor_works_on(equipment uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM work_orders wo WHERE wo.equipment_id = equipment AND app_current_user_id() = ANY(wo.assigned_to))
$$;
CREATE OR REPLACE FUNCTION app_equipment_visible(w uuid, equipment uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT app_warehouse_visible(w) AND CASE WHEN app_current_role() = 'CONTRACTOR' THEN app_contractor_works_on(equipment) ELSE app_maintenance_role() END
$$;
