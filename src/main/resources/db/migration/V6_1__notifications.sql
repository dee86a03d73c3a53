-- Customer notifications (issue 5, ADR 0014) --------------------------------------
CREATE TABLE notification_preferences (
  customer_id  uuid PRIMARY KEY,
  email        boolean NOT NULL,
  sms          boolean NOT NULL,
  updated_at   timestamptz NOT NULL
);

-- The outbox of messages, rendered when the event is recorded and sent by workers like webhook deliveries.
CREATE TABLE notification_messages (
  id               uuid PRIMARY KEY,
  customer_id      uuid,
  order_id         uuid,
  channel          text NOT NULL CHECK (channel IN ('email', 'sms')),
  template         text NOT NULL,
  recipient        text NOT NULL,
  subject          text,
  body             text NOT NULL,
  source_key       text NOT NULL,
  status           text NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  attempts         int NOT NULL,
  next_attempt_at  timestamptz,
  lease_until      timestamptz,
  last_error       text,
  created_at       timestamptz NOT NULL,
  sent_at          timestamptz,
  UNIQUE (source_key, channel)
);
CREATE INDEX notification_messages_due_idx ON notification_messages (next_attempt_at) WHERE status = 'pending';
CREATE INDEX notification_messages_order_idx ON notification_messages (order_id);
