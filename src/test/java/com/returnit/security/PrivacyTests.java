package com.returnit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class PrivacyTests extends EndToEndTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCustomerExportsTheirAccountAndTheirOrdersWithAddressesAndHistory() {
		var merchant = fixtures.merchant("Export Shop");
		var customer = fixtures.customer();
		String order = fixtures.order(customer, merchant);

		JsonNode export = await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/v1/customers/me/export", customer.token()).body(),
					body -> !body.get("orders").get(0).get("history").isEmpty());

		assertThat(export.get("account").get("email").asString()).isEqualTo(customer.email());
		assertThat(export.get("account").get("name").asString()).isEqualTo("Casey Customer");
		assertThat(export.get("orders")).hasSize(1);
		JsonNode exported = export.get("orders").get(0);
		assertThat(exported.get("id").asString()).isEqualTo(order);
		assertThat(exported.get("pickupAddress").asString()).isEqualTo("Torstrasse 1, 10119 Berlin");
		assertThat(exported.get("items").get(0).get("sku").asString()).isEqualTo("SKU-JACKET");
		assertThat(exported.get("history").get(0).get("type").asString()).isEqualTo("order.scheduled");
		assertThat(audit("customer.exported", customer.id())).hasSize(1);
	}

	@Test
	void anErasedCustomerIsGoneButTheirOrderStaysWithoutThem() {
		var merchant = fixtures.merchant("Erasure Shop");
		var customer = fixtures.customer();
		String refresh = api.post("/v1/auth/token", null,
				Map.of("email", customer.email(), "password", "customer-password-1")).text("refreshToken");
		String order = fixtures.order(customer, merchant);
		api.post("/v1/orders/" + order + "/cancel", customer.token(), Map.of("reason", "Call me on +49 170 1234567"));

		assertThat(api.delete("/v1/customers/me", customer.token()).status()).isEqualTo(204);

		assertThat(api.post("/v1/auth/token", null, Map.of("email", customer.email(), "password", "customer-password-1"))
			.status()).isEqualTo(401);
		assertThat(api.post("/v1/auth/refresh", null, Map.of("refreshToken", refresh)).status()).isEqualTo(401);
		String operator = fixtures.operatorToken();
		JsonNode kept = await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/v1/orders/" + order, operator).body(),
					body -> "(erased)".equals(body.get("pickup").get("address").asString()));
		assertThat(kept.get("price").get("amountCents").asLong()).isPositive();
		assertThat(kept.get("cancelReason").asString()).isEqualTo("(erased)");
		assertThat(kept.get("pickup").get("lat").asDouble()).isEqualTo(52.5);
		assertThat(jdbc.sql("SELECT email, name, phone, password_hash FROM accounts WHERE id = CAST(:id AS uuid)")
			.param("id", customer.id()).query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|"
					+ rs.getString(3) + "|" + rs.getString(4)).single())
			.isEqualTo("erased-" + customer.id() + "@erased.invalid|Erased customer|null|null");
		assertThat(audit("customer.erased", customer.id())).hasSize(1);
		assertThat(api.post("/v1/customers", null, Map.of("email", customer.email(), "password", "a-new-password-1",
				"name", "Casey Again")).status()).as("the email is free again").isEqualTo(201);
	}

	@Test
	void anAccountWithAnOpenOrderCannotBeErasedYet() {
		var customer = fixtures.customer();
		fixtures.order(customer, fixtures.merchant("Open Order Shop"));

		Api.Response refused = api.delete("/v1/customers/me", customer.token());
		assertThat(refused.status()).isEqualTo(409);
		assertThat(api.get("/v1/customers/me/export", customer.token()).status()).isEqualTo(200);
	}

	@Test
	void onlyCustomersHaveTheseRights() {
		for (String token : new String[] { fixtures.merchant("Not A Person").apiKey(), fixtures.driver().token(),
				fixtures.operatorToken() }) {
			assertThat(api.get("/v1/customers/me/export", token).status()).isEqualTo(403);
			assertThat(api.delete("/v1/customers/me", token).status()).isEqualTo(403);
		}
	}

	private JsonNode audit(String action, String target) {
		return api.get("/v1/audit-events?action=" + action + "&targetId=" + target, fixtures.operatorToken()).body()
			.get("data");
	}
}
