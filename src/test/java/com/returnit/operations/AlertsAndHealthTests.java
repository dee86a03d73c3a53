package com.returnit.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.support.Api;
import com.returnit.support.Fixtures;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The alert rules inside the service, as operators meet them (on the overview and by e-mail), and readiness as a load
 * balancer sees it.
 */
class AlertsAndHealthTests extends OperationsTest {

	@Autowired
	DataSource dataSource;

	@Test
	void pickupsDueInAnAreaWithNoDriverOnShiftFireAnAlertThatIsEmailedAndResolvesWhenADriverStarts() throws Exception {
		var merchant = fixtures.merchant("Alert Shop");
		var customer = fixtures.customer();
		Api.Response booked = api.post("/v1/orders", customer.token(), Fixtures.requestSoon(merchant.id(),
				List.of(Fixtures.item("SKU-1", "tops", 1_000, true))));
		assertThat(booked.status()).isEqualTo(201);
		String operator = fixtures.operatorToken();

		JsonNode alert = await().atMost(Duration.ofSeconds(15)).until(() -> alert(operator, "NoDriversInActiveArea"),
				a -> a != null && "firing".equals(a.path("state").asString()));
		assertThat(alert.path("severity").asString()).isEqualTo("critical");
		assertThat(alert.path("scope").asString()).isEqualTo("area:Berlin");
		await().atMost(Duration.ofSeconds(10)).until(() -> mail("NoDriversInActiveArea firing") != null);
		MimeMessage firing = mail("NoDriversInActiveArea firing");
		assertThat(firing.getAllRecipients()[0].toString()).isEqualTo("ops@test.returnit.local");
		assertThat(firing.getSubject()).isEqualTo("[ReturnIt CRITICAL] NoDriversInActiveArea firing (area:Berlin)");

		var driver = fixtures.driver();
		fixtures.onShiftAt(driver, 52.5290, 13.4010);
		try {
			await().atMost(Duration.ofSeconds(15)).until(() -> alert(operator, "NoDriversInActiveArea") == null);
			await().atMost(Duration.ofSeconds(10)).until(() -> mail("[ReturnIt resolved] NoDriversInActiveArea") != null);
		}
		finally {
			fixtures.offShift(driver);
			api.post("/v1/orders/" + booked.text("id") + "/cancel", customer.token(), Map.of("reason", "test over"));
		}
	}

	@Test
	void theOverviewShowsTheWebhookBacklogAndABalancedLedgerAndTheirRulesDoNotFire() {
		JsonNode overview = api.get("/v1/ops/overview", fixtures.operatorToken()).body();

		assertThat(overview.path("backlogs").path("webhooks").isNumber()).as(overview.toString()).isTrue();
		assertThat(overview.path("backlogs").path("ledgerImbalance").asLong(-1)).isZero();
		assertThat(overview.path("backlogs").path("events").asLong()).isZero();
		assertThat(overview.path("minutes").size()).isEqualTo(60);
		assertThat(names(overview.path("alerts"))).doesNotContain("LedgerImbalance", "WebhookBacklogGrowing",
				"PaymentFailures");
	}

	@Test
	void onlyOperatorsSeeTheOverview() {
		assertThat(api.get("/v1/ops/overview", null).status()).isEqualTo(401);
		Api.Response customer = api.get("/v1/ops/overview", fixtures.customer().token());
		assertThat(customer.status()).isEqualTo(403);
		assertThat(customer.contentType()).startsWith("application/problem+json");
	}

	@Test
	void readinessFailsWith503NamingTheEventBacklogWhenPublicationsAreStuck() {
		Api.Response ready = api.get("/actuator/health/readiness", null);
		assertThat(ready.status()).isEqualTo(200);
		assertThat(names(ready.body().path("components"))).contains("db", "eventBacklog", "readinessState");

		JdbcClient jdbc = JdbcClient.create(dataSource);
		jdbc.sql("""
				INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date)
				SELECT gen_random_uuid(), 'test.StuckListener', 'test.StuckEvent', '{}', now() - interval '1 minute'
				FROM generate_series(1, 4)""").update();
		try {
			Api.Response notReady = api.get("/actuator/health/readiness", null);
			assertThat(notReady.status()).isEqualTo(503);
			assertThat(notReady.body().path("status").asString()).isEqualTo("DOWN");
			assertThat(notReady.body().path("components").path("eventBacklog").path("status").asString())
				.isEqualTo("DOWN");
			assertThat(notReady.body().path("components").path("db").path("status").asString()).isEqualTo("UP");
			assertThat(notReady.raw().body()).as("names, never details").doesNotContain("stuck", "jdbc:");
			assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
		}
		finally {
			jdbc.sql("DELETE FROM event_publication WHERE listener_id = 'test.StuckListener'").update();
		}
		assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
	}

	private JsonNode alert(String operator, String rule) {
		JsonNode alerts = api.get("/v1/ops/overview", operator).body().path("alerts");
		return StreamSupport.stream(alerts.spliterator(), false).filter(a -> rule.equals(a.path("rule").asString()))
			.findFirst().orElse(null);
	}

	private static MimeMessage mail(String subjectPart) throws Exception {
		for (MimeMessage message : SMTP.getReceivedMessages()) {
			if (message.getSubject().contains(subjectPart)) {
				return message;
			}
		}
		return null;
	}

	private static List<String> names(JsonNode node) {
		if (node.isArray()) {
			return StreamSupport.stream(node.spliterator(), false).map(a -> a.path("rule").asString()).toList();
		}
		return Arrays.asList(node.propertyNames().toArray(String[]::new));
	}
}
