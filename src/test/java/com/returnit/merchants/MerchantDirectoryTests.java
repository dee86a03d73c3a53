package com.returnit.merchants;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import com.returnit.support.JsonBody;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Anyone, without logging in, finds a merchant to return to by part of its name: its logo, the cities of its hubs and
 * whether the customer pays, by name, a page at a time.
 */
class MerchantDirectoryTests extends EndToEndTest {

	/** Names in this test carry a word no other test uses, so the shared database's other merchants stay out. */
	private final String word = "Qz" + UUID.randomUUID().toString().substring(0, 6);

	@Test
	void anonymousCallersFindMerchantsByAnyPartOfTheNameInAnyCaseOrderedByName() {
		connect("Beta " + word + " Outdoor", "https://cdn.example.com/beta.png", "customer_pays",
				hub("Lager 1, 10115 Berlin", null), hub("Hafen 2, 20457 Hamburg", null), hub("Hof 3, 10117 Berlin", null));
		connect("alpha " + word.toUpperCase() + " Knits", "/logos/alpha.svg", "merchant_pays",
				hub("Marienplatz 1, 80331 München", "Munich"));
		connect("Gamma " + word + " Shoes", null, "merchant_pays", hub("Somewhere without a comma", null));

		Api.Response page = api.get("/v1/merchants?query=" + word.toLowerCase() + "&limit=20", null);

		assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
		assertThat(page.header("RateLimit-Policy")).as("the anonymous tier").startsWith("\"anonymous\"");
		JsonNode data = page.body().get("data");
		assertThat(data).extracting(m -> m.get("name").asString()).containsExactly("alpha " + word.toUpperCase() + " Knits",
				"Beta " + word + " Outdoor", "Gamma " + word + " Shoes");
		assertThat(data.get(0).get("logoUrl").asString()).isEqualTo("/logos/alpha.svg");
		assertThat(data.get(0).get("cities")).extracting(JsonNode::asString).containsExactly("Munich");
		assertThat(data.get(0).get("customerPays").asBoolean()).isFalse();
		assertThat(data.get(1).get("logoUrl").asString()).isEqualTo("https://cdn.example.com/beta.png");
		assertThat(data.get(1).get("cities")).as("each city once, derived from the addresses")
			.extracting(JsonNode::asString).containsExactly("Berlin", "Hamburg");
		assertThat(data.get(1).get("customerPays").asBoolean()).isTrue();
		assertThat(data.get(2).get("logoUrl").isNull()).isTrue();
		assertThat(data.get(2).get("cities")).isEmpty();
		assertThat(data.get(0).propertyNames()).containsExactlyInAnyOrder("id", "name", "logoUrl", "brandColor",
				"cities", "customerPays");
		assertThat(page.body().get("hasMore").asBoolean()).isFalse();
	}

	@Test
	void pagesFollowOneAnotherFromTheLastMerchantOfThePage() {
		List<String> names = List.of("A " + word, "b " + word, "C " + word, "d " + word, "E " + word);
		for (String name : names.reversed()) {
			connect(name, null, "merchant_pays", hub("Lager 1, 10115 Berlin", null));
		}

		Api.Response first = api.get("/v1/merchants?query=" + word + "&limit=2", null);
		String last = first.body().get("data").get(1).get("id").asString();
		Api.Response second = api.get("/v1/merchants?query=" + word + "&limit=2&startingAfter=" + last, null);
		Api.Response third = api.get("/v1/merchants?query=" + word + "&limit=2&startingAfter="
				+ second.body().get("data").get(1).get("id").asString(), null);

		assertThat(first.body().get("data")).extracting(m -> m.get("name").asString()).containsExactly(names.get(0),
				names.get(1));
		assertThat(first.body().get("hasMore").asBoolean()).isTrue();
		assertThat(second.body().get("data")).extracting(m -> m.get("name").asString()).containsExactly(names.get(2),
				names.get(3));
		assertThat(third.body().get("data")).extracting(m -> m.get("name").asString()).containsExactly(names.get(4));
		assertThat(third.body().get("hasMore").asBoolean()).isFalse();
	}

	@Test
	void withoutAQueryEveryMerchantIsListedAndLoggedInCallersMayListToo() {
		connect("Zz " + word, null, "merchant_pays", hub("Lager 1, 10115 Berlin", null));
		String customer = fixtures.customer().token();

		Api.Response page = api.get("/v1/merchants?limit=50", customer);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("RateLimit-Policy")).startsWith("\"customer\"");
		assertThat(page.body().get("data").size()).isBetween(1, 50);
	}

	@Test
	void aQueryWildcardIsSearchedForLiterally() {
		connect("100% " + word + " Cotton", null, "merchant_pays", hub("Lager 1, 10115 Berlin", null));
		connect("1000 " + word + " Socks", null, "merchant_pays", hub("Lager 1, 10115 Berlin", null));

		JsonNode data = api.get("/v1/merchants?query=100%25%20" + word, null).body().get("data");

		assertThat(data).extracting(m -> m.get("name").asString()).containsExactly("100% " + word + " Cotton");
	}

	@Test
	void badParametersAre400sNamingTheParameter() {
		Map<String, String> cases = Map.of("/v1/merchants?query=%20%20", "query",
				"/v1/merchants?query=" + "x".repeat(101), "query", "/v1/merchants?limit=0", "limit",
				"/v1/merchants?limit=51", "limit", "/v1/merchants?limit=many", "limit",
				"/v1/merchants?startingAfter=not-a-uuid", "startingAfter",
				"/v1/merchants?startingAfter=" + UUID.randomUUID(), "startingAfter");
		cases.forEach((path, field) -> {
			Api.Response answer = api.get(path, null);
			assertThat(answer.status()).as(path).isEqualTo(400);
			assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
			assertThat(answer.body().get("errors").get(0).get("field").asString()).as(path).isEqualTo(field);
		});
	}

	@Test
	void aLogoMustBeAnHttpsUrlOrAPathOnTheWebAppAndIsShownWithTheMerchant() {
		for (String bad : List.of("http://cdn.example.com/logo.png", "javascript:alert(1)", "//evil.example/x.svg",
				"logo.png", "https://", "/with space.svg", "data:image/svg+xml,<svg/>")) {
			Api.Response refused = api.post("/v1/merchants", fixtures.operatorToken(),
					JsonBody.of(Fixtures.merchantBody("Bad Logo " + word)).with("logoUrl", bad).toString());
			assertThat(refused.status()).as(bad).isEqualTo(400);
			assertThat(refused.body().get("errors").get(0).get("field").asString()).as(bad).isEqualTo("logoUrl");
		}

		Fixtures.MerchantRef shop = connect("Good Logo " + word, "https://cdn.example.com/a/logo.svg?v=2",
				"merchant_pays", hub("Invalidenstr 1, Berlin", null));
		JsonNode merchant = api.get("/v1/merchants/" + shop.id(), shop.apiKey()).body();
		assertThat(merchant.get("logoUrl").asString()).isEqualTo("https://cdn.example.com/a/logo.svg?v=2");
		assertThat(merchant.get("hubs").get(0).get("city").asString()).isEqualTo("Berlin");
	}

	@Test
	void aHubCityIsOptionalAndLimitedInLength() {
		Api.Response refused = api.post("/v1/merchants", fixtures.operatorToken(),
				JsonBody.of(Fixtures.merchantBody("Long City " + word)).with("hubs[0].city", "x".repeat(101)).toString());

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("hubs[0].city");
	}

	@SafeVarargs
	private Fixtures.MerchantRef connect(String name, String logoUrl, String billing, Map<String, Object> hub,
			Map<String, Object>... more) {
		fixtures.berlinServiceArea();
		JsonBody body = JsonBody.of(Fixtures.merchantBody(name)).with("billing", billing)
			.with("hubs", java.util.stream.Stream.concat(java.util.stream.Stream.of(hub), java.util.Arrays.stream(more))
				.toList());
		if (logoUrl != null) {
			body = body.with("logoUrl", logoUrl);
		}
		Api.Response created = api.post("/v1/merchants", fixtures.operatorToken(), body.toString());
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return new Fixtures.MerchantRef(created.text("id"), created.body().get("apiKey").get("secret").asString());
	}

	private static Map<String, Object> hub(String address, String city) {
		var hub = new java.util.HashMap<String, Object>(
				Map.of("name", "Hub", "address", address, "lat", 52.5321, "lng", 13.3849));
		if (city != null) {
			hub.put("city", city);
		}
		return hub;
	}
}
