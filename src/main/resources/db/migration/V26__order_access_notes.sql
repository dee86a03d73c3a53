-- How the driver gets to the door (door code, which bell, the back gate): typed by the customer at booking, shown to
-- the driver with the job; erased with the customer's other personal data.
ALTER TABLE orders ADD COLUMN access_notes text;
