-- Background jobs, the real-time event outbox, notifications and their preferences.

CREATE TABLE job_definitions (
  name text PRIMARY KEY,
  description text NOT NULL DEFAULT '',
  schedule text,
  enabled boolean NOT NULL DEFAULT true,
  max_attempts integer NOT NULL DEFAULT 5,
  timeout_seconds integer NOT NULL DEFAULT 300,
  next_run_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One row per execution. run_key makes a scheduled slot unique, so however many processes see it
-- due, it is queued (and so run) once.
CREATE TABLE job_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  job_name text NOT NULL REFERENCES job_definitions(name) ON DELETE CASCADE,
  run_key text UNIQUE,
  status text NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED','RUNNING','SUCCEEDED','FAILED','DEAD')),
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  result jsonb,
  progress integer,
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5,
  scheduled_for timestamptz NOT NULL DEFAULT now(),
  lease_until timestamptz,
  locked_by text,
  started_at timestamptz,
  finished_at timestamptz,
  duration_ms integer,
  error text,
  triggered_by uuid REFERENCES profiles(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX job_runs_due_idx ON job_runs (scheduled_for) WHERE status = 'QUEUED';
CREATE INDEX job_runs_lease_idx ON job_runs (lease_until) WHERE status = 'RUNNING';
CREATE INDEX job_runs_name_time_idx ON job_runs (job_name, created_at DESC);

-- Real-time outbox: written in the writer's transaction; a trigger NOTIFYs at commit, so a
-- rolled-back change sends nothing. Ids are ordered, so a reconnecting client can resume.
CREATE TABLE realtime_events (
  id bigserial PRIMARY KEY,
  channel text NOT NULL,
  warehouse_id uuid,
  user_id uuid,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX realtime_events_channel_idx ON realtime_events (channel, id);
CREATE INDEX realtime_events_time_idx ON realtime_events (created_at);

CREATE FUNCTION realtime_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('plantops_events', NEW.id::text);
  RETURN NEW;
END $$;
CREATE TRIGGER realtime_events_notify AFTER INSERT ON realtime_events
  FOR EACH ROW EXECUTE FUNCTION realtime_events_notify();

CREATE TABLE notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  warehouse_id uuid NOT NULL REFERENCES warehouses(id),
  type text NOT NULL,
  title text NOT NULL,
  message text NOT NULL,
  link text,
  data jsonb NOT NULL DEFAULT '{}'::jsonb,
  work_order_id uuid,
  part_id uuid,
  read boolean NOT NULL DEFAULT false,
  read_at timestamptz,
  -- Shown in the app (the user may switch a type off in-app but keep its e-mail).
  in_app boolean NOT NULL DEFAULT true,
  -- The notification sender decides e-mail by the user's preferences and quiet hours.
  email_status text NOT NULL DEFAULT 'PENDING' CHECK (email_status IN ('PENDING','QUEUED','SKIPPED')),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC) WHERE in_app;
CREATE INDEX notifications_email_pending_idx ON notifications (created_at) WHERE email_status = 'PENDING';
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE NOT read AND in_app;

CREATE TABLE notification_preferences (
  user_id uuid PRIMARY KEY REFERENCES profiles(id) ON DELETE CASCADE,
  in_app boolean NOT NULL DEFAULT true,
  email boolean NOT NULL DEFAULT true,
  types jsonb NOT NULL DEFAULT '{}'::jsonb,
  quiet_hours_start time,
  quiet_hours_end time,
  timezone text NOT NULL DEFAULT 'UTC',
  updated_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE mail_outbox ADD COLUMN notification_id uuid REFERENCES notifications(id) ON DELETE SET NULL;

-- Request transactions publish events and notify users of their site; they read only their own.
GRANT INSERT ON realtime_events TO plantops_app;
GRANT USAGE ON SEQUENCE realtime_events_id_seq TO plantops_app;
ALTER TABLE realtime_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY realtime_events_publish ON realtime_events FOR INSERT
  WITH CHECK (warehouse_id IS NULL OR app_warehouse_visible(warehouse_id));

GRANT SELECT, INSERT, UPDATE ON notifications TO plantops_app;
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
CREATE POLICY notifications_own_read ON notifications FOR SELECT USING (user_id = app_current_user_id());
CREATE POLICY notifications_own_update ON notifications FOR UPDATE
  USING (user_id = app_current_user_id()) WITH CHECK (user_id = app_current_user_id());
CREATE POLICY notifications_site_insert ON notifications FOR INSERT WITH CHECK (app_warehouse_visible(warehouse_id));

GRANT SELECT, INSERT, UPDATE ON notification_preferences TO plantops_app;
ALTER TABLE notification_preferences ENABLE ROW LEVEL SECURITY;
CREATE POLICY notification_preferences_own ON notification_preferences FOR ALL
  USING (user_id = app_current_user_id()) WITH CHECK (user_id = app_current_user_id());

-- Whether recipients want a type in-app. SECURITY DEFINER: a supervisor's action notifies
-- colleagues whose preference rows its own transaction may not read.
CREATE FUNCTION notification_in_app(recipients uuid[], notification_type text)
RETURNS TABLE (user_id uuid, in_app boolean) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT r.id, coalesce((np.types -> notification_type ->> 'inApp')::boolean, np.in_app, true)
    FROM unnest(recipients) AS r(id) LEFT JOIN notification_preferences np ON np.user_id = r.id
$$;
REVOKE ALL ON FUNCTION notification_in_app(uuid[], text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION notification_in_app(uuid[], text) TO plantops_app;

-- KPI snapshots written by the metrics aggregator; domain modules add their metrics.
CREATE TABLE metrics_snapshots (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  metric text NOT NULL,
  warehouse_id uuid REFERENCES warehouses(id),
  value jsonb NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX metrics_snapshots_metric_idx ON metrics_snapshots (metric, computed_at DESC);
GRANT SELECT ON metrics_snapshots TO plantops_app;
ALTER TABLE metrics_snapshots ENABLE ROW LEVEL SECURITY;
CREATE POLICY metrics_snapshots_read ON metrics_snapshots FOR SELECT
  USING (warehouse_id IS NULL OR app_warehouse_visible(warehouse_id));
