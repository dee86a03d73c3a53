-- Feature flags (module flags, ADR 0042): one row per boolean flag, evaluated in memory on every node from a snapshot
-- that each node reloads when feature_flag_revision moves.
CREATE TABLE feature_flags (
  key                   text PRIMARY KEY,
  description           text NOT NULL DEFAULT '',
  -- the kill switch: false serves 'off' to everyone, whatever the rules below say
  enabled               boolean NOT NULL,
  -- share of targeting keys that get 'on', in hundredths of a percent (0..10000)
  rollout_basis_points  int NOT NULL CHECK (rollout_basis_points BETWEEN 0 AND 10000),
  roles                 text[] NOT NULL DEFAULT '{}',
  merchant_ids          uuid[] NOT NULL DEFAULT '{}',
  service_area_ids      uuid[] NOT NULL DEFAULT '{}',
  default_variant       text NOT NULL CHECK (default_variant IN ('on', 'off')),
  version               bigint NOT NULL,
  created_at            timestamptz NOT NULL,
  updated_at            timestamptz NOT NULL
);

-- One number that moves with every change to feature_flags (also one made by hand in psql): what nodes poll.
CREATE TABLE feature_flag_revision (
  id        boolean PRIMARY KEY DEFAULT true CHECK (id),
  revision  bigint NOT NULL
);
INSERT INTO feature_flag_revision (id, revision) VALUES (true, 0);

CREATE FUNCTION feature_flags_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE feature_flag_revision SET revision = revision + 1;
  RETURN NULL;
END $$;

CREATE TRIGGER feature_flags_revision AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON feature_flags
  FOR EACH STATEMENT EXECUTE FUNCTION feature_flags_changed();

-- Dispatch per service area (flag dispatch.batched): the area a pickup lies in, found when the order enters dispatch.
-- Jobs created before this migration have none and follow the flag as a job outside every area does.
ALTER TABLE dispatch_jobs ADD COLUMN service_area_id uuid;
