package com.returnit.identity;

import java.util.UUID;

/**
 * Access tokens for guests: customers who open a merchant's return link without logging in (ADR 0035). A guest token
 * lives as long as any access token (15 minutes), has no refresh token, and reaches only the routes and the order of
 * its return session.
 */
public interface GuestAccess {

	/** A guest's bearer token and how many seconds it lasts. */
	record GuestToken(String accessToken, long expiresIn, String tokenType) {
	}

	/**
	 * A token for this customer, limited to this return session.
	 * @throws com.returnit.platform.NotFound when there is no such customer (or they erased their account)
	 */
	GuestToken issue(UUID customerId, UUID sessionId);
}
