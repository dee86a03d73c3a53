package com.returnit.identity;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Driver accounts, for dispatch. */
public interface Drivers {

	/** What dispatch needs to know of a driver. */
	record Driver(UUID id, String name, String vehicleType, int capacityParcels) {
	}

	Optional<Driver> find(UUID driverId);

	/** The drivers among these ids, in one query. */
	Map<UUID, Driver> findAll(Collection<UUID> driverIds);
}
