package com.returnit.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token settings; the access token lifetime is capped at 15 minutes whatever is configured. {@code reuseGrace}: how
 * soon after its first use a refresh token may be used again without revoking its family (a lost answer, ADR 0038). {@code verifiedTokens}: how
 * many verified access tokens a node remembers (about 2 KiB each), default 20,000.
 */
@ConfigurationProperties("returnit.security.tokens")
record TokenProperties(String issuer, String audience, Duration accessTokenTtl, Duration refreshTokenTtl,
		long verifiedTokens, Duration reuseGrace) {

	static final Duration MAX_ACCESS_TTL = Duration.ofMinutes(15);

	TokenProperties {
		issuer = issuer == null ? "https://returnit.local" : issuer;
		audience = audience == null ? "returnit-api" : audience;
		accessTokenTtl = accessTokenTtl == null || accessTokenTtl.compareTo(MAX_ACCESS_TTL) > 0 ? MAX_ACCESS_TTL
				: accessTokenTtl;
		refreshTokenTtl = refreshTokenTtl == null ? Duration.ofDays(30) : refreshTokenTtl;
		verifiedTokens = verifiedTokens <= 0 ? 20_000 : verifiedTokens;
		reuseGrace = reuseGrace == null ? Duration.ofSeconds(15) : reuseGrace;
	}
}
