-- Read-your-writes across nodes without Redis (ADR 0026): where each caller's last write ended in the primary's log,
-- for the read-your-writes window. UNLOGGED: writing it adds no log of its own, it is not replicated (the replica never
-- needs it), and a crash empties it, which only sends a few reads to the primary. Callers are stored hashed.
CREATE UNLOGGED TABLE read_after_positions (
    caller     text        PRIMARY KEY,
    lsn        pg_lsn      NOT NULL,
    expires_at timestamptz NOT NULL
);
