-- Issue 16 (merchant portal, developers and branding) -------------------------------------------------------
-- A merchant pauses an endpoint on purpose: its deliveries are queued and held (not failed) until it resumes.
-- 'disabled' stays what the service does to an endpoint that answered 410 or kept failing.
ALTER TABLE webhook_endpoints DROP CONSTRAINT webhook_endpoints_status_check;
ALTER TABLE webhook_endpoints ADD CONSTRAINT webhook_endpoints_status_check
  CHECK (status IN ('enabled', 'paused', 'disabled'));

-- What the receiver answered, its first 4 KiB, for the delivery log.
ALTER TABLE webhook_attempts ADD COLUMN response_body text;

-- A merchant's brand: a colour and a logo shown to its customers. The logo is small (256 KiB at most) and read
-- through a cache-friendly public URL, so it lives in the database beside the merchant rather than in a file store.
ALTER TABLE merchants ADD COLUMN brand_color text CHECK (brand_color IS NULL OR brand_color ~ '^#[0-9a-f]{6}$');

CREATE TABLE merchant_logos (
  merchant_id   uuid PRIMARY KEY REFERENCES merchants (id) ON DELETE CASCADE,
  content_type  text NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/webp')),
  bytes         bytea NOT NULL CHECK (octet_length(bytes) BETWEEN 1 AND 262144),
  sha256        text NOT NULL,
  updated_at    timestamptz NOT NULL
);
