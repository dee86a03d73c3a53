package com.returnit.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import java.net.HttpCookie;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The web app keeps its refresh token in an HttpOnly cookie (ADR 0038): what the browser is given, how it renews,
 * and why another site cannot use the cookie.
 */
class WebSessionCookieTests extends EndToEndTest {

	private static final String[] WEB = { "ReturnIt-Refresh", "cookie" };

	@Test
	void aBrowserLoggingInGetsItsRefreshTokenOnlyInAnHttpOnlySecureSameSiteStrictCookie() {
		var customer = fixtures.customer();

		Api.Response login = api.post("/v1/auth/token", null,
				Map.of("email", customer.email(), "password", PASSWORD), WEB);

		assertThat(login.status()).isEqualTo(200);
		assertThat(login.text("accessToken")).isNotBlank();
		assertThat(login.body().get("refreshToken").isNull()).as("no refresh token for scripts to read").isTrue();
		String refresh = setCookie(login, "returnit_refresh");
		assertThat(refresh).contains("HttpOnly").contains("Secure").contains("SameSite=Strict").contains("Path=/v1/auth")
			.contains("Max-Age=2592000");
		assertThat(setCookie(login, "returnit_signed_in")).startsWith("returnit_signed_in=1;").doesNotContain("HttpOnly")
			.contains("Path=/");
	}

	@Test
	void theCookieRenewsTheAccessTokenAndRotatesAndASpentCookieEndsTheSession() {
		String first = cookieValue(loginInBrowser(), "returnit_refresh");

		Api.Response renewed = refreshWith(first, WEB);
		assertThat(renewed.status()).isEqualTo(200);
		assertThat(renewed.text("accessToken")).isNotBlank();
		String second = cookieValue(renewed, "returnit_refresh");
		assertThat(second).isNotEqualTo(first);

		Api.Response replayed = refreshWith(first, WEB);
		assertThat(replayed.status()).as("a used refresh token is refused").isEqualTo(401);
		assertThat(replayed.contentType()).startsWith("application/problem+json");
		assertThat(setCookie(replayed, "returnit_refresh")).contains("Max-Age=0");
		assertThat(refreshWith(second, WEB).status()).as("and its whole family is revoked").isEqualTo(401);
	}

	@Test
	void withoutTheAppsHeaderTheCookieIsIgnoredSoAnotherSiteCannotRenewWithIt() {
		String cookie = cookieValue(loginInBrowser(), "returnit_refresh");

		Api.Response forged = refreshWith(cookie);

		assertThat(forged.status()).isEqualTo(401);
		assertThat(refreshWith(cookie, WEB).status()).as("the cookie was not spent by the forged request").isEqualTo(200);
	}

	@Test
	void loggingOutClearsTheCookiesAndTheRefreshTokenStopsWorking() {
		String cookie = cookieValue(loginInBrowser(), "returnit_refresh");

		Api.Response logout = api.send("POST", "/v1/auth/logout", null, null, "Cookie", "returnit_refresh=" + cookie,
				WEB[0], WEB[1]);

		assertThat(logout.status()).isEqualTo(204);
		assertThat(setCookie(logout, "returnit_refresh")).contains("Max-Age=0");
		assertThat(setCookie(logout, "returnit_signed_in")).contains("Max-Age=0");
		assertThat(refreshWith(cookie, WEB).status()).isEqualTo(401);
	}

	@Test
	void apiClientsKeepRefreshTokensInTheBodyAndCanLogOutWithThem() {
		var customer = fixtures.customer();
		Api.Response login = api.post("/v1/auth/token", null, Map.of("email", customer.email(), "password", PASSWORD));
		String refresh = login.text("refreshToken");
		assertThat(login.header("Set-Cookie")).isNull();

		assertThat(api.post("/v1/auth/logout", null, Map.of("refreshToken", refresh)).status()).isEqualTo(204);
		assertThat(api.post("/v1/auth/refresh", null, Map.of("refreshToken", refresh)).status()).isEqualTo(401);
	}

	/** What {@code Fixtures.customer()} signs up with. */
	private static final String PASSWORD = "customer-password-1";

	private Api.Response loginInBrowser() {
		var customer = fixtures.customer();
		Api.Response login = api.post("/v1/auth/token", null, Map.of("email", customer.email(), "password", PASSWORD), WEB);
		assertThat(login.status()).isEqualTo(200);
		return login;
	}

	private Api.Response refreshWith(String cookie, String... headers) {
		List<String> all = new java.util.ArrayList<>(List.of("Cookie", "returnit_refresh=" + cookie));
		all.addAll(List.of(headers));
		return api.send("POST", "/v1/auth/refresh", null, null, all.toArray(String[]::new));
	}

	private static String setCookie(Api.Response response, String name) {
		return response.raw().headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
			.findFirst().orElseThrow(() -> new AssertionError("no Set-Cookie for " + name));
	}

	private static String cookieValue(Api.Response response, String name) {
		return HttpCookie.parse(setCookie(response, name)).getFirst().getValue();
	}
}
