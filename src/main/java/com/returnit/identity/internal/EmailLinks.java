package com.returnit.identity.internal;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The links emailed to account owners, on the public site ({@code returnit.public-base-url}, env
 * {@code RETURNIT_PUBLIC_BASE_URL}), where the web app reads the token and calls the API with it.
 */
@Component
class EmailLinks {

	/** How long an emailed link works. */
	static final Duration VALID_FOR = Duration.ofHours(24);
	/** At most one email per account and purpose in this time; further requests send nothing. */
	static final Duration AT_MOST_EVERY = Duration.ofMinutes(1);

	private final String base;

	EmailLinks(@Value("${returnit.public-base-url:http://localhost:8080}") String base) {
		this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	String claim(String token) {
		return base + "/account/claim/" + token;
	}

	String merchantInvitation(String token) {
		return base + "/merchant/invitations/" + token;
	}

	String verifyEmail(String token) {
		return base + "/account/verify-email/" + token;
	}
}
