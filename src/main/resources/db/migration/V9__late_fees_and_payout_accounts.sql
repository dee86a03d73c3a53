-- Late-cancellation fee per return policy, and Stripe Connect accounts for driver payouts (ADR 0020) -------------

-- null: the policy charges the platform's default fee (returnit.policy.late-cancellation.fee-cents)
ALTER TABLE return_policies ADD COLUMN late_cancellation_fee_cents bigint
  CHECK (late_cancellation_fee_cents BETWEEN 0 AND 100000);

-- What the customer was shown at quoting and booking, and is charged: the fee and the instant from which it applies.
-- Quotes made before this migration have none and take the terms of the policy at booking.
ALTER TABLE quotes ADD COLUMN late_fee_cents bigint, ADD COLUMN late_fee_from timestamptz;
-- The service always writes both; rows written without them (bulk loads) cost nothing to cancel.
ALTER TABLE orders ADD COLUMN late_fee_cents bigint, ADD COLUMN late_fee_from timestamptz;
-- orders booked before: the global terms they were booked under (500 cents, 2 hours before the window)
UPDATE orders SET late_fee_cents = least(500, amount_cents), late_fee_from = window_start - interval '2 hours';
ALTER TABLE orders ALTER COLUMN late_fee_cents SET DEFAULT 0, ALTER COLUMN late_fee_cents SET NOT NULL;

-- A driver's Stripe connected account (acct_...), where Connect transfers pay their payouts.
CREATE TABLE driver_payout_accounts (
  driver_id          uuid PRIMARY KEY,
  stripe_account_id  text NOT NULL CHECK (stripe_account_id ~ '^acct_[A-Za-z0-9]{1,64}$'),
  updated_by         text NOT NULL,
  updated_at         timestamptz NOT NULL
);
