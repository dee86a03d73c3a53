package com.returnit.places.internal;

import java.util.List;
import java.util.Optional;

/**
 * Turns addresses into positions and back, by asking a third party. Every method answers within the configured
 * timeout or throws {@link ProviderUnavailable}; it never throws anything else for what the provider does.
 */
interface Geocoder {

	/** At most {@code limit} places matching the text, best first. */
	List<Place> search(String query, int limit);

	/** The address at this position, if the provider knows one. */
	Optional<Place> reverse(double lat, double lng);
}
