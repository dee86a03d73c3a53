-- Each claim of an Idempotency-Key carries a token; the request that owns it holds the row locked while it runs, so a
-- retry can tell a running request (locked) from one whose node died (unlocked) at once (ADR 0025).
ALTER TABLE idempotency_keys ADD COLUMN claim_token uuid;
