-- Merchant insights (issue 16): the merchant's returns filtered by customer and order reference, an overview by day.

-- Who each order is for and the merchant's order reference, kept on the order so that the merchant's list can filter
-- and show them without reaching into identity's or returnlinks' tables: the customer's name and email as the
-- customer's account held them at booking (identity's Customers API), emptied when the customer is erased (the
-- CustomerErased event); the reference is the first one the order's items carry, which for an order booked from a
-- return link is that link's (every item of such a booking must carry the link's reference, ADR 0035).
ALTER TABLE orders ADD COLUMN customer_name text, ADD COLUMN customer_email text, ADD COLUMN merchant_order_ref text;

UPDATE orders o SET customer_name = a.name, customer_email = a.email
FROM accounts a WHERE a.id = o.customer_id AND a.erased_at IS NULL;

UPDATE orders SET merchant_order_ref = (
  SELECT listed.item ->> 'merchantOrderRef' FROM jsonb_array_elements(items) WITH ORDINALITY AS listed(item, position)
  WHERE btrim(listed.item ->> 'merchantOrderRef') <> '' ORDER BY listed.position LIMIT 1);

-- GET /v1/orders?customer=: an exact email (btree) or a piece of the name (trigrams, pg_trgm since V17), combined by
-- the planner with the caller's own scope; ?merchantOrderRef=: exact, then the merchant.
CREATE INDEX orders_customer_email_idx ON orders (lower(customer_email)) WHERE customer_email IS NOT NULL;
CREATE INDEX orders_customer_name_trgm_idx ON orders USING gin (lower(customer_name) gin_trgm_ops);
CREATE INDEX orders_merchant_order_ref_idx ON orders (merchant_order_ref, merchant_id) WHERE merchant_order_ref IS NOT NULL;

-- The overview counts what happened to a merchant's orders per day: the timeline rows carry the merchant, so that a
-- date range of one merchant is one index range (nullable: a node of the previous release may still write rows).
ALTER TABLE order_timeline ADD COLUMN merchant_id uuid;
UPDATE order_timeline t SET merchant_id = o.merchant_id FROM orders o WHERE o.id = t.order_id;
CREATE INDEX order_timeline_merchant_idx ON order_timeline (merchant_id, occurred_at) INCLUDE (type, order_id);
