package com.returnit.identity;

import java.util.Optional;
import java.util.UUID;

/** Driver accounts, for dispatch. */
public interface Drivers {

	/** What dispatch needs to know of a driver. */
	record Driver(UUID id, String name, String vehicleType, int capacityParcels) {
	}

	Optional<Driver> find(UUID driverId);
}
