-- Row-level security: request transactions run as the non-superuser role plantops_app with
-- transaction-local settings app.current_user_id / app.current_warehouse_id / app.current_role
-- (and app.all_warehouses for ADMIN and MANAGER working across sites). Security tables
-- (credentials, refresh and reset tokens, secrets, mail) are not granted to it at all.

DO $$ BEGIN
  CREATE ROLE plantops_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

-- A non-superuser owner must be a member to SET ROLE; superusers need nothing.
DO $$ BEGIN
  EXECUTE format('GRANT plantops_app TO %I', current_user);
EXCEPTION WHEN others THEN NULL;
END $$;

GRANT USAGE ON SCHEMA public TO plantops_app;

CREATE FUNCTION app_current_user_id() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.current_user_id', true), '')::uuid $$;

CREATE FUNCTION app_current_role() RETURNS text LANGUAGE sql STABLE AS
$$ SELECT coalesce(current_setting('app.current_role', true), '') $$;

CREATE FUNCTION app_warehouse_visible(w uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT w = nullif(current_setting('app.current_warehouse_id', true), '')::uuid
      OR (coalesce(current_setting('app.all_warehouses', true), '') = 'on'
          AND app_current_role() IN ('ADMIN', 'MANAGER'))
$$;

GRANT SELECT, INSERT, UPDATE ON warehouses TO plantops_app;
ALTER TABLE warehouses ENABLE ROW LEVEL SECURITY;
CREATE POLICY warehouses_read ON warehouses FOR SELECT USING (app_warehouse_visible(id));
CREATE POLICY warehouses_admin_insert ON warehouses FOR INSERT WITH CHECK (app_current_role() = 'ADMIN');
CREATE POLICY warehouses_admin_update ON warehouses FOR UPDATE
  USING (app_current_role() = 'ADMIN') WITH CHECK (app_current_role() = 'ADMIN');

GRANT SELECT, INSERT, UPDATE ON profiles TO plantops_app;
ALTER TABLE profiles ENABLE ROW LEVEL SECURITY;
CREATE POLICY profiles_scope ON profiles FOR ALL
  USING (app_warehouse_visible(warehouse_id) OR id = app_current_user_id())
  WITH CHECK (app_warehouse_visible(warehouse_id) OR id = app_current_user_id());

-- Creating a user sets its first password; reading hashes stays with the auth service.
GRANT INSERT ON user_credentials TO plantops_app;
ALTER TABLE user_credentials ENABLE ROW LEVEL SECURITY;
CREATE POLICY user_credentials_insert ON user_credentials FOR INSERT
  WITH CHECK (EXISTS (SELECT 1 FROM profiles p WHERE p.id = user_id));

-- User administration ends a deactivated user's sessions; the profiles policy scopes it.
GRANT SELECT, UPDATE ON user_sessions TO plantops_app;
ALTER TABLE user_sessions ENABLE ROW LEVEL SECURITY;
CREATE POLICY user_sessions_scope ON user_sessions FOR ALL
  USING (EXISTS (SELECT 1 FROM profiles p WHERE p.id = user_id));

GRANT SELECT, INSERT ON system_logs TO plantops_app;
ALTER TABLE system_logs ENABLE ROW LEVEL SECURITY;
CREATE POLICY system_logs_read ON system_logs FOR SELECT
  USING (app_warehouse_visible(warehouse_id) OR (warehouse_id IS NULL AND app_current_role() = 'ADMIN'));
CREATE POLICY system_logs_write ON system_logs FOR INSERT
  WITH CHECK (warehouse_id IS NULL OR app_warehouse_visible(warehouse_id));

GRANT SELECT, INSERT, UPDATE ON settings TO plantops_app;
ALTER TABLE settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY settings_read ON settings FOR SELECT USING (true);
CREATE POLICY settings_admin_insert ON settings FOR INSERT WITH CHECK (app_current_role() = 'ADMIN');
CREATE POLICY settings_admin_update ON settings FOR UPDATE
  USING (app_current_role() = 'ADMIN') WITH CHECK (app_current_role() = 'ADMIN');
