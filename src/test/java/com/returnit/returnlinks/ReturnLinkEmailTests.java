package com.returnit.returnlinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A merchant (or its support staff) creating a return link may have it emailed to the customer, through the
 * notifications outbox, the only moment the link is known; otherwise nothing is sent.
 */
class ReturnLinkEmailTests extends EndToEndTest {

	private static final Pattern LINK = Pattern.compile("http://localhost:8080/r/([A-Za-z0-9_-]+)");

	@Autowired
	JdbcClient jdbc;

	record Message(String customerId, String recipient, String subject, String body, String status) {
	}

	@Test
	void aSupportMemberHasTheLinkEmailedToTheCustomerAndTheEmailedLinkOpensTheReturn() {
		var shop = fixtures.merchant("Emailing Outfitters");
		var admin = fixtures.member(jdbc, shop.id(), fixtures.operatorToken(), "admin");
		var support = fixtures.member(jdbc, shop.id(), admin.token(), "support");
		String email = ReturnLinks.email();
		Map<String, Object> body = ReturnLinks.body(email);
		body.put("notifyCustomer", true);

		Api.Response created = api.post("/v1/return-sessions", support.token(), body);

		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		assertThat(created.body().get("customerNotified").asBoolean()).isTrue();
		Message message = await().atMost(Duration.ofSeconds(15)).until(() -> message(email), Optional::isPresent)
			.orElseThrow();
		assertThat(message.subject()).isEqualTo("Your return to Emailing Outfitters");
		assertThat(message.body()).startsWith("Hello Robin Returner,").contains("order MO-4711")
			.contains(created.text("url"));
		String customerId = jdbc.sql("SELECT customer_id FROM return_sessions WHERE id = CAST(:id AS uuid)")
			.param("id", created.text("id")).query(String.class).single();
		assertThat(message.customerId()).as("the customer's, so erasing them erases it").isEqualTo(customerId);
		Matcher link = LINK.matcher(message.body());
		assertThat(link.find()).isTrue();
		Api.Response opened = api.get("/v1/public/return-sessions/" + link.group(1), null);
		assertThat(opened.status()).isEqualTo(200);
		assertThat(opened.text("id")).isEqualTo(created.text("id"));
		assertThat(opened.body().at("/merchant/name").asString()).isEqualTo("Emailing Outfitters");
		await().atMost(Duration.ofSeconds(15)).until(() -> message(email).map(Message::status)
			.filter(status -> !status.equals("pending")).isPresent());
	}

	@Test
	void withoutNotifyCustomerNothingIsSentAndANonBooleanIsRefusedNamingTheField() {
		var shop = fixtures.merchant("Quiet Outfitters");
		String silent = ReturnLinks.email();
		String declined = ReturnLinks.email();
		Map<String, Object> no = ReturnLinks.body(declined);
		no.put("notifyCustomer", false);
		Map<String, Object> bad = ReturnLinks.body(ReturnLinks.email());
		bad.put("notifyCustomer", List.of("yes"));

		Api.Response plain = api.post("/v1/return-sessions", shop.apiKey(), ReturnLinks.body(silent));
		Api.Response notNotified = api.post("/v1/return-sessions", shop.apiKey(), no);
		Api.Response refused = api.post("/v1/return-sessions", shop.apiKey(), bad);

		assertThat(plain.status()).isEqualTo(201);
		assertThat(plain.body().get("customerNotified").asBoolean()).isFalse();
		assertThat(notNotified.status()).isEqualTo(201);
		assertThat(notNotified.body().get("customerNotified").asBoolean()).isFalse();
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().at("/errors/0/field").asString()).isEqualTo("notifyCustomer");
		// the outbox is written in the listener's own transaction right after the request's: give it time to be wrong
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2))
			.until(() -> message(silent).isEmpty() && message(declined).isEmpty());
	}

	private Optional<Message> message(String email) {
		return jdbc.sql("""
				SELECT CAST(customer_id AS text), recipient, subject, body, status FROM notification_messages
				WHERE lower(recipient) = lower(:email) AND template = 'return_link' AND channel = 'email'""")
			.param("email", email)
			.query((rs, n) -> new Message(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.optional();
	}
}
