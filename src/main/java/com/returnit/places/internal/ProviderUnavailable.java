package com.returnit.places.internal;

/**
 * A third party (the geocoder, the road router) did not answer in time, answered with an error, or its circuit is open:
 * an address search answers 503, a route falls back to the straight line.
 */
class ProviderUnavailable extends RuntimeException {

	ProviderUnavailable(String message, Throwable cause) {
		super(message, cause);
	}

	ProviderUnavailable(String message) {
		super(message);
	}
}
