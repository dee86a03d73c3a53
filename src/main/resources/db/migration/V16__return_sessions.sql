-- Return links (ADR 0035): a merchant prefills a return for its customer; the link's token is stored only as its
-- SHA-256 digest. Status is derived: used (order_id), revoked (revoked_at), expired (expires_at), else open.
CREATE TABLE return_sessions (
  id                  uuid PRIMARY KEY,
  merchant_id         uuid NOT NULL REFERENCES merchants (id),
  customer_id         uuid NOT NULL REFERENCES accounts (id),
  customer_name       text NOT NULL,
  customer_email      text NOT NULL,
  customer_phone      text,
  merchant_order_ref  text NOT NULL,
  items               jsonb NOT NULL,
  token_hash          bytea NOT NULL UNIQUE,
  expires_at          timestamptz NOT NULL,
  revoked_at          timestamptz,
  order_id            uuid UNIQUE,
  used_at             timestamptz,
  created_at          timestamptz NOT NULL
);
-- GET /v1/return-sessions: the merchant's, newest first (any status filter is checked on these rows)
CREATE INDEX return_sessions_merchant_idx ON return_sessions (merchant_id, id DESC);
-- a customer's erasure reaches their sessions
CREATE INDEX return_sessions_customer_idx ON return_sessions (customer_id);

-- The order booked from a return link; one order per link, whatever races past the session's row lock.
ALTER TABLE orders ADD COLUMN return_session_id uuid;
CREATE UNIQUE INDEX orders_return_session_uq ON orders (return_session_id) WHERE return_session_id IS NOT NULL;
