-- Identity -------------------------------------------------------------------
CREATE TABLE accounts (
  id                uuid PRIMARY KEY,
  role              text NOT NULL CHECK (role IN ('customer', 'driver', 'operator')),
  email             text NOT NULL,
  password_hash     text,
  name              text NOT NULL,
  phone             text,
  vehicle_type      text CHECK (vehicle_type IN ('car', 'van', 'bike', 'cargo_bike')),
  vehicle_capacity  int CHECK (vehicle_capacity > 0),
  created_at        timestamptz NOT NULL
);
CREATE UNIQUE INDEX accounts_email_uq ON accounts (lower(email));

CREATE TABLE signing_keys (
  kid          text PRIMARY KEY,
  private_key  bytea NOT NULL,
  public_key   bytea NOT NULL,
  created_at   timestamptz NOT NULL
);

CREATE TABLE refresh_tokens (
  id          uuid PRIMARY KEY,
  family_id   uuid NOT NULL,
  account_id  uuid NOT NULL REFERENCES accounts (id),
  token_hash  bytea NOT NULL UNIQUE,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  revoked_at  timestamptz,
  created_at  timestamptz NOT NULL
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);

CREATE TABLE api_keys (
  id           uuid PRIMARY KEY,
  merchant_id  uuid NOT NULL,
  key_hash     bytea NOT NULL UNIQUE,
  prefix       text NOT NULL,
  created_at   timestamptz NOT NULL,
  revoked_at   timestamptz
);
CREATE INDEX api_keys_merchant_idx ON api_keys (merchant_id);

-- Merchants and policy -----------------------------------------------------------
CREATE TABLE merchants (
  id          uuid PRIMARY KEY,
  name        text NOT NULL,
  created_at  timestamptz NOT NULL
);

CREATE TABLE hubs (
  id           uuid PRIMARY KEY,
  merchant_id  uuid NOT NULL REFERENCES merchants (id),
  name         text NOT NULL,
  address      text NOT NULL,
  lat          double precision NOT NULL,
  lng          double precision NOT NULL
);
CREATE INDEX hubs_merchant_idx ON hubs (merchant_id);

CREATE TABLE return_policies (
  merchant_id           uuid NOT NULL,
  version               int NOT NULL,
  window_days           int NOT NULL,
  excluded_categories   text[] NOT NULL,
  max_items             int NOT NULL,
  max_item_value_cents  bigint NOT NULL,
  rules                 jsonb NOT NULL,
  created_at            timestamptz NOT NULL,
  PRIMARY KEY (merchant_id, version)
);

CREATE TABLE service_areas (
  id          uuid PRIMARY KEY,
  name        text NOT NULL,
  polygon     jsonb NOT NULL,
  min_lat     double precision NOT NULL,
  max_lat     double precision NOT NULL,
  min_lng     double precision NOT NULL,
  max_lng     double precision NOT NULL,
  created_at  timestamptz NOT NULL
);

-- Orders ------------------------------------------------------------------------
CREATE TABLE quotes (
  id              uuid PRIMARY KEY,
  owner           text NOT NULL,
  merchant_id     uuid NOT NULL,
  request         jsonb NOT NULL,
  eligible        boolean NOT NULL,
  amount_cents    bigint NOT NULL,
  currency        text NOT NULL,
  policy_version  int NOT NULL,
  expires_at      timestamptz NOT NULL,
  used_at         timestamptz,
  created_at      timestamptz NOT NULL
);

CREATE TABLE orders (
  id              uuid PRIMARY KEY,
  merchant_id     uuid NOT NULL,
  customer_id     uuid NOT NULL,
  driver_id       uuid,
  status          text NOT NULL,
  pickup_address  text NOT NULL,
  pickup_lat      double precision NOT NULL,
  pickup_lng      double precision NOT NULL,
  window_start    timestamptz NOT NULL,
  window_end      timestamptz NOT NULL,
  items           jsonb NOT NULL,
  amount_cents    bigint NOT NULL,
  currency        text NOT NULL,
  policy_version  int NOT NULL,
  quote_id        uuid UNIQUE,
  cancel_reason   text,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  version         int NOT NULL
);
-- Ids are UUIDv7, so id order is creation order: every list is a range scan on one of these.
CREATE INDEX orders_customer_idx        ON orders (customer_id, id DESC);
CREATE INDEX orders_customer_status_idx ON orders (customer_id, status, id DESC);
CREATE INDEX orders_merchant_idx        ON orders (merchant_id, id DESC);
CREATE INDEX orders_merchant_status_idx ON orders (merchant_id, status, id DESC);
CREATE INDEX orders_status_idx          ON orders (status, id DESC);
CREATE INDEX orders_driver_idx          ON orders (driver_id, id DESC) WHERE driver_id IS NOT NULL;

CREATE TABLE order_timeline (
  order_id     uuid NOT NULL REFERENCES orders (id),
  sequence     int NOT NULL,
  type         text NOT NULL,
  occurred_at  timestamptz NOT NULL,
  detail       text,
  PRIMARY KEY (order_id, sequence),
  UNIQUE (order_id, type, occurred_at)
);

-- Platform ----------------------------------------------------------------------
CREATE TABLE idempotency_keys (
  scope                  text NOT NULL,
  key                    text NOT NULL,
  request_hash           bytea NOT NULL,
  status                 text NOT NULL CHECK (status IN ('in_flight', 'completed')),
  response_status        int,
  response_content_type  text,
  response_body          bytea,
  created_at             timestamptz NOT NULL,
  completed_at           timestamptz,
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

-- Spring Modulith event publication registry (schema v2 of spring-modulith-events-jdbc 2.1)
CREATE TABLE event_publication (
  id                      uuid NOT NULL,
  listener_id             text NOT NULL,
  event_type              text NOT NULL,
  serialized_event        text NOT NULL,
  publication_date        timestamptz NOT NULL,
  completion_date         timestamptz,
  status                  text,
  completion_attempts     int,
  last_resubmission_date  timestamptz,
  PRIMARY KEY (id)
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
