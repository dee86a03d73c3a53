package com.returnit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import com.returnit.support.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * GET /v1/customers/me/erasure says what erasing the account does; erasing it then does exactly that, line by line,
 * checked in the rows.
 */
class ErasureTermsTests extends EndToEndTest {

	private static final List<String> ERASED = List.of("name", "email", "phone",
			"password and two-factor authentication", "saved addresses", "notification preferences",
			"pickup addresses (only the area, about 10 km, is kept)",
			"reasons and notes you wrote (cancellations, returned items)", "the emails and text messages we sent you");

	@Autowired
	JdbcClient jdbc;

	private final WebhookReceiver receiver = new WebhookReceiver();

	@AfterEach
	void stopReceiver() {
		receiver.close();
	}

	@Test
	void theTermsSayWhatIsErasedAndKeptAndErasingDoesJustThat() {
		Fixtures.MerchantRef merchant = fixtures.merchant("Erasure Terms Shop");
		fixtures.webhookEndpoint(merchant, receiver.url("/hooks"), "order.cancelled");
		Fixtures.Person signedUp = fixtures.customer();
		Fixtures.Person customer = new Fixtures.Person(signedUp.id(), signedUp.email(),
				fixtures.enrolTotp(signedUp.token()).accessToken());
		assertThat(count("totp_credentials WHERE account_id = CAST(:id AS uuid)", customer)).isOne();
		String orderId = api.post("/v1/orders", customer.token(), Fixtures.request(merchant.id(), List.of(Map.of(
				"sku", "JKT-1", "description", "Rain jacket", "category", "outerwear", "purchasedAt",
				Instant.now().minus(Duration.ofDays(3)).toString(), "valueCents", 9_900, "tagsAttached", true, "reason",
				"not_as_described", "reasonNote", "Call me on +49 170 1234567")))).text("id");
		api.post("/v1/customers/me/addresses", customer.token(),
				Map.of("label", "Home", "address", "Torstrasse 1, 10119 Berlin", "lat", 52.529, "lng", 13.401));
		api.put("/v1/customers/me/notification-preferences", customer.token(), Map.of("email", true, "sms", false));
		await().atMost(Duration.ofSeconds(10)).until(() -> count("notification_messages", customer) > 0);

		JsonNode blocked = api.get("/v1/customers/me/erasure", customer.token()).body();
		assertThat(blocked.get("allowed").asBoolean()).isFalse();
		assertThat(blocked.get("blockingOrders").asInt()).isEqualTo(1);
		assertThat(api.delete("/v1/customers/me", customer.token()).status()).as("as the terms say").isEqualTo(409);

		api.post("/v1/orders/" + orderId + "/cancel", customer.token(), Map.of("reason", "I live at Torstrasse 1"));
		JsonNode terms = api.get("/v1/customers/me/erasure", customer.token()).body();
		assertThat(terms.get("allowed").asBoolean()).isTrue();
		assertThat(terms.get("blockingOrders").asInt()).isZero();
		assertThat(terms.get("erased")).extracting(JsonNode::asString).containsExactlyElementsOf(ERASED);
		assertThat(terms.get("kept")).extracting(k -> k.get("what").asString()).containsExactly(
				"orders and payments (without your name and contact)",
				"what was returned, to which merchant, and the area of each pickup",
				"the security log of your account: sign-ins with their IP address (failed ones with the email typed), "
						+ "your data export and this erasure",
				"what merchants were sent about your orders (status changes, item checks, the reasons you gave)",
				"short-lived technical copies: answers kept to replay a repeated request, events being processed");
		assertThat(terms.get("kept").get(0).get("why").asString()).isEqualTo("tax and accounting law: 10 years");
		await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received("/hooks").size() == 1);

		assertThat(api.delete("/v1/customers/me", customer.token()).status()).isEqualTo(204);

		// erased: name, email, phone, password and two-factor authentication
		assertThat(jdbc.sql("SELECT name, email, phone, password_hash FROM accounts WHERE id = CAST(:id AS uuid)")
			.param("id", customer.id()).query((rs, n) -> List.of(rs.getString(1), rs.getString(2),
					String.valueOf(rs.getString(3)), String.valueOf(rs.getString(4)))).single())
			.containsExactly("Erased customer", "erased-" + customer.id() + "@erased.invalid", "null", "null");
		assertThat(count("totp_credentials WHERE account_id = CAST(:id AS uuid)", customer)).isZero();
		assertThat(count("recovery_codes WHERE account_id = CAST(:id AS uuid)", customer)).isZero();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			// saved addresses, notification preferences
			assertThat(count("saved_addresses", customer)).isZero();
			assertThat(count("notification_preferences", customer)).isZero();
			// the emails and text messages we sent you
			assertThat(jdbc.sql("SELECT DISTINCT recipient || '|' || body FROM notification_messages "
					+ "WHERE customer_id = CAST(:id AS uuid)").param("id", customer.id()).query(String.class).list())
				.containsExactly("(erased)|(erased)");
			// pickup addresses, reasons and notes
			Map<String, Object> order = jdbc.sql("""
					SELECT pickup_address, pickup_lat, cancel_reason, items, amount_cents, customer_name, customer_email
					FROM orders WHERE id = CAST(:id AS uuid)""").param("id", orderId).query().singleRow();
			assertThat(order.get("pickup_address")).isEqualTo("(erased)");
			// name and email: the copy the merchant's list shows goes too
			assertThat(order.get("customer_name")).isNull();
			assertThat(order.get("customer_email")).isNull();
			assertThat(order.get("pickup_lat")).isEqualTo(52.5);
			assertThat(order.get("cancel_reason")).isEqualTo("(erased)");
			assertThat(order.get("items").toString()).doesNotContain("reasonNote", "+49 170")
				.contains("JKT-1", "Rain jacket", "not_as_described");
			assertThat(jdbc.sql("SELECT count(*) FROM order_timeline WHERE order_id = CAST(:id AS uuid) "
					+ "AND detail IS NOT NULL").param("id", orderId).query(Integer.class).single()).isZero();
			// kept: the order and its amount, what was returned, the security log, the merchant's webhook copy
			assertThat((Long) order.get("amount_cents")).isPositive();
		});
		assertThat(jdbc.sql("SELECT count(*) FROM audit_events WHERE target_id = :id AND action = 'customer.erased'")
			.param("id", customer.id()).query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT payload FROM webhook_events WHERE order_id = CAST(:id AS uuid) "
				+ "AND type = 'order.cancelled'").param("id", orderId).query(String.class).single())
			.contains("I live at Torstrasse 1");
		assertThat(api.get("/v1/orders/" + orderId, fixtures.operatorToken()).body().get("items").get(0).get("sku")
			.asString()).isEqualTo("JKT-1");
		assertThat(api.get("/v1/orders/" + orderId, merchant.apiKey()).body().get("customer").isNull())
			.as("the merchant no longer sees who it was for").isTrue();
	}

	@Test
	void onlyCustomersAskForErasureTerms() {
		assertThat(api.get("/v1/customers/me/erasure", fixtures.driver().token()).status()).isEqualTo(403);
		assertThat(api.get("/v1/customers/me/erasure", null).status()).isEqualTo(401);
	}

	private int count(String tableAndCondition, Fixtures.Person customer) {
		String where = tableAndCondition.contains(" WHERE ") ? "" : " WHERE customer_id = CAST(:id AS uuid)";
		return jdbc.sql("SELECT count(*) FROM " + tableAndCondition + where).param("id", customer.id())
			.query(Integer.class).single();
	}
}
