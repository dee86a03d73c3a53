package com.returnit.identity;

import java.util.UUID;

/** Accounts that log in with a password, for setting up operators and demo users. */
public interface Accounts {

	/** The id of the account with this email, created with this role and password if it does not exist yet. */
	UUID ensure(Role role, String email, String password, String name);

	/**
	 * Sets up two-factor authentication with a known base32 TOTP secret, unless the account already has a confirmed
	 * one: for operators created by configuration (the bootstrap operator, the demo).
	 */
	void provisionTotp(UUID accountId, String base32Secret);
}
