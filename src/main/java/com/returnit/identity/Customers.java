package com.returnit.identity;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Customer accounts, for modules that act on a customer's behalf. */
public interface Customers {

	/**
	 * The id of the customer with this email, creating a customer without a password (who cannot log in until
	 * they sign up) when there is none. A driver's or operator's email is refused.
	 */
	UUID findOrCreate(String email, String name, @Nullable String phone);
}
