-- Security hardening (issue 7, ADR 0015 and 0016) ------------------------------------------------

-- Signing keys rotate: the newest live key signs; a retired key still verifies until tokens it signed expire.
ALTER TABLE signing_keys ADD COLUMN retired_at timestamptz;

-- Audit log: append-only. The triggers refuse UPDATE, DELETE and TRUNCATE for every role that does not own the
-- table and disable them (ADR 0016: in production the application's role gets INSERT and SELECT only).
CREATE TABLE audit_events (
  id           uuid PRIMARY KEY,            -- UUIDv7: id order is time order, the cursor of GET /v1/audit-events
  occurred_at  timestamptz NOT NULL,
  actor        text NOT NULL,               -- "operator:<uuid>", "merchant:<uuid>", "anonymous", "system"
  ip           text,
  action       text NOT NULL,               -- "login.failed", "api_key.created", "policy.changed", ...
  target_type  text NOT NULL,
  target_id    text,
  detail       jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_events_action_idx ON audit_events (action, id DESC);
CREATE INDEX audit_events_actor_idx  ON audit_events (actor, id DESC);
CREATE INDEX audit_events_target_idx ON audit_events (target_id, id DESC);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_events_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM PUBLIC;

-- Rate limits: Bucket4j's PostgreSQL backend keeps one token bucket per (tier, caller) here, shared by all nodes.
CREATE TABLE rate_limit_buckets (
  id          text PRIMARY KEY,
  state       bytea,
  expires_at  bigint
);
CREATE INDEX rate_limit_buckets_expires_idx ON rate_limit_buckets (expires_at);

-- Login throttling: failures per account (by email, known or not) and per client IP; growing lockouts.
CREATE TABLE login_failures (
  key              text PRIMARY KEY,         -- "account:<lower email>" or "ip:<address>"
  failures         int NOT NULL,
  last_failure_at  timestamptz NOT NULL,
  blocked_until    timestamptz
);

-- Two-factor authentication (TOTP, RFC 6238) and single-use recovery codes.
CREATE TABLE totp_credentials (
  account_id      uuid PRIMARY KEY REFERENCES accounts (id),
  secret          bytea NOT NULL,
  confirmed_at    timestamptz,
  last_used_step  bigint NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL
);

CREATE TABLE recovery_codes (
  account_id  uuid NOT NULL REFERENCES accounts (id),
  code_hash   bytea NOT NULL,
  used_at     timestamptz,
  PRIMARY KEY (account_id, code_hash)
);

-- Erased customers keep their row (orders and ledger point at it) without personal data.
ALTER TABLE accounts ADD COLUMN erased_at timestamptz;
