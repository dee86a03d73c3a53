package com.returnit.identity;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Customer accounts, for modules that act on a customer's behalf. */
public interface Customers {

	/** How to reach a customer, for notifications. */
	record Contact(UUID id, String name, String email, @Nullable String phone) {
	}

	/** The customer's contact details; empty for an unknown id or an account that is not a customer. */
	Optional<Contact> contact(UUID customerId);

	/**
	 * The id of the customer with this email, creating a customer without a password (who cannot log in until
	 * they sign up) when there is none. A driver's or operator's email is refused.
	 */
	UUID findOrCreate(String email, String name, @Nullable String phone);

	/** What the account holds about a customer, for their data export. */
	record CustomerData(UUID id, String email, String name, @Nullable String phone, java.time.Instant createdAt,
			boolean twoFactorEnabled, boolean emailVerified) {

		public CustomerData(UUID id, String email, String name, @Nullable String phone, java.time.Instant createdAt,
				boolean twoFactorEnabled) {
			this(id, email, name, phone, createdAt, twoFactorEnabled, false);
		}
	}

	java.util.Optional<CustomerData> export(UUID customerId);

	/**
	 * Erases the customer's personal data from their account (which stays, anonymised, for the orders that point at
	 * it), logs them out everywhere, and publishes {@link CustomerErased} for other modules to do the same.
	 */
	void erase(UUID customerId);
}
