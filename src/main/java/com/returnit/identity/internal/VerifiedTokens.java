package com.returnit.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Verifies a token once per node and then remembers it until it expires (ADR 0028). Checking an RS256 signature and
 * the claims was a third of a location ping's CPU, and a driver's phone sends the same token with every ping for its
 * 15 minutes. Nothing a later check could find is lost: a token's signature and claims never change, and its key
 * verifies until every token it signed has expired ({@link SigningKeys}). A token that fails is not remembered.
 */
final class VerifiedTokens implements JwtDecoder {

	private final JwtDecoder verifier;
	private final Clock clock;
	private final Cache<String, Jwt> verified;

	VerifiedTokens(JwtDecoder verifier, Clock clock, long maximumSize) {
		this.verifier = verifier;
		this.clock = clock;
		this.verified = Caffeine.newBuilder().maximumSize(maximumSize)
			.expireAfter(Expiry.creating((String token, Jwt jwt) -> lifeLeft(jwt)))
			.build();
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt known = remembered(token);
		if (known != null) {
			return known;
		}
		Jwt jwt = verifier.decode(token);
		if (stillValid(jwt)) {
			verified.put(token, jwt);
		}
		return jwt;
	}

	/** This token, if it was verified here and has not expired; null otherwise. */
	@Nullable Jwt remembered(String token) {
		Jwt known = verified.getIfPresent(token);
		return known != null && stillValid(known) ? known : null;
	}

	/** The verifier accepts a token a little past its expiry (clock skew); remembered, it is not. */
	private boolean stillValid(Jwt jwt) {
		@Nullable Instant expires = jwt.getExpiresAt();
		return expires != null && clock.instant().isBefore(expires);
	}

	private Duration lifeLeft(Jwt jwt) {
		@Nullable Instant expires = jwt.getExpiresAt();
		Duration left = expires == null ? Duration.ZERO : Duration.between(clock.instant(), expires);
		return left.isNegative() ? Duration.ZERO : left;
	}
}
