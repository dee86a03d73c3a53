package com.returnit.identity.internal;

import com.returnit.identity.GuestAccess;
import com.returnit.identity.Role;
import com.returnit.platform.NotFound;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Guest tokens for return links: signed like every access token, with the session as a claim (ADR 0035). */
@Service
class GuestTokens implements GuestAccess {

	private final AccountRepository accounts;
	private final TokenService tokens;

	GuestTokens(AccountRepository accounts, TokenService tokens) {
		this.accounts = accounts;
		this.tokens = tokens;
	}

	@Override
	public GuestToken issue(UUID customerId, UUID sessionId) {
		Account customer = accounts.findById(customerId)
			.filter(account -> account.role() == Role.CUSTOMER && account.erasedAt() == null)
			.orElseThrow(() -> new NotFound("Customer"));
		TokenService.Tokens issued = tokens.guest(customer, sessionId);
		return new GuestToken(issued.accessToken(), issued.expiresIn(), issued.tokenType());
	}
}
