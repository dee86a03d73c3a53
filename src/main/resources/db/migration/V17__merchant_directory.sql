-- The public merchant directory (GET /v1/merchants): logos, hub cities, and a name search by index ---------------

-- An https URL or a path on the web app's own origin ("/demo/alpine-outfitters.svg"); null: no logo.
ALTER TABLE merchants ADD COLUMN logo_url text
  CHECK (logo_url IS NULL OR logo_url ~ '^(https://[^[:space:]]+|/[^/[:space:]][^[:space:]]*)$');

-- The city a hub is in, as the directory lists it. When a merchant gives none, it is the address's last
-- comma-separated part without its postcode (any word with a digit): "Lager 1, 10115 Berlin" -> "Berlin". The
-- service derives it the same way (merchants.internal.HubCity; HubCityTests compares the two).
ALTER TABLE hubs ADD COLUMN city text;
CREATE FUNCTION city_of_address(address text) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT CASE WHEN position(',' IN address) = 0 THEN NULL
    ELSE nullif(btrim(regexp_replace(regexp_replace(substring(address FROM '[^,]*$'), '[^[:space:]]*[0-9][^[:space:]]*',
      ' ', 'g'), '[[:space:]]+', ' ', 'g')), '')
  END
$$;
UPDATE hubs SET city = city_of_address(address) WHERE city IS NULL;

-- The demo merchants (returnit.demo.enabled) made before logos existed get theirs; the web app serves the files.
UPDATE merchants SET logo_url = '/demo/alpine-outfitters.svg' WHERE name = 'Alpine Outfitters (demo)' AND logo_url IS NULL;
UPDATE merchants SET logo_url = '/demo/nordic-knitwear.svg'
  WHERE name = 'Nordic Knitwear (demo, customers pay)' AND logo_url IS NULL;

-- "query" matches anywhere in the name, case-insensitively: trigrams (pg_trgm, shipped with PostgreSQL's contrib and
-- the embedded binaries; trusted, so the database owner may create it) index lower(name) LIKE '%...%' for queries of
-- three characters and more. The directory is ordered by (lower(name), id), which is also its cursor: the btree
-- serves the unfiltered pages and short queries (an ordered scan that stops at the page's end).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
-- Merchants are added rarely: without GIN's pending list (fastupdate) every new name is searchable by the index at
-- once, and the planner never turns from the index to a sequential scan because a long pending list awaits a vacuum.
CREATE INDEX merchants_name_trgm_idx ON merchants USING gin (lower(name) gin_trgm_ops) WITH (fastupdate = off);
CREATE INDEX merchants_directory_idx ON merchants (lower(name), id);
