package com.returnit.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Token settings; the access token lifetime is capped at 15 minutes whatever is configured. */
@ConfigurationProperties("returnit.security.tokens")
record TokenProperties(String issuer, String audience, Duration accessTokenTtl, Duration refreshTokenTtl) {

	static final Duration MAX_ACCESS_TTL = Duration.ofMinutes(15);

	TokenProperties {
		issuer = issuer == null ? "https://returnit.local" : issuer;
		audience = audience == null ? "returnit-api" : audience;
		accessTokenTtl = accessTokenTtl == null || accessTokenTtl.compareTo(MAX_ACCESS_TTL) > 0 ? MAX_ACCESS_TTL
				: accessTokenTtl;
		refreshTokenTtl = refreshTokenTtl == null ? Duration.ofDays(30) : refreshTokenTtl;
	}
}
