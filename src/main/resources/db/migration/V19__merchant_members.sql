-- Merchant staff (ADR 0044): people who belong to one merchant, as admin or support. They are accounts with role
-- 'merchant' (password, TOTP, refresh tokens as any person), and one membership row each.
ALTER TABLE accounts DROP CONSTRAINT IF EXISTS accounts_role_check;
ALTER TABLE accounts ADD CONSTRAINT accounts_role_check CHECK (role IN ('customer', 'driver', 'operator', 'merchant'));

CREATE TABLE merchant_members (
  account_id   uuid PRIMARY KEY REFERENCES accounts (id),
  merchant_id  uuid NOT NULL,
  role         text NOT NULL CHECK (role IN ('admin', 'support')),
  created_at   timestamptz NOT NULL,
  removed_at   timestamptz
);
CREATE INDEX merchant_members_merchant_idx ON merchant_members (merchant_id, created_at) WHERE removed_at IS NULL;

-- Single-use invitation links: only the SHA-256 digest of the token is stored, as for account tokens.
CREATE TABLE merchant_invitations (
  id             uuid PRIMARY KEY,
  merchant_id    uuid NOT NULL,
  merchant_name  text NOT NULL,
  email          text NOT NULL,
  role           text NOT NULL CHECK (role IN ('admin', 'support')),
  token_hash     bytea NOT NULL UNIQUE,
  invited_by     text NOT NULL,
  created_at     timestamptz NOT NULL,
  expires_at     timestamptz NOT NULL,
  accepted_at    timestamptz,
  cancelled_at   timestamptz,
  member_id      uuid REFERENCES accounts (id)
);
CREATE INDEX merchant_invitations_pending_idx ON merchant_invitations (merchant_id, created_at)
  WHERE accepted_at IS NULL AND cancelled_at IS NULL;
