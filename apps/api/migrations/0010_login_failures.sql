-- Failed sign-ins are counted per normalised e-mail address, whether or not an account has it, so
-- that an unknown address locks exactly like a known one and the lockout tells nobody which
-- addresses exist (decision 0007). Only the auth service (the owner role) reads or writes it:
-- plantops_app gets no grant.
CREATE TABLE login_failures (
  email text PRIMARY KEY CHECK (email = lower(email)),
  failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  locked_until timestamptz,
  last_failed_at timestamptz NOT NULL DEFAULT now()
);
-- Old rows are pruned by age.
CREATE INDEX login_failures_last_failed_idx ON login_failures (last_failed_at);

-- Locks and counts in force move over from the per-account columns, which are no longer read.
INSERT INTO login_failures (email, failed_attempts, locked_until, last_failed_at)
SELECT lower(p.email), c.failed_attempts, c.locked_until, now()
  FROM user_credentials c JOIN profiles p ON p.id = c.user_id
 WHERE c.failed_attempts > 0 OR c.locked_until > now()
ON CONFLICT (email) DO NOTHING;
