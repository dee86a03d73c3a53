package com.returnit.places.internal;

/** The geocoder did not answer in time, answered with an error, or its circuit is open: the search answers 503. */
class GeocoderUnavailable extends RuntimeException {

	GeocoderUnavailable(String message, Throwable cause) {
		super(message, cause);
	}

	GeocoderUnavailable(String message) {
		super(message);
	}
}
