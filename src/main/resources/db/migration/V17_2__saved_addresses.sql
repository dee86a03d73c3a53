-- Customers' saved pickup addresses (places module): at most 20 each, one per address text (any case), newest first.
CREATE TABLE saved_addresses (
  id           uuid PRIMARY KEY,              -- UUIDv7: id order is creation order
  customer_id  uuid NOT NULL,
  label        text,
  address      text NOT NULL,
  lat          double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lng          double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
  created_at   timestamptz NOT NULL
);
CREATE INDEX saved_addresses_customer_idx ON saved_addresses (customer_id, id DESC);
CREATE UNIQUE INDEX saved_addresses_text_uq ON saved_addresses (customer_id, lower(address));

