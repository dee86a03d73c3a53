package com.returnit.places.internal;

/** A road router: the way by road between two places, or {@link ProviderUnavailable}. */
interface Router {

	Route between(double fromLat, double fromLng, double toLat, double toLng);
}
