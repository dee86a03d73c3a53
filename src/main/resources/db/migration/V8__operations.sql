-- Operations ---------------------------------------------------------------------
-- Requests per minute and node (ADR 0017): /ops charts and the in-service alert rules add the nodes up.
-- latency_buckets: counts per upper bound 10, 25, 50, 100, 250, 500, 1000, 2000, 5000 ms and above.
CREATE TABLE ops_request_minutes (
  minute           timestamptz NOT NULL,
  node             text NOT NULL,
  requests         bigint NOT NULL,
  errors           bigint NOT NULL,
  latency_buckets  bigint[] NOT NULL,
  PRIMARY KEY (minute, node)
);

-- One row per alert rule and scope ('cluster', or a node's name for rules about one JVM). State changes are
-- conditional updates, so when several nodes evaluate the same rule exactly one of them records (and e-mails) a
-- change.
CREATE TABLE ops_alerts (
  rule         text NOT NULL,
  scope        text NOT NULL,
  severity     text NOT NULL CHECK (severity IN ('warning', 'critical')),
  state        text NOT NULL CHECK (state IN ('pending', 'firing', 'resolved')),
  summary      text NOT NULL,
  value        double precision,
  since        timestamptz NOT NULL,
  fired_at     timestamptz,
  resolved_at  timestamptz,
  updated_at   timestamptz NOT NULL,
  PRIMARY KEY (rule, scope)
);
CREATE INDEX ops_alerts_state_idx ON ops_alerts (state) WHERE state <> 'resolved';
