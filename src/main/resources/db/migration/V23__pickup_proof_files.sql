-- Photos and signatures a driver takes at a pickup (issue 15), behind the ProofStore interface; this is its
-- PostgreSQL implementation. Content is already compressed (JPEG, PNG, WebP): stored out of line, uncompressed.
CREATE TABLE pickup_proof_files (
  id            uuid PRIMARY KEY,
  order_id      uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  kind          text NOT NULL CHECK (kind IN ('photo', 'signature')),
  sku           text,
  content_type  text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  size_bytes    integer NOT NULL CHECK (size_bytes > 0),
  content       bytea NOT NULL,
  uploaded_by   uuid NOT NULL,
  created_at    timestamptz NOT NULL
);
ALTER TABLE pickup_proof_files ALTER COLUMN content SET STORAGE EXTERNAL;
CREATE INDEX pickup_proof_files_order_idx ON pickup_proof_files (order_id, created_at);
