-- Payments, the ledger and payouts (issue 4, ADR 0011) -----------------------------------------------

-- Merchants: who pays for a pickup. Existing merchants keep the behaviour they had: the merchant is billed.
ALTER TABLE merchants ADD COLUMN billing text NOT NULL DEFAULT 'merchant_pays'
  CHECK (billing IN ('customer_pays', 'merchant_pays'));

-- One payment per customer-paid order: the state machine of ADR 0011.
CREATE TABLE payments (
  id                uuid PRIMARY KEY,
  order_id          uuid NOT NULL UNIQUE,
  merchant_id       uuid NOT NULL,
  customer_id       uuid NOT NULL,
  provider          text NOT NULL,
  payment_method    text NOT NULL,
  amount_cents      bigint NOT NULL CHECK (amount_cents >= 0),
  currency          text NOT NULL,
  status            text NOT NULL CHECK (status IN ('requires_payment_method', 'payment_pending', 'authorized',
                      'captured', 'partially_refunded', 'refunded', 'voided', 'failed')),
  provider_ref      text,
  captured_cents    bigint NOT NULL DEFAULT 0 CHECK (captured_cents >= 0),
  refunded_cents    bigint NOT NULL DEFAULT 0 CHECK (refunded_cents >= 0),
  failure           text,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  version           int NOT NULL,
  CHECK (refunded_cents <= captured_cents),
  CHECK (captured_cents <= amount_cents)
);
CREATE INDEX payments_status_idx ON payments (status, updated_at);

-- Every call to the provider: the retry queue (queued), the crash log (in_flight) and the history.
CREATE TABLE payment_operations (
  id               uuid PRIMARY KEY,
  payment_id       uuid NOT NULL REFERENCES payments (id),
  kind             text NOT NULL CHECK (kind IN ('authorize', 'capture', 'void', 'refund')),
  amount_cents     bigint NOT NULL CHECK (amount_cents >= 0),
  idempotency_key  text NOT NULL UNIQUE,
  status           text NOT NULL CHECK (status IN ('queued', 'in_flight', 'succeeded', 'declined', 'cancelled')),
  attempts         int NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL,
  provider_ref     text,
  reason           text,
  last_error       text,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL
);
CREATE INDEX payment_operations_due_idx ON payment_operations (next_attempt_at) WHERE status = 'queued';
CREATE INDEX payment_operations_in_flight_idx ON payment_operations (updated_at) WHERE status = 'in_flight';
CREATE INDEX payment_operations_payment_idx ON payment_operations (payment_id, created_at);

-- The double-entry ledger: append-only, every entry balanced per currency. (kind, reference) makes a posting
-- idempotent: an event delivered twice posts once.
CREATE TABLE journal_entries (
  id           uuid PRIMARY KEY,
  kind         text NOT NULL,
  reference    text NOT NULL,
  order_id     uuid,
  occurred_at  timestamptz NOT NULL,
  UNIQUE (kind, reference)
);
CREATE INDEX journal_entries_occurred_idx ON journal_entries (occurred_at);

CREATE TABLE journal_lines (
  entry_id      uuid NOT NULL REFERENCES journal_entries (id),
  line          int NOT NULL,
  account       text NOT NULL,
  amount_cents  bigint NOT NULL CHECK (amount_cents <> 0),
  currency      text NOT NULL,
  PRIMARY KEY (entry_id, line)
);
CREATE INDEX journal_lines_account_idx ON journal_lines (account, entry_id);

CREATE FUNCTION journal_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the ledger is append-only: % on % is not allowed; post a correcting entry', TG_OP, TG_TABLE_NAME;
END $$;
CREATE TRIGGER journal_entries_append_only BEFORE UPDATE OR DELETE ON journal_entries
  FOR EACH ROW EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER journal_lines_append_only BEFORE UPDATE OR DELETE ON journal_lines
  FOR EACH ROW EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER journal_entries_no_truncate BEFORE TRUNCATE ON journal_entries
  FOR EACH STATEMENT EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER journal_lines_no_truncate BEFORE TRUNCATE ON journal_lines
  FOR EACH STATEMENT EXECUTE FUNCTION journal_is_append_only();

-- Checked at commit, once all lines of the entry are in: debits and credits cancel out in every currency.
CREATE FUNCTION journal_entry_is_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM journal_lines WHERE entry_id = NEW.entry_id
             GROUP BY currency HAVING sum(amount_cents) <> 0) THEN
    RAISE EXCEPTION 'journal entry % is not balanced', NEW.entry_id;
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER journal_lines_balanced AFTER INSERT ON journal_lines
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entry_is_balanced();

-- Driver payouts: one per driver per period, whatever runs it and however often.
CREATE TABLE payouts (
  id               uuid PRIMARY KEY,
  driver_id        uuid NOT NULL,
  period           text NOT NULL,
  amount_cents     bigint NOT NULL CHECK (amount_cents > 0),
  currency         text NOT NULL,
  status           text NOT NULL CHECK (status IN ('pending', 'paid', 'failed')),
  idempotency_key  text NOT NULL UNIQUE,
  provider_ref     text,
  attempts         int NOT NULL DEFAULT 0,
  last_error       text,
  created_at       timestamptz NOT NULL,
  paid_at          timestamptz,
  UNIQUE (driver_id, period)
);

-- The sandbox provider's own books, as a real provider keeps them: every call by idempotency key.
CREATE TABLE sandbox_provider_calls (
  idempotency_key  text PRIMARY KEY,
  operation        text NOT NULL,
  target           text,
  reference        text NOT NULL,
  amount_cents     bigint NOT NULL,
  currency         text NOT NULL,
  outcome          text NOT NULL CHECK (outcome IN ('succeeded', 'declined')),
  decline_code     text,
  fee_cents        bigint NOT NULL DEFAULT 0,
  created_at       timestamptz NOT NULL
);
CREATE INDEX sandbox_provider_calls_target_idx ON sandbox_provider_calls (target, operation);

CREATE TABLE sandbox_provider_switches (
  id          int PRIMARY KEY CHECK (id = 1),
  outage      boolean NOT NULL,
  latency_ms  int NOT NULL CHECK (latency_ms >= 0)
);
INSERT INTO sandbox_provider_switches (id, outage, latency_ms) VALUES (1, false, 0);
