-- Customers prove their email by following an emailed link; claiming a password-less account proves it too (ADR 0036).
ALTER TABLE accounts ADD COLUMN email_verified_at timestamptz;

-- Single-use emailed tokens (claim an account, verify an email): only the SHA-256 digest is stored.
CREATE TABLE account_tokens (
  id          uuid PRIMARY KEY,
  account_id  uuid NOT NULL REFERENCES accounts (id),
  purpose     text NOT NULL CHECK (purpose IN ('claim', 'verify_email')),
  token_hash  bytea NOT NULL UNIQUE,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  created_at  timestamptz NOT NULL
);
-- at most one email a minute per account and purpose
CREATE INDEX account_tokens_account_idx ON account_tokens (account_id, purpose, created_at DESC);
