package com.returnit.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import org.junit.jupiter.api.Test;

class SecurityHeadersTests extends EndToEndTest {

	@Test
	void everyApiAnswerCarriesTheHardeningHeadersAndIsNeverCached() {
		var customer = fixtures.customer();
		for (Api.Response response : java.util.List.of(api.get("/v1/orders", customer.token()),
				api.get("/v1/orders", null), api.get("/v1/no-such-thing", customer.token()))) {
			assertThat(response.header("Strict-Transport-Security")).isEqualTo("max-age=31536000 ; includeSubDomains");
			assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
			assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'")
				.contains("frame-ancestors 'none'");
			assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
			assertThat(response.header("Cross-Origin-Resource-Policy")).isEqualTo("same-origin");
			assertThat(response.header("Cache-Control")).contains("no-store");
		}
	}

	@Test
	void theWebAppsPagesMayRunOnlyTheirOwnScriptFilesAndStyleSheets() {
		for (String path : java.util.List.of("/track/some-token", "/ops", "/")) {
			Api.Response page = api.get(path, null);
			String policy = page.header("Content-Security-Policy");

			assertThat(page.status()).as(path).isEqualTo(200);
			assertThat(policy).as(path).startsWith("default-src 'none'").contains("script-src 'self';")
				.contains("style-src 'self';").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline")
				.doesNotContain("unsafe-eval");
			assertThat(page.raw().body()).as(path).containsPattern("<script type=\"module\" crossorigin src=\"/assets/[^\"]+\\.js\">")
				.doesNotContainPattern("<script>|<script type=\"module\">").doesNotContain("<style");
			assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
			assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
			assertThat(page.header("Strict-Transport-Security")).isEqualTo("max-age=31536000 ; includeSubDomains");
		}
	}

	@Test
	void anAllowedOriginMayCallTheApiFromABrowserAndAnyOtherIsRefused() {
		Api.Response allowed = preflight(ALLOWED_ORIGIN);
		Api.Response other = preflight("https://evil.example");

		assertThat(allowed.status()).isEqualTo(200);
		assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
		assertThat(allowed.header("Access-Control-Allow-Credentials")).isNull();
		assertThat(other.status()).isEqualTo(403);
		assertThat(other.header("Access-Control-Allow-Origin")).isNull();
		assertThat(api.send("GET", "/v1/orders", fixtures.customer().token(), null, "Origin", "https://evil.example")
			.status()).isEqualTo(403);
	}

	private Api.Response preflight(String origin) {
		return api.send("OPTIONS", "/v1/orders", null, null, "Origin", origin, "Access-Control-Request-Method", "POST",
				"Access-Control-Request-Headers", "authorization,content-type");
	}
}
