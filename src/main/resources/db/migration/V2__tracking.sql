-- Tracking ----------------------------------------------------------------------
-- Shift history; the open row (ended_at IS NULL) is the current shift, at most one per driver.
-- updated_at is the database's clock, so every node can follow changes by one watermark (ADR 0007).
CREATE TABLE driver_shifts (
  id          uuid PRIMARY KEY,
  driver_id   uuid NOT NULL REFERENCES accounts (id),
  started_at  timestamptz NOT NULL,
  ended_at    timestamptz,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (ended_at IS NULL OR ended_at >= started_at)
);
CREATE UNIQUE INDEX driver_shifts_open_uq ON driver_shifts (driver_id) WHERE ended_at IS NULL;
CREATE INDEX driver_shifts_driver_idx ON driver_shifts (driver_id, started_at DESC);
CREATE INDEX driver_shifts_updated_idx ON driver_shifts (updated_at);

-- Every ping, in daily partitions created ahead and dropped whole after the retention by PartitionMaintenance.
-- No DEFAULT partition: rows in it would block creating the partition for their day later.
CREATE TABLE driver_pings (
  driver_id    uuid NOT NULL,
  recorded_at  timestamptz NOT NULL,
  lat          double precision NOT NULL,
  lng          double precision NOT NULL,
  accuracy_m   double precision,
  speed_mps    double precision,
  heading_deg  double precision,
  flagged      boolean NOT NULL,
  received_at  timestamptz NOT NULL
) PARTITION BY RANGE (recorded_at);
CREATE INDEX driver_pings_driver_idx ON driver_pings (driver_id, recorded_at);

-- The truth about where each driver is; only ever moved forward in recorded_at, never by a flagged ping.
CREATE TABLE driver_positions_latest (
  driver_id    uuid PRIMARY KEY,
  lat          double precision NOT NULL,
  lng          double precision NOT NULL,
  recorded_at  timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL
);
CREATE INDEX driver_positions_latest_updated_idx ON driver_positions_latest (updated_at);
