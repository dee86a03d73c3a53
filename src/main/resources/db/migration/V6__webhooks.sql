-- Webhooks (issue 5, ADR 0013) ----------------------------------------------------
CREATE TABLE webhook_endpoints (
  id                          uuid PRIMARY KEY,
  merchant_id                 uuid NOT NULL,
  url                         text NOT NULL,
  events                      text[] NOT NULL,
  description                 text,
  secret                      text NOT NULL,
  previous_secret             text,
  previous_secret_expires_at  timestamptz,
  status                      text NOT NULL CHECK (status IN ('enabled', 'disabled')),
  disabled_reason             text,
  failing_since               timestamptz,
  created_at                  timestamptz NOT NULL,
  updated_at                  timestamptz NOT NULL
);
CREATE INDEX webhook_endpoints_merchant_idx ON webhook_endpoints (merchant_id, id DESC);

-- One counter per order, bumped in the transaction that records an event: receivers order events by it.
CREATE TABLE order_event_sequences (
  order_id       uuid PRIMARY KEY,
  last_sequence  bigint NOT NULL
);

CREATE TABLE webhook_events (
  id           text PRIMARY KEY,
  merchant_id  uuid NOT NULL,
  type         text NOT NULL,
  order_id     uuid,
  sequence     bigint,
  source_key   text NOT NULL UNIQUE,
  payload      text NOT NULL,
  created_at   timestamptz NOT NULL
);

-- The outbox: one row per (event, endpoint), claimed by workers with FOR UPDATE SKIP LOCKED and a lease.
CREATE TABLE webhook_deliveries (
  id               uuid PRIMARY KEY,
  endpoint_id      uuid NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  event_id         text NOT NULL REFERENCES webhook_events (id),
  status           text NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
  attempts         int NOT NULL,
  next_attempt_at  timestamptz,
  lease_until      timestamptz,
  last_status      int,
  last_error       text,
  created_at       timestamptz NOT NULL,
  completed_at     timestamptz,
  UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, id DESC);
CREATE INDEX webhook_deliveries_failed_idx ON webhook_deliveries (endpoint_id, created_at) WHERE status = 'failed';

CREATE TABLE webhook_attempts (
  delivery_id    uuid NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
  attempt        int NOT NULL,
  attempted_at   timestamptz NOT NULL,
  status_code    int,
  latency_ms     int NOT NULL,
  error          text,
  next_retry_at  timestamptz,
  PRIMARY KEY (delivery_id, attempt)
);
