package com.returnit.merchants;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A place where a merchant receives returned parcels; {@code city} as the merchant named it, or derived from the
 * address (null when neither says).
 */
public record Hub(UUID id, String name, String address, double lat, double lng, @Nullable String city) {

	public Hub(UUID id, String name, String address, double lat, double lng) {
		this(id, name, address, lat, lng, null);
	}
}
