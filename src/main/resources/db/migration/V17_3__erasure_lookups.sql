-- Erasing a customer anonymises the messages sent to them: found by customer, not by a scan of the outbox.
CREATE INDEX notification_messages_customer_idx ON notification_messages (customer_id) WHERE customer_id IS NOT NULL;
