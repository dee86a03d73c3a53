package com.returnit.places;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Customers' saved pickup addresses, for the export of everything kept about a customer. */
public interface SavedAddresses {

	/** One address a customer saved, with the label they gave it. */
	record SavedAddress(UUID id, @Nullable String label, String address, double lat, double lng, Instant createdAt) {
	}

	/** The customer's saved addresses, newest first. */
	List<SavedAddress> of(UUID customerId);
}
