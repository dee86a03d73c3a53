package com.returnit.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.ControlledWorldTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A page reloaded while it renews its session sends the refresh token it had again: the first answer (with the new
 * token) was lost with the old page. Within the grace (15 s) that is a retry, not theft: the lost token is revoked
 * and a new one issued. Later, a reused token still revokes its whole family (ADR 0038).
 */
class RefreshReuseGraceTests extends ControlledWorldTest {

	@Test
	void aRefreshTokenUsedAgainWithinTheGraceRenewsTheSessionAndTheLostTokenStopsWorking() {
		String first = login();
		String lost = refresh(first).text("refreshToken");

		Api.Response retried = refresh(first);

		assertThat(retried.status()).as(retried.body().toString()).isEqualTo(200);
		String kept = retried.text("refreshToken");
		assertThat(kept).isNotEqualTo(lost);
		assertThat(refresh(lost).status()).as("the token the lost answer carried").isEqualTo(401);
		assertThat(refresh(kept).status()).as("the session goes on").isEqualTo(200);
	}

	@Test
	void aRefreshTokenUsedAgainAfterTheGraceRevokesTheWholeFamily() {
		String first = login();
		String second = refresh(first).text("refreshToken");
		CLOCK.advance(Duration.ofSeconds(16));

		assertThat(refresh(first).status()).isEqualTo(401);
		assertThat(refresh(second).status()).as("the family is revoked").isEqualTo(401);
	}

	private String login() {
		var customer = fixtures.customer();
		Api.Response login = api.post("/v1/auth/token", null, Map.of("email", customer.email(), "password",
				"customer-password-1"));
		assertThat(login.status()).isEqualTo(200);
		return login.text("refreshToken");
	}

	private Api.Response refresh(String token) {
		return api.post("/v1/auth/refresh", null, Map.of("refreshToken", token));
	}
}
