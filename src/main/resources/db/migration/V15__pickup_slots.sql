-- Pickup slots (module slots): an area's pickup windows and a capacity per window. An area without a schedule has
-- no slots: any window is booked there without a limit, as before.
CREATE TABLE pickup_schedules (
  area_id              uuid PRIMARY KEY REFERENCES service_areas (id),
  time_zone            text NOT NULL,
  window_minutes       integer NOT NULL CHECK (window_minutes BETWEEN 60 AND 480),
  capacity_per_window  integer NOT NULL CHECK (capacity_per_window BETWEEN 1 AND 1000),
  lead_minutes         integer NOT NULL CHECK (lead_minutes BETWEEN 0 AND 2880),
  -- as written: [{"day": "monday", "opens": "08:00", "closes": "20:00"}, ...]
  days                 jsonb NOT NULL,
  updated_at           timestamptz NOT NULL
);

-- Seats held per window, from its first booking on. `booked` changes only in single statements (an upsert that
-- raises it while below the schedule's capacity, a release that lowers it), so concurrent bookings queue on the row.
CREATE TABLE pickup_slots (
  area_id       uuid NOT NULL REFERENCES service_areas (id),
  window_start  timestamptz NOT NULL,
  window_end    timestamptz NOT NULL,
  booked        integer NOT NULL CHECK (booked >= 0),
  PRIMARY KEY (area_id, window_start)
);

-- Which order holds a seat in which window, so that cancelling or failing gives back exactly that seat, once.
-- No foreign key to orders: slots knows nothing of orders (the orders module calls slots, never the reverse).
CREATE TABLE pickup_slot_holds (
  order_id      uuid PRIMARY KEY,
  area_id       uuid NOT NULL,
  window_start  timestamptz NOT NULL,
  held_at       timestamptz NOT NULL,
  FOREIGN KEY (area_id, window_start) REFERENCES pickup_slots (area_id, window_start)
);
