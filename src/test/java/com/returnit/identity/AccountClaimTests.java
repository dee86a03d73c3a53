package com.returnit.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A customer whose returns merchants booked has an account without a password: they claim it through a link emailed
 * to them (read here from the notifications outbox, as the mail server would get it), then log in like anyone and see
 * every return booked for them. Signed-up customers verify their email the same way.
 */
class AccountClaimTests extends EndToEndTest {

	private static final Pattern CLAIM_LINK = Pattern.compile("http://localhost:8080/account/claim/([A-Za-z0-9_-]+)");
	private static final Pattern VERIFY_LINK = Pattern
		.compile("http://localhost:8080/account/verify-email/([A-Za-z0-9_-]+)");
	private static final String PASSWORD = "my-own-password-1";

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCustomerMerchantsBookedForClaimsTheAccountAndSeesEveryReturn() {
		String email = "claimer-" + UUID.randomUUID() + "@test.returnit.local";
		var first = fixtures.merchant("First Claim Shop");
		var second = fixtures.merchant("Second Claim Shop");
		String one = bookFor(first, email);
		String two = bookFor(second, email);
		assertThat(api.post("/v1/auth/token", null, Map.of("email", email, "password", PASSWORD)).status())
			.isEqualTo(401);

		Api.Response asked = api.post("/v1/customers/claims", null, Map.of("email", email.toUpperCase()));
		assertThat(asked.status()).isEqualTo(202);
		assertThat(asked.body().toString()).isEqualTo("{\"status\":\"sent_if_claimable\"}");
		String token = link(email, "claim_account", "Claim your ReturnIt account", CLAIM_LINK);

		Api.Response claimed = api.post("/v1/customers/claims/" + token, null,
				Map.of("password", PASSWORD, "name", "Morgan Claimer"));
		assertThat(claimed.status()).as(claimed.body().toString()).isEqualTo(200);
		assertThat(claimed.text("tokenType")).isEqualTo("Bearer");
		assertThat(claimed.text("refreshToken")).startsWith("rt_");

		String login = fixtures.login(email, PASSWORD);
		List<String> orders = api.get("/v1/orders", login).body().get("data").valueStream()
			.map(order -> order.get("id").asString()).toList();
		assertThat(orders).containsExactlyInAnyOrder(one, two);
		JsonNode me = api.get("/v1/customers/me", login).body();
		assertThat(me.get("email").asString()).isEqualTo(email);
		assertThat(me.get("name").asString()).isEqualTo("Morgan Claimer");
		assertThat(me.get("emailVerified").asBoolean()).isTrue();
		assertThat(me.get("twoFactorEnabled").asBoolean()).isFalse();
		assertThat(api.get("/v1/customers/me/export", login).body().at("/account/emailVerified").asBoolean()).isTrue();

		Api.Response reused = api.post("/v1/customers/claims/" + token, null, Map.of("password", "someone-elses-pass"));
		assertThat(reused.status()).isEqualTo(410);
		assertThat(reused.contentType()).startsWith("application/problem+json");
		assertThat(fixtures.login(email, PASSWORD)).as("the first password stands").isNotBlank();
		JsonNode audit = api.get("/v1/audit-events?action=account.claimed&targetId=" + me.get("id").asString(),
				fixtures.operatorToken()).body().get("data");
		assertThat(audit).hasSize(1);
	}

	@Test
	void askingToClaimTellsNothingAndSendsAtMostOneEmailAMinute() {
		String email = "twice-" + UUID.randomUUID() + "@test.returnit.local";
		bookFor(fixtures.merchant("Patient Shop"), email);
		Fixtures.Person signedUp = fixtures.customer();

		for (String anyone : List.of(email, email, "nobody-" + UUID.randomUUID() + "@test.returnit.local",
				signedUp.email())) {
			Api.Response asked = api.post("/v1/customers/claims", null, Map.of("email", anyone));
			assertThat(asked.status()).isEqualTo(202);
			assertThat(asked.text("status")).isEqualTo("sent_if_claimable");
		}

		link(email, "claim_account", "Claim your ReturnIt account", CLAIM_LINK);
		assertThat(messages(email, "claim_account")).hasSize(1);
		assertThat(messages(signedUp.email(), "claim_account")).as("has a password: nothing to claim").isEmpty();
		Api.Response malformed = api.post("/v1/customers/claims", null, Map.of("email", "not-an-email"));
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.body().at("/errors/0/field").asString()).isEqualTo("email");
	}

	@Test
	void anExpiredOrUnknownClaimLinkIsRefusedAndAShortPasswordIsNamed() {
		String email = "late-" + UUID.randomUUID() + "@test.returnit.local";
		bookFor(fixtures.merchant("Slow Shop"), email);
		api.post("/v1/customers/claims", null, Map.of("email", email));
		String token = link(email, "claim_account", "Claim your ReturnIt account", CLAIM_LINK);

		Api.Response shortPassword = api.post("/v1/customers/claims/" + token, null, Map.of("password", "short"));
		assertThat(shortPassword.status()).isEqualTo(400);
		assertThat(shortPassword.body().at("/errors/0/field").asString()).isEqualTo("password");
		jdbc.sql("""
				UPDATE account_tokens SET expires_at = now() - interval '1 minute'
				WHERE account_id = (SELECT id FROM accounts WHERE email = :email)""").param("email", email).update();

		Api.Response expired = api.post("/v1/customers/claims/" + token, null, Map.of("password", PASSWORD));
		assertThat(expired.status()).isEqualTo(410);
		assertThat(expired.text("detail")).contains("expired");
		assertThat(api.post("/v1/customers/claims/unknown-token", null, Map.of("password", PASSWORD)).status())
			.isEqualTo(404);
	}

	@Test
	void signingUpWithAnEmailThatHasReturnsOffersToClaimIt() {
		String email = "taken-" + UUID.randomUUID() + "@test.returnit.local";
		bookFor(fixtures.merchant("Booking Shop"), email);

		Api.Response claimable = api.post("/v1/customers", null,
				Map.of("email", email, "password", PASSWORD, "name", "Sam Signup"));
		Api.Response taken = api.post("/v1/customers", null,
				Map.of("email", fixtures.customer().email(), "password", PASSWORD, "name", "Sam Signup"));

		assertThat(claimable.status()).isEqualTo(409);
		assertThat(claimable.text("detail")).isEqualTo(
				"This email already has returns booked with ReturnIt. Claim the account: we can email you a link.");
		assertThat(claimable.body().get("claimable").asBoolean()).isTrue();
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.body().has("claimable")).isFalse();
	}

	@Test
	void aSignedUpCustomerVerifiesTheirEmailOnceThroughTheEmailedLink() {
		Fixtures.Person customer = fixtures.customer();
		assertThat(api.get("/v1/customers/me", customer.token()).body().get("emailVerified").asBoolean()).isFalse();
		Api.Response resend = api.post("/v1/customers/me/email-verification", customer.token(), "");
		assertThat(resend.status()).isEqualTo(202);
		assertThat(resend.text("status")).as("sign-up sent one a moment ago").isEqualTo("recently_sent");

		String token = link(customer.email(), "verify_email", "Confirm your email for ReturnIt", VERIFY_LINK);
		Api.Response verified = api.post("/v1/email-verifications/" + token, null, "");
		assertThat(verified.status()).as(verified.body().toString()).isEqualTo(200);
		assertThat(verified.body().toString()).isEqualTo("{\"emailVerified\":true}");

		JsonNode me = api.get("/v1/customers/me", customer.token()).body();
		assertThat(me.get("emailVerified").asBoolean()).isTrue();
		assertThat(me.get("id").asString()).isEqualTo(customer.id());
		assertThat(api.post("/v1/email-verifications/" + token, null, "").status()).isEqualTo(410);
		assertThat(api.post("/v1/customers/me/email-verification", customer.token(), "").status()).isEqualTo(409);
		assertThat(api.get("/v1/customers/me", fixtures.merchant("Profile Shop").apiKey()).status()).isEqualTo(403);
	}

	private String bookFor(Fixtures.MerchantRef merchant, String email) {
		Api.Response booked = api.post("/v1/orders", merchant.apiKey(),
				Fixtures.withCustomer(Fixtures.request(merchant.id()), email));
		assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
		return booked.text("id");
	}

	/** The token of the link in the email this address got with this template and subject (waiting for it). */
	private String link(String email, String template, String subject, Pattern pattern) {
		List<Map<String, Object>> found = await().atMost(Duration.ofSeconds(15))
			.until(() -> messages(email, template), list -> !list.isEmpty());
		assertThat(found.getFirst().get("subject")).isEqualTo(subject);
		String body = (String) found.getFirst().get("body");
		Matcher matcher = pattern.matcher(body);
		assertThat(matcher.find()).as(body).isTrue();
		return matcher.group(1);
	}

	private List<Map<String, Object>> messages(String email, String template) {
		return jdbc.sql("""
				SELECT subject, body FROM notification_messages
				WHERE lower(recipient) = lower(:email) AND template = :template AND channel = 'email'""")
			.param("email", email).param("template", template)
			.query((rs, n) -> Map.<String, Object>of("subject", rs.getString(1), "body", rs.getString(2))).list();
	}
}
