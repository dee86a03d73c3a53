package com.returnit.identity.internal;

import com.returnit.identity.Drivers;
import com.returnit.identity.Role;
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
		return accounts.findById(driverId)
			.filter(account -> account.role() == Role.DRIVER && account.vehicle() != null)
			.map(account -> new Driver(account.id(), account.name(), account.vehicle().type().code(),
					account.vehicle().capacityParcels()));
	}
}
