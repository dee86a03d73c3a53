package com.returnit.identity.internal;

import com.returnit.identity.Drivers;
import com.returnit.identity.Role;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

@Service
class DriverDirectory implements Drivers {

	private final AccountRepository accounts;

	DriverDirectory(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	public Optional<Driver> find(UUID driverId) {
		return accounts.findById(driverId).flatMap(DriverDirectory::driver);
	}

	@Override
	public Map<UUID, Driver> findAll(Collection<UUID> driverIds) {
		Map<UUID, Driver> found = new HashMap<>();
		accounts.findAllById(driverIds).forEach(account -> driver(account).ifPresent(d -> found.put(d.id(), d)));
		return found;
	}

	private static Optional<Driver> driver(Account account) {
		return Optional.of(account)
			.filter(a -> a.role() == Role.DRIVER && a.vehicle() != null)
			.map(a -> new Driver(a.id(), a.name(), a.vehicle().type().code(), a.vehicle().capacityParcels()));
	}
}
