-- What a price is made of ({baseCents, itemsCents, distanceCents, distanceKm, currency}, adding up to amount_cents),
-- kept with the quote and the order booked from it; null for those priced before.
ALTER TABLE quotes ADD COLUMN price_breakdown jsonb;
ALTER TABLE orders ADD COLUMN price_breakdown jsonb;
