package com.returnit.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The web app as the service serves it: deep links, caching, and what stays the API's. */
class WebAppTests extends EndToEndTest {

	@Test
	void aDeepLinkToAPageOfTheAppLoadsTheAppWhichIsRevalidatedOnEveryVisit() {
		for (String path : java.util.List.of("/", "/book", "/orders/0190aaaa-0000-7000-8000-000000000000", "/account",
				"/track/some-token", "/r/some-link", "/ops")) {
			Api.Response page = api.get(path, null);

			assertThat(page.status()).as(path).isEqualTo(200);
			assertThat(page.contentType()).as(path).startsWith("text/html");
			assertThat(page.raw().body()).as(path).contains("<div id=\"root\"></div>");
			assertThat(page.header("Cache-Control")).as(path).isEqualTo("no-cache");
		}
	}

	@Test
	void theAppsHashedFilesAreCachedForAYearAndNeverAskedForAgain() {
		String asset = firstScriptOf(api.get("/", null).raw().body());

		Api.Response script = api.get(asset, null);

		assertThat(script.status()).isEqualTo(200);
		assertThat(script.contentType()).startsWith("text/javascript");
		assertThat(script.header("Cache-Control")).isEqualTo("max-age=31536000, public, immutable");
	}

	@Test
	void theAppsFilesComeCompressedAsTheBuildCompressedThem() {
		String asset = firstScriptOf(api.get("/", null).raw().body());

		Api.Response brotli = api.send("GET", asset, null, null, "Accept-Encoding", "br, gzip");
		Api.Response gzip = api.send("GET", asset, null, null, "Accept-Encoding", "gzip");
		Api.Response plain = api.get(asset, null);

		assertThat(brotli.header("Content-Encoding")).isEqualTo("br");
		assertThat(gzip.header("Content-Encoding")).isEqualTo("gzip");
		assertThat(plain.header("Content-Encoding")).isNull();
		assertThat(brotli.raw().headers().allValues("Vary")).anyMatch(vary -> vary.contains("Accept-Encoding"));
		assertThat(Integer.parseInt(brotli.header("Content-Length"))).isLessThan(Integer.parseInt(plain.header("Content-Length")) / 2);
		assertThat(brotli.header("Cache-Control")).isEqualTo("max-age=31536000, public, immutable");
	}

	@Test
	void aMissingFileIsA404AndNotThePageOfTheApp() {
		assertThat(api.get("/assets/no-such-file.js", null).status()).isEqualTo(404);
		assertThat(api.get("/favicon.ico", null).status()).isEqualTo(404);
		assertThat(api.get("/favicon.svg", null).status()).isEqualTo(200);
	}

	@Test
	void theApiStaysTheApiUnderTheApp() {
		var customer = fixtures.customer();

		Api.Response unknown = api.get("/v1/no-such-thing", customer.token());

		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		assertThat(unknown.header("Cache-Control")).contains("no-store");
		assertThat(api.get("/v1/orders", null).status()).as("the API still needs a token").isEqualTo(401);
	}

	@Test
	void theAppLearnsWhereMapTilesComeFromAndHowCardsArePaid() {
		Api.Response config = api.get("/v1/public/web-config", null);

		assertThat(config.status()).isEqualTo(200);
		assertThat(config.body().at("/map/tileUrl").asString()).isEqualTo("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
		assertThat(config.body().at("/map/attribution").asString()).contains("OpenStreetMap");
		assertThat(config.body().at("/payments/provider").asString()).isEqualTo("sandbox");
		assertThat(config.body().get("demoLogins")).as("no demo without the demo").isEmpty();
	}

	static String firstScriptOf(String html) {
		Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(html);
		assertThat(script.find()).as("the index names its script").isTrue();
		return script.group(1);
	}
}
