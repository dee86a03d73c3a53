package com.returnit.platform;

import static com.returnit.platform.MalformedRequestTests.Who.CUSTOMER;
import static com.returnit.platform.MalformedRequestTests.Who.MERCHANT;
import static com.returnit.platform.MalformedRequestTests.Who.NOBODY;
import static com.returnit.platform.MalformedRequestTests.Who.OPERATOR;
import static com.returnit.platform.MalformedRequestTests.Who.OTHER_MERCHANT;
import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import com.returnit.support.JsonBody;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever a client gets wrong, it hears back a problem document with the right status and, for a bad field, that
 * field's JSON path; never a 500. Paths and bodies name {@code {merchant}}, {@code {order}} and
 * {@code {otherMerchant}}, filled in with real ones created once for the whole table.
 */
class MalformedRequestTests extends EndToEndTest {

	enum Who {
		NOBODY, CUSTOMER, MERCHANT, OTHER_MERCHANT, OPERATOR
	}

	/** What exists to be referred to: one customer with one order at one merchant, and a second merchant. */
	record World(String operator, Fixtures.Person customer, Fixtures.MerchantRef merchant,
			Fixtures.MerchantRef otherMerchant, String order) {

		String token(Who who) {
			return switch (who) {
				case NOBODY -> null;
				case CUSTOMER -> customer.token();
				case MERCHANT -> merchant.apiKey();
				case OTHER_MERCHANT -> otherMerchant.apiKey();
				case OPERATOR -> operator;
			};
		}

		String fill(String text) {
			return text.replace("{merchant}", merchant.id())
				.replace("{otherMerchant}", otherMerchant.id())
				.replace("{order}", order);
		}
	}

	private static World world;

	@BeforeEach
	void createTheWorldOnce() {
		if (world == null) {
			var customer = fixtures.customer();
			var merchant = fixtures.merchant("Malformed Goods");
			world = new World(fixtures.operatorToken(), customer, merchant, fixtures.merchant("Other Goods"),
					fixtures.order(customer, merchant));
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedRequests")
	void aMalformedRequestIsAnsweredWithAProblemDocumentNamingWhatIsWrong(Case malformed) {
		Api.Response response = send(malformed);

		assertThat(response.status()).as(response.body().toString()).isLessThan(500).isEqualTo(malformed.status());
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body().get("status").asInt()).isEqualTo(malformed.status());
		assertThat(response.body().get("title").asString()).isNotBlank();
		assertThat(response.body().get("detail").asString()).isNotBlank();
		if (malformed.fields().isEmpty()) {
			assertThat(response.body().has("errors")).as(response.body().toString()).isFalse();
		}
		else {
			assertThat(response.body().get("errors")).as(response.body().toString())
				.extracting(error -> error.get("field").asString())
				.containsExactlyInAnyOrderElementsOf(malformed.fields());
		}
	}

	static Stream<Case> malformedRequests() {
		return Stream.of(
				// Signing up and logging in
				aCase("sign-up with malformed JSON").post("/v1/customers", "{\"email\": ").answers(400, "body"),
				aCase("sign-up with an empty body").post("/v1/customers", "").answers(400, "body"),
				aCase("sign-up with a JSON array for a body").post("/v1/customers", "[]").answers(400, "body"),
				aCase("sign-up with an unknown field").post("/v1/customers", signUp().with("foo", 1)).answers(400, "foo"),
				aCase("sign-up with a null email").post("/v1/customers", signUp().with("email", null))
					.answers(400, "email"),
				aCase("sign-up with an email that is an array").post("/v1/customers", signUp().with("email", List.of("a")))
					.answers(400, "email"),
				aCase("sign-up with a short password and no name")
					.post("/v1/customers", signUp().with("password", "short").without("name"))
					.answers(400, "password", "name"),
				aCase("sign-up sent as text/plain")
					.post("/v1/customers", signUp(), "Content-Type", "text/plain").answers(415),
				aCase("log-in with a wrong password").post("/v1/auth/token",
						JsonBody.of(Map.of("email", ADMIN_EMAIL, "password", "not-the-password")))
					.answers(401),
				aCase("log-in without a password")
					.post("/v1/auth/token", JsonBody.of(Map.of("email", ADMIN_EMAIL))).answers(400, "password"),
				aCase("refresh with an unknown token")
					.post("/v1/auth/refresh", JsonBody.of(Map.of("refreshToken", "no-such-token"))).answers(401),
				aCase("refresh with a token that is an object").post("/v1/auth/refresh",
						JsonBody.of(Map.of("refreshToken", Map.of("value", "x"))))
					.answers(400, "refreshToken"),

				// Drivers, merchants and service areas (operators)
				aCase("driver without a token").post("/v1/drivers", driver()).answers(401),
				aCase("driver created by a customer").as(CUSTOMER).post("/v1/drivers", driver()).answers(403),
				aCase("driver with an unknown vehicle type").as(OPERATOR)
					.post("/v1/drivers", driver().with("vehicle.type", "rocket")).answers(400, "vehicle.type"),
				aCase("driver with an unknown nested field").as(OPERATOR)
					.post("/v1/drivers", driver().with("vehicle.wheels", 3)).answers(400, "vehicle.wheels"),
				aCase("driver with a vehicle for no parcels").as(OPERATOR)
					.post("/v1/drivers", driver().with("vehicle.capacityParcels", 0))
					.answers(400, "vehicle.capacityParcels"),
				aCase("merchant rule over an unknown field").as(OPERATOR)
					.post("/v1/merchants", merchant().with("returnPolicy.rules[0].expression", "item.colour == \"x\""))
					.answers(400, "returnPolicy.rules[0].expression"),
				aCase("merchant rule that is not a boolean").as(OPERATOR)
					.post("/v1/merchants", merchant().with("returnPolicy.rules[0].expression", "item.valueCents + 1"))
					.answers(400, "returnPolicy.rules[0].expression"),
				aCase("merchant rule with a bad name").as(OPERATOR)
					.post("/v1/merchants", merchant().with("returnPolicy.rules[0].name", "Bad Name"))
					.answers(400, "returnPolicy.rules[0].name"),
				aCase("merchant with a window of words").as(OPERATOR)
					.post("/v1/merchants", merchant().with("returnPolicy.windowDays", "thirty"))
					.answers(400, "returnPolicy.windowDays"),
				aCase("merchant with a hub north of the pole").as(OPERATOR)
					.post("/v1/merchants", merchant().with("hubs[0].lat", 90.5)).answers(400, "hubs[0].lat"),
				aCase("merchant without hubs").as(OPERATOR)
					.post("/v1/merchants", merchant().with("hubs", List.of())).answers(400, "hubs"),
				aCase("service area of two vertices").as(OPERATOR)
					.post("/v1/service-areas", area(List.of(List.of(52.6, 13.1), List.of(52.4, 13.7))))
					.answers(400, "polygon"),
				aCase("service area with a vertex off the globe").as(OPERATOR)
					.post("/v1/service-areas",
							area(List.of(List.of(95.0, 13.1), List.of(52.6, 13.7), List.of(52.4, 13.7))))
					.answers(400, "polygon[0]"),
				aCase("service area with a three-number vertex").as(OPERATOR)
					.post("/v1/service-areas",
							area(List.of(List.of(52.6, 13.1), List.of(52.6, 13.7, 1.0), List.of(52.4, 13.7))))
					.answers(400, "polygon[1]"),

				// Quotes
				aCase("quote with a pickup north of the pole").as(CUSTOMER)
					.post("/v1/quotes", quote().with("pickup.lat", 91)).answers(400, "pickup.lat"),
				aCase("quote with a pickup west of the date line").as(CUSTOMER)
					.post("/v1/quotes", quote().with("pickup.lng", -180.5)).answers(400, "pickup.lng"),
				aCase("quote with a latitude in words").as(CUSTOMER)
					.post("/v1/quotes", quote().with("pickup.lat", "north")).answers(400, "pickup.lat"),
				aCase("quote with an unknown nested field").as(CUSTOMER)
					.post("/v1/quotes", quote().with("pickup.floor", 3)).answers(400, "pickup.floor"),
				aCase("quote without a pickup").as(CUSTOMER)
					.post("/v1/quotes", quote().with("pickup", null)).answers(400, "pickup"),
				aCase("quote with a merchantId that is not a UUID").as(CUSTOMER)
					.post("/v1/quotes", quote().with("merchantId", "not-a-uuid")).answers(400, "merchantId"),
				aCase("quote from a merchant that does not exist").as(CUSTOMER)
					.post("/v1/quotes", quote().with("merchantId", UUID.randomUUID())).answers(422, "merchantId"),
				aCase("quote by a merchant for another merchant").as(MERCHANT)
					.post("/v1/quotes", quote().with("merchantId", "{otherMerchant}")).answers(422, "merchantId"),
				aCase("quote with a thirty-minute window").as(CUSTOMER)
					.post("/v1/quotes", quote().with("window", window(hoursFromNow(48), 0.5))).answers(400, "window.end"),
				aCase("quote with a two-day window").as(CUSTOMER)
					.post("/v1/quotes", quote().with("window", window(hoursFromNow(48), 48))).answers(400, "window.end"),
				aCase("quote with a window in the past").as(CUSTOMER)
					.post("/v1/quotes", quote().with("window", window(hoursFromNow(-3), 2))).answers(400, "window.start"),
				aCase("quote with a window 31 days out").as(CUSTOMER)
					.post("/v1/quotes", quote().with("window", window(hoursFromNow(31 * 24), 2)))
					.answers(400, "window.start"),
				aCase("quote with a window start that is not a timestamp").as(CUSTOMER)
					.post("/v1/quotes", quote().with("window.start", "tomorrow morning")).answers(400, "window.start"),
				aCase("quote of zero items").as(CUSTOMER)
					.post("/v1/quotes", quote().with("items", List.of())).answers(400, "items"),
				aCase("quote of 101 items").as(CUSTOMER)
					.post("/v1/quotes", quote().with("items", Collections.nCopies(101, item()))).answers(400, "items"),
				aCase("quote of a null item").as(CUSTOMER)
					.post("/v1/quotes", quote().with("items[0]", null)).answers(400, "items[0]"),
				aCase("quote of an item worth less than nothing").as(CUSTOMER)
					.post("/v1/quotes", quote().with("items[0].valueCents", -1)).answers(400, "items[0].valueCents"),
				aCase("quote of an item worth more than a long").as(CUSTOMER)
					.post("/v1/quotes", quote().with("items[1].valueCents", new java.math.BigInteger("99999999999999999999")))
					.answers(400, "items[1].valueCents"),
				aCase("quote of an item bought at no time").as(CUSTOMER)
					.post("/v1/quotes", quote().with("items[0].purchasedAt", "last week"))
					.answers(400, "items[0].purchasedAt"),
				aCase("quote of an item with an unknown field").as(CUSTOMER)
					.post("/v1/quotes", quote().with("items[1].colour", "red")).answers(400, "items[1].colour"),
				aCase("quote body of 1 MiB and a byte, with a Content-Length").as(CUSTOMER)
					.post("/v1/quotes", oversized()).answers(413),
				aCase("quote body of 1 MiB and a byte, chunked").as(CUSTOMER)
					.post("/v1/quotes", oversized()).chunked().answers(413),
				aCase("quote body of 1 MiB and a byte, chunked, with an Idempotency-Key").as(CUSTOMER)
					.post("/v1/quotes", oversized(), "Idempotency-Key", UUID.randomUUID().toString())
					.chunked().answers(413),
				aCase("quotes deleted").as(CUSTOMER).send("DELETE", "/v1/quotes", null).answers(405),
				aCase("quotes read").as(CUSTOMER).send("GET", "/v1/quotes", null).answers(405),

				// Bookings
				aCase("booking with an empty object").as(CUSTOMER)
					.post("/v1/orders", "{}").answers(400, "merchantId", "pickup", "window", "items"),
				aCase("booking naming a quote and a request").as(CUSTOMER)
					.post("/v1/orders", quote().with("quoteId", UUID.randomUUID())).answers(400, "quoteId"),
				aCase("booking from a quote that does not exist").as(CUSTOMER)
					.post("/v1/orders", JsonBody.of(Map.of("quoteId", UUID.randomUUID()))).answers(404),
				aCase("booking by a customer naming a customer").as(CUSTOMER)
					.post("/v1/orders", quote().with("customer",
							Map.of("name", "Someone Else", "email", "someone@test.returnit.local")))
					.answers(400, "customer"),
				aCase("booking by a merchant with a customer without email").as(MERCHANT)
					.post("/v1/orders", quote().with("customer", Map.of("name", "Someone Else")))
					.answers(400, "customer.email"),
				aCase("booking by an operator").as(OPERATOR).post("/v1/orders", quote()).answers(403),
				aCase("booking with an Idempotency-Key of 256 characters").as(CUSTOMER)
					.post("/v1/orders", quote(), "Idempotency-Key", "k".repeat(256)).answers(400),
				aCase("booking sent as text/plain").as(CUSTOMER)
					.post("/v1/orders", quote(), "Content-Type", "text/plain").answers(415),
				aCase("booking with a bearer token that is no token").post("/v1/orders", quote(),
						"Authorization", "Bearer not-a-jwt").answers(401),
				aCase("booking with an API key that does not exist").post("/v1/orders", quote(),
						"Authorization", "Bearer rk_no_such_key").answers(401),

				// Cancelling
				aCase("cancel of an order id that is not a UUID").as(CUSTOMER)
					.post("/v1/orders/not-a-uuid/cancel", cancel()).answers(400, "id"),
				aCase("cancel of an order that does not exist").as(CUSTOMER)
					.post("/v1/orders/" + UUID.randomUUID() + "/cancel", cancel()).answers(404),
				aCase("cancel of an order by a merchant that is not its merchant").as(OTHER_MERCHANT)
					.post("/v1/orders/{order}/cancel", cancel()).answers(404),
				aCase("cancel with a blank reason").as(CUSTOMER)
					.post("/v1/orders/{order}/cancel", cancel().with("reason", "  ")).answers(400, "reason"),
				aCase("cancel without a body").as(CUSTOMER).post("/v1/orders/{order}/cancel", "").answers(400, "body"),
				aCase("cancel with a reason that is a number array").as(CUSTOMER)
					.post("/v1/orders/{order}/cancel", cancel().with("reason", List.of(1, 2))).answers(400, "reason"),

				// Return policies
				aCase("policy rule over an unknown field").as(OPERATOR)
					.put("/v1/merchants/{merchant}/return-policy",
							policy().with("rules[0].expression", "item.colour == \"x\""))
					.answers(400, "rules[0].expression"),
				aCase("policy rule that is not a boolean").as(MERCHANT)
					.put("/v1/merchants/{merchant}/return-policy", policy().with("rules[0].expression", "item.sku"))
					.answers(400, "rules[0].expression"),
				aCase("policy rule that does not parse").as(MERCHANT)
					.put("/v1/merchants/{merchant}/return-policy", policy().with("rules[0].expression", "item.sku =="))
					.answers(400, "rules[0].expression"),
				aCase("policy with two rules of one name").as(MERCHANT)
					.put("/v1/merchants/{merchant}/return-policy",
							policy().with("rules[1]", Map.of("name", "swimwear_tags", "expression", "true",
									"message", "Again.")))
					.answers(400, "rules[1].name"),
				aCase("policy of zero items and no categories").as(MERCHANT)
					.put("/v1/merchants/{merchant}/return-policy",
							policy().with("maxItems", 0).with("excludedCategories", null))
					.answers(400, "maxItems", "excludedCategories"),
				aCase("policy of another merchant").as(MERCHANT)
					.put("/v1/merchants/{otherMerchant}/return-policy", policy()).answers(404),
				aCase("policy of a merchant id that is not a UUID").as(OPERATOR)
					.put("/v1/merchants/acme/return-policy", policy()).answers(400, "id"),

				// Reading orders
				aCase("orders filtered by a status that does not exist").as(CUSTOMER)
					.get("/v1/orders?status=lost").answers(400, "status"),
				aCase("orders limited to none").as(CUSTOMER).get("/v1/orders?limit=0").answers(400, "limit"),
				aCase("orders limited to 101").as(CUSTOMER).get("/v1/orders?limit=101").answers(400, "limit"),
				aCase("orders limited to a word").as(CUSTOMER).get("/v1/orders?limit=many").answers(400, "limit"),
				aCase("orders starting after something that is not a UUID").as(CUSTOMER)
					.get("/v1/orders?startingAfter=yesterday").answers(400, "startingAfter"),
				aCase("orders without a token").get("/v1/orders").answers(401),
				aCase("order id that is not a UUID").as(CUSTOMER).get("/v1/orders/12345").answers(400, "id"),
				aCase("order that does not exist").as(CUSTOMER).get("/v1/orders/" + UUID.randomUUID()).answers(404),
				aCase("order replaced").as(CUSTOMER).send("PUT", "/v1/orders/{order}", "{}").answers(405),
				aCase("merchant id that is not a UUID").as(OPERATOR).get("/v1/merchants/acme").answers(400, "id"));
	}

	/** One request and the answer it must get. */
	record Case(String name, Who who, String method, String path, String body, List<String> headers,
			boolean chunked, int status, List<String> fields) {

		@Override
		public String toString() {
			return name + " -> " + status + (fields.isEmpty() ? "" : " " + fields);
		}
	}

	private static final class CaseBuilder {

		private final String name;
		private Who who = NOBODY;
		private String method;
		private String path;
		private String body;
		private List<String> headers = List.of();
		private boolean chunked;

		CaseBuilder(String name) {
			this.name = name;
		}

		CaseBuilder as(Who caller) {
			this.who = caller;
			return this;
		}

		CaseBuilder post(String path, Object body, String... headers) {
			return send("POST", path, body, headers);
		}

		CaseBuilder put(String path, Object body) {
			return send("PUT", path, body);
		}

		CaseBuilder get(String path) {
			return send("GET", path, null);
		}

		CaseBuilder send(String method, String path, Object body, String... headers) {
			this.method = method;
			this.path = path;
			this.body = body == null ? null : body.toString();
			this.headers = List.of(headers);
			return this;
		}

		CaseBuilder chunked() {
			this.chunked = true;
			return this;
		}

		Case answers(int status, String... fields) {
			return new Case(name, who, method, path, body, headers, chunked, status, List.of(fields));
		}
	}

	private static CaseBuilder aCase(String name) {
		return new CaseBuilder(name);
	}

	private Api.Response send(Case c) {
		String path = world.fill(c.path());
		String body = c.body() == null ? null : world.fill(c.body());
		if (c.chunked()) {
			return sendChunked(path, world.token(c.who()), body, c.headers());
		}
		return api.send(c.method(), path, world.token(c.who()), body, c.headers().toArray(String[]::new));
	}

	/** A body of unknown length, as a streaming client sends it: {@code Transfer-Encoding: chunked}. */
	private Api.Response sendChunked(String path, String token, String body, List<String> headers) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + path))
			.version(HttpClient.Version.HTTP_1_1)
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token);
		for (int i = 0; i < headers.size(); i += 2) {
			request.header(headers.get(i), headers.get(i + 1));
		}
		try (HttpClient client = HttpClient.newHttpClient()) {
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Api.Response(response.statusCode(), response, Api.JSON.readTree(response.body()));
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static JsonBody signUp() {
		return JsonBody.of(Map.of("email", "malformed@test.returnit.local", "password", "customer-password-1", "name",
				"Mal Formed"));
	}

	private static JsonBody driver() {
		return JsonBody.of(Map.of("email", "malformed-driver@test.returnit.local", "password", "driver-password-12",
				"name", "Dee Driver", "vehicle", Map.of("type", "van", "capacityParcels", 40)));
	}

	private static JsonBody merchant() {
		return JsonBody.of(Fixtures.merchantBody("Malformed Merchant"));
	}

	private static JsonBody policy() {
		return JsonBody.of(Fixtures.merchantBody("Policy Only").get("returnPolicy"));
	}

	private static JsonBody area(List<List<Double>> polygon) {
		return JsonBody.of(Map.of("name", "Malformed area", "polygon", polygon));
	}

	private static JsonBody quote() {
		return JsonBody.of(Fixtures.request("{merchant}"));
	}

	private static Map<String, Object> item() {
		return Fixtures.item("SKU-MANY", "tops", 1_000, true);
	}

	private static JsonBody cancel() {
		return JsonBody.of(Map.of("reason", "Changed my mind"));
	}

	private static String oversized() {
		return "{\"padding\": \"" + "x".repeat(1024 * 1024) + "\"}";
	}

	private static Instant hoursFromNow(long hours) {
		return Instant.now().plus(hours, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
	}

	private static Map<String, String> window(Instant start, double hours) {
		return Map.of("start", start.toString(),
				"end", start.plusSeconds((long) (hours * 3600)).toString());
	}
}
