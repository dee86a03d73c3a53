package com.returnit.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.EndToEndTest;
import org.junit.jupiter.api.Test;

/**
 * A path the client percent-encodes ("/%761/..." for "/v1/...") is the same path to Spring MVC, which decodes it; so
 * it is the same path to the security rules too, never one of the web app's public pages.
 */
class EncodedPathTests extends EndToEndTest {

	@Test
	void anEncodedApiPathNeedsTheSameCredentialsAsThePlainOne() {
		assertThat(api.get("/%761/audit-events", null).status()).isEqualTo(401);
		assertThat(api.get("/%761/orders", null).status()).isEqualTo(401);
		assertThat(api.get("/%761/customers/me/export", null).status()).isEqualTo(401);
	}

	@Test
	void anEncodedApiPathKeepsTheRoleRules() {
		var customer = fixtures.customer();

		assertThat(api.get("/%761/audit-events", customer.token()).status()).isEqualTo(403);
		assertThat(api.get("/%761/orders", customer.token()).status()).isEqualTo(200);
		assertThat(api.get("/v%31/orders", customer.token()).status()).isEqualTo(200);
	}

	@Test
	void theApiAnswersEncodedPathsWithTheApisHeadersNotThePagesPolicy() {
		var customer = fixtures.customer();

		assertThat(api.get("/%761/orders", customer.token()).header("Content-Security-Policy"))
			.isEqualTo("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
	}
}
