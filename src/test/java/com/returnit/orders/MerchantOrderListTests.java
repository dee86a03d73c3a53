package com.returnit.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A merchant's list of returns (issue 16): filtered by creation dates, customer and its own order reference, each
 * order showing who it is for and the merchant's reference, to the merchant (key or member) and operators only.
 */
class MerchantOrderListTests extends EndToEndTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMerchantFiltersItsReturnsByCustomerOrderReferenceAndDatesAndSeesWhoEachIsFor() {
		var shop = fixtures.merchant("Filtered Returns " + UUID.randomUUID());
		Fixtures.Person priya = customer("Priya Patel");
		Fixtures.Person jonas = customer("Jonas Weber");
		String p1 = fixtures.order(priya, shop, "MO-P1");
		String j1 = fixtures.order(jonas, shop, "MO-J1");
		String j2 = fixtures.order(jonas, shop, "MO-J2");
		String today = LocalDate.now(ZoneOffset.UTC).toString();

		JsonNode all = list(shop.apiKey(), "").get("data");
		assertThat(ids(all)).containsExactly(j2, j1, p1);
		JsonNode first = all.get(2);
		assertThat(first.get("merchantOrderRef").asString()).isEqualTo("MO-P1");
		assertThat(first.at("/customer/name").asString()).isEqualTo("Priya Patel");
		assertThat(first.at("/customer/email").asString()).isEqualTo(priya.email());
		assertThat(api.get("/v1/orders/" + j2, shop.apiKey()).body().at("/customer/name").asString())
			.isEqualTo("Jonas Weber");

		assertThat(ids(list(shop.apiKey(), "customer=pRiYa").get("data"))).containsExactly(p1);
		assertThat(ids(list(shop.apiKey(), "customer=atel").get("data"))).as("a piece of the name").containsExactly(p1);
		assertThat(ids(list(shop.apiKey(), "customer=" + priya.email().toUpperCase()).get("data"))).containsExactly(p1);
		assertThat(ids(list(shop.apiKey(), "customer=test.returnit.local").get("data")))
			.as("an email matches exactly, never a piece of it").isEmpty();
		assertThat(ids(list(shop.apiKey(), "customer=weber").get("data"))).containsExactly(j2, j1);
		assertThat(ids(list(shop.apiKey(), "customer=%25").get("data"))).as("LIKE wildcards are plain text").isEmpty();
		assertThat(ids(list(shop.apiKey(), "merchantOrderRef=MO-J2").get("data"))).containsExactly(j2);
		assertThat(ids(list(shop.apiKey(), "merchantOrderRef=mo-j2").get("data"))).as("exact").isEmpty();
		assertThat(ids(list(shop.apiKey(), "customer=weber&merchantOrderRef=MO-J1").get("data"))).containsExactly(j1);
		assertThat(ids(list(shop.apiKey(), "from=" + today + "&to=" + today).get("data"))).containsExactly(j2, j1, p1);
		assertThat(ids(list(shop.apiKey(), "from=" + LocalDate.parse(today).plusDays(1)).get("data"))).isEmpty();
		assertThat(ids(list(shop.apiKey(), "to=" + LocalDate.parse(today).minusDays(1)).get("data"))).isEmpty();

		assertThat(api.post("/v1/orders/" + j1 + "/cancel", jonas.token(), Map.of("reason", "kept it")).status())
			.isEqualTo(200);
		assertThat(ids(list(shop.apiKey(), "customer=weber&status=cancelled").get("data"))).containsExactly(j1);

		JsonNode page = list(shop.apiKey(), "customer=weber&limit=1");
		assertThat(ids(page.get("data"))).containsExactly(j2);
		assertThat(page.get("hasMore").asBoolean()).isTrue();
		JsonNode next = list(shop.apiKey(), "customer=weber&limit=1&startingAfter=" + j2);
		assertThat(ids(next.get("data"))).containsExactly(j1);
		assertThat(next.get("hasMore").asBoolean()).isFalse();

		Fixtures.Member support = fixtures.member(jdbc, shop.id(), fixtures.operatorToken(), "support");
		JsonNode bySupport = list(support.token(), "customer=priya").get("data");
		assertThat(ids(bySupport)).containsExactly(p1);
		assertThat(bySupport.at("/0/customer/email").asString()).isEqualTo(priya.email());
		JsonNode byOperator = api.get("/v1/orders/" + p1, fixtures.operatorToken()).body();
		assertThat(byOperator.get("merchantOrderRef").asString()).isEqualTo("MO-P1");
		assertThat(byOperator.at("/customer/name").asString()).isEqualTo("Priya Patel");
	}

	@Test
	void theCustomersOwnViewHasNoCustomerBlockAndAnotherMerchantSeesNoneOfThem() {
		var shop = fixtures.merchant("Private Returns " + UUID.randomUUID());
		var other = fixtures.merchant("Nosy Returns " + UUID.randomUUID());
		Fixtures.Person priya = customer("Priya Private");
		String order = fixtures.order(priya, shop, "MO-SECRET");

		for (JsonNode own : List.of(api.get("/v1/orders/" + order, priya.token()).body(),
				list(priya.token(), "").get("data").get(0))) {
			assertThat(own.get("id").asString()).isEqualTo(order);
			assertThat(own.get("customer") == null || own.get("customer").isNull()).as(own.toString()).isTrue();
			assertThat(own.get("merchantOrderRef") == null || own.get("merchantOrderRef").isNull()).isTrue();
		}
		Api.Response customerFilter = api.get("/v1/orders?customer=priya", priya.token());
		assertThat(customerFilter.status()).isEqualTo(400);
		assertThat(customerFilter.body().at("/errors/0/field").asString()).isEqualTo("customer");

		assertThat(list(other.apiKey(), "customer=" + priya.email()).get("data")).isEmpty();
		assertThat(list(other.apiKey(), "merchantOrderRef=MO-SECRET").get("data")).isEmpty();
		assertThat(list(other.apiKey(), "").get("data")).isEmpty();
		assertThat(api.get("/v1/orders/" + order, other.apiKey()).status()).isEqualTo(404);
	}

	@Test
	void aBadFilterIsA400NamingIt() {
		var shop = fixtures.merchant("Strict Filters " + UUID.randomUUID());
		assertField(api.get("/v1/orders?from=2026-13-01", shop.apiKey()), "from");
		assertField(api.get("/v1/orders?to=yesterday", shop.apiKey()), "to");
		assertField(api.get("/v1/orders?from=2026-11-30&to=2026-11-01", shop.apiKey()), "to");
		assertField(api.get("/v1/orders?status=lost", shop.apiKey()), "status");
		assertField(api.get("/v1/orders?merchantOrderRef=" + "R".repeat(101), shop.apiKey()), "merchantOrderRef");
	}

	private static void assertField(Api.Response response, String field) {
		assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body().get("errors")).extracting(e -> e.get("field").asString()).contains(field);
	}

	private JsonNode list(String token, String query) {
		Api.Response response = api.get("/v1/orders?" + query, token);
		assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
		return response.body();
	}

	private static List<String> ids(JsonNode data) {
		return data.valueStream().map(o -> o.get("id").asString()).toList();
	}

	/** A customer with this name, signed up and logged in. */
	private Fixtures.Person customer(String name) {
		String email = "list-" + UUID.randomUUID() + "@test.returnit.local";
		Api.Response response = api.post("/v1/customers", null,
				Map.of("email", email, "password", "customer-password-1", "name", name));
		assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
		return new Fixtures.Person(response.text("id"), email, fixtures.login(email, "customer-password-1"));
	}
}
