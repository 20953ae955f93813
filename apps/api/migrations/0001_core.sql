-- Core platform tables: warehouses, users (profiles + credentials), sessions, audit, settings, mail.

CREATE TABLE warehouses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  address text,
  timezone text NOT NULL DEFAULT 'UTC',
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Roles are text with a check (not a PG enum) so that adding a role is a plain migration.
CREATE TABLE profiles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  role text NOT NULL CHECK (role IN ('ADMIN','MANAGER','SUPERVISOR','TECHNICIAN','INVENTORY_CLERK',
    'CONTRACTOR','REQUESTER','PRODUCTION_COORDINATOR','ASSEMBLER','QC_PERSON','PROCUREMENT','SERVICE_TECH')),
  warehouse_id uuid NOT NULL REFERENCES warehouses(id),
  first_name text NOT NULL,
  last_name text NOT NULL,
  phone text,
  email text NOT NULL,
  preferences jsonb NOT NULL DEFAULT '{}'::jsonb,
  active boolean NOT NULL DEFAULT true,
  email_verified boolean NOT NULL DEFAULT false,
  last_login_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX profiles_email_key ON profiles (lower(email));
CREATE INDEX profiles_warehouse_role_idx ON profiles (warehouse_id, role);
CREATE INDEX profiles_name_idx ON profiles (last_name, first_name);

-- password_hash is an argon2id PHC string, which embeds its own salt; password_salt stays NULL
-- for such hashes and exists for the CMMS spec's schema and for importing legacy hashes.
CREATE TABLE user_credentials (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL UNIQUE REFERENCES profiles(id) ON DELETE CASCADE,
  password_hash text NOT NULL,
  password_salt text,
  must_change_password boolean NOT NULL DEFAULT false,
  previous_passwords jsonb NOT NULL DEFAULT '[]'::jsonb,
  failed_attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  totp_secret text,
  totp_pending_secret text,
  totp_enabled boolean NOT NULL DEFAULT false,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  session_id text NOT NULL UNIQUE,
  expires_at timestamptz NOT NULL,
  ip_address text,
  user_agent text,
  device_fingerprint text,
  is_active boolean NOT NULL DEFAULT true,
  remember_me boolean NOT NULL DEFAULT false,
  ended_reason text,
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX user_sessions_active_user_idx ON user_sessions (user_id, created_at) WHERE is_active;

-- Each refresh token is single-use; a used one presented again reveals theft (reuse detection).
CREATE TABLE refresh_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id uuid NOT NULL REFERENCES user_sessions(id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id);

CREATE TABLE password_reset_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX password_reset_tokens_user_idx ON password_reset_tokens (user_id);

CREATE TABLE mail_outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  to_address text NOT NULL,
  subject text NOT NULL,
  body_text text NOT NULL,
  status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','SENT','FAILED')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
CREATE INDEX mail_outbox_pending_idx ON mail_outbox (next_attempt_at) WHERE status = 'PENDING';

CREATE TABLE system_logs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  action text NOT NULL,
  table_name text NOT NULL,
  record_id uuid,
  user_id uuid REFERENCES profiles(id) ON DELETE SET NULL,
  "timestamp" timestamptz NOT NULL DEFAULT now(),
  description text,
  warehouse_id uuid REFERENCES warehouses(id),
  before_data jsonb,
  after_data jsonb,
  request_id text,
  ip_address text
);
CREATE INDEX system_logs_time_idx ON system_logs ("timestamp" DESC, id DESC);
CREATE INDEX system_logs_warehouse_time_idx ON system_logs (warehouse_id, "timestamp" DESC);
CREATE INDEX system_logs_record_idx ON system_logs (table_name, record_id);
CREATE INDEX system_logs_user_time_idx ON system_logs (user_id, "timestamp" DESC);
CREATE INDEX system_logs_action_time_idx ON system_logs (action, "timestamp" DESC);

CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_by uuid REFERENCES profiles(id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Server secrets generated on first start (e.g. the JWT key when JWT_SECRET is not set).
CREATE TABLE app_secrets (
  name text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
