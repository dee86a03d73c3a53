package com.returnit.orders;

import java.util.Optional;
import java.util.UUID;

/**
 * An order's public tracking page, for what the orders module hands to customers (the calendar file). Implemented by
 * the tracking module, which depends on orders, never the reverse.
 */
public interface TrackingPages {

	/** The page's path ({@code /track/<token>}) if a link was made for this order; none is made by asking. */
	Optional<String> existingPath(UUID orderId);
}
