package com.returnit.identity.internal;

import com.returnit.identity.Role;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A person who logs in: customer, driver or operator. Drivers carry their vehicle. */
record Account(UUID id, Role role, String email, @Nullable String passwordHash, String name, @Nullable String phone,
		@Nullable Vehicle vehicle, Instant createdAt, @Nullable Instant erasedAt) {

	Account(UUID id, Role role, String email, @Nullable String passwordHash, String name, @Nullable String phone,
			@Nullable Vehicle vehicle, Instant createdAt) {
		this(id, role, email, passwordHash, name, phone, vehicle, createdAt, null);
	}

	record Vehicle(VehicleType type, int capacityParcels) {
	}

	enum VehicleType {
		CAR, VAN, BIKE, CARGO_BIKE;

		@com.fasterxml.jackson.annotation.JsonValue
		String code() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		@com.fasterxml.jackson.annotation.JsonCreator
		static VehicleType fromCode(String code) {
			return valueOf(code.toUpperCase(java.util.Locale.ROOT));
		}
	}
}
