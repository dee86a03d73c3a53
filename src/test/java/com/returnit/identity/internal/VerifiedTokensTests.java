package com.returnit.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.returnit.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTests {

	final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
	final Instant expiry = clock.instant().plus(Duration.ofMinutes(15));
	final List<String> verified = new ArrayList<>();
	boolean verifierRefuses;

	/** Stands for the RS256 verifier: it records what it was asked, and accepts or refuses as the test says. */
	final JwtDecoder verifier = token -> {
		verified.add(token);
		if (verifierRefuses) {
			throw new BadJwtException("refused");
		}
		return Jwt.withTokenValue(token).header("alg", "RS256").subject("driver").issuedAt(expiry.minus(Duration.ofMinutes(15)))
			.expiresAt(expiry).build();
	};

	final VerifiedTokens tokens = new VerifiedTokens(verifier, clock, 100);

	@Test
	void aTokenIsVerifiedOnceAndThenRememberedUntilItExpires() {
		tokens.decode("token-a");
		clock.advance(Duration.ofMinutes(14));
		Jwt again = tokens.decode("token-a");

		assertThat(again.getSubject()).isEqualTo("driver");
		assertThat(verified).containsExactly("token-a");
	}

	@Test
	void anExpiredTokenGoesBackToTheVerifierWhoseVerdictStands() {
		tokens.decode("token-a");
		clock.advance(Duration.ofMinutes(15));
		verifierRefuses = true;

		assertThatThrownBy(() -> tokens.decode("token-a")).isInstanceOf(BadJwtException.class);
		assertThat(verified).containsExactly("token-a", "token-a");
	}

	@Test
	void aRefusedTokenIsNotRememberedAndOtherTokensAreVerifiedOnTheirOwn() {
		verifierRefuses = true;
		assertThatThrownBy(() -> tokens.decode("token-a")).isInstanceOf(BadJwtException.class);
		assertThatThrownBy(() -> tokens.decode("token-a")).isInstanceOf(BadJwtException.class);
		verifierRefuses = false;
		tokens.decode("token-b");

		assertThat(verified).containsExactly("token-a", "token-a", "token-b");
	}
}
