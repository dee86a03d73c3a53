-- What happened at the door and after ----------------------------------------------
ALTER TABLE orders ADD COLUMN pickup_proof jsonb;
ALTER TABLE orders ADD COLUMN delivered_hub_id uuid;
ALTER TABLE orders ADD COLUMN failure_reason text;
ALTER TABLE orders ADD COLUMN failure_note text;
-- Capacity: the parcels a driver carries now.
CREATE INDEX orders_driver_active_idx ON orders (driver_id)
  WHERE status IN ('assigned', 'en_route', 'picked_up');

-- Dispatch ---------------------------------------------------------------------------
CREATE TABLE dispatch_jobs (
  order_id        uuid PRIMARY KEY REFERENCES orders (id),
  pickup_lat      double precision NOT NULL,
  pickup_lng      double precision NOT NULL,
  item_count      int NOT NULL,
  window_start    timestamptz NOT NULL,
  dispatch_at     timestamptz NOT NULL,
  status          text NOT NULL CHECK (status IN ('pending', 'offering', 'assigned', 'unassigned', 'cancelled')),
  misses          int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL
);
CREATE INDEX dispatch_jobs_due_idx ON dispatch_jobs (next_attempt_at) WHERE status = 'pending';
CREATE INDEX dispatch_jobs_unassigned_idx ON dispatch_jobs (updated_at DESC) WHERE status = 'unassigned';

CREATE TABLE offers (
  id            uuid PRIMARY KEY,
  order_id      uuid NOT NULL REFERENCES orders (id),
  driver_id     uuid NOT NULL,
  status        text NOT NULL CHECK (status IN ('offered', 'accepted', 'declined', 'expired', 'withdrawn')),
  distance_km   double precision NOT NULL,
  created_at    timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL,
  responded_at  timestamptz
);
-- At most one open offer per order, and per driver: two drivers can never both hold the same order.
CREATE UNIQUE INDEX offers_one_open_per_order ON offers (order_id) WHERE status = 'offered';
CREATE UNIQUE INDEX offers_one_open_per_driver ON offers (driver_id) WHERE status = 'offered';
CREATE INDEX offers_expiry_idx ON offers (expires_at) WHERE status = 'offered';
CREATE INDEX offers_order_idx ON offers (order_id, created_at);

-- Live stream: what subscribers are sent, kept so that a reconnecting client resumes where it left off ----
CREATE TABLE stream_events (
  id          bigserial PRIMARY KEY,
  order_id    uuid NOT NULL,
  type        text NOT NULL,
  data        jsonb NOT NULL,
  created_at  timestamptz NOT NULL
);
CREATE INDEX stream_events_order_idx ON stream_events (order_id, id);
CREATE INDEX stream_events_created_idx ON stream_events (created_at);

-- Public tracking links: an unguessable token per order, for sharing without a login -------------
CREATE TABLE tracking_links (
  order_id    uuid PRIMARY KEY REFERENCES orders (id),
  token       text NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL
);
