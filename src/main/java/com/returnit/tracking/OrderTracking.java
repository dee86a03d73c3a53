package com.returnit.tracking;

import java.util.UUID;

/** Public tracking links, for modules that send them to customers. */
public interface OrderTracking {

	/**
	 * The path of the order's public tracking page, {@code /track/<token>}: the same unguessable link for the order
	 * every time, made on first request. Works in the caller's transaction.
	 */
	String trackingPath(UUID orderId);
}
