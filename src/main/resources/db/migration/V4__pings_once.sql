-- A retried ping request stores nothing twice: one history row per driver and instant (ADR 0007).
-- The unique index includes the partition key, so PostgreSQL enforces it per daily partition.
DELETE FROM driver_pings a
USING driver_pings b
WHERE a.driver_id = b.driver_id AND a.recorded_at = b.recorded_at AND a.tableoid = b.tableoid AND a.ctid < b.ctid;

DROP INDEX driver_pings_driver_idx;
CREATE UNIQUE INDEX driver_pings_driver_idx ON driver_pings (driver_id, recorded_at);
