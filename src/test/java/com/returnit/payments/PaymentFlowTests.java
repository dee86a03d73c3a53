package com.returnit.payments;

import static com.returnit.payments.PaymentTesting.awaitPayment;
import static com.returnit.payments.PaymentTesting.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.returnit.orders.Orders;
import com.returnit.payments.internal.provider.SandboxProvider;
import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import com.returnit.support.WebhookReceiver;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Customer-paid bookings are authorized, captured at pickup, voided or charged a fee on cancellation, and refunded by
 * merchants and operators; merchant-paid pickups go on the monthly statement; drivers earn and are paid out once.
 * The dispatcher's decision is taken through the orders API it uses ({@link Orders#assign}); everything a person
 * does goes over HTTP.
 */
class PaymentFlowTests extends EndToEndTest {

	@Autowired
	Orders orders;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SandboxProvider sandbox;

	@Autowired
	CircuitBreakerRegistry breakers;

	private Fixtures.MerchantRef shop;
	private Fixtures.Person customer;

	@AfterEach
	void providerBackToNormal() {
		sandbox.switches(false, Duration.ZERO);
		breakers.circuitBreaker("payments-sandbox").reset();
	}

	@BeforeEach
	void aCustomerPaidShopAndACustomer() {
		shop = fixtures.customerPaidMerchant("Pay Here Shop");
		customer = fixtures.customer();
	}

	@Test
	void aCustomerPaidBookingIsAuthorizedThenCapturedAtPickupAndTheDriverEarns() {
		Api.Response booked = api.post("/v1/orders", customer.token(), Fixtures.paidWith(Fixtures.request(shop.id()),
				"tok_visa"));
		assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
		String orderId = booked.text("id");
		long price = booked.body().get("price").get("amountCents").asLong();

		JsonNode authorized = api.get("/v1/orders/" + orderId + "/payment", customer.token()).body();
		assertThat(authorized.get("status").asString()).isEqualTo("authorized");
		assertThat(authorized.get("amountCents").asLong()).isEqualTo(price);
		assertThat(authorized.get("billing").asString()).isEqualTo("customer_pays");

		Fixtures.Person driver = fixtures.driver();
		orders.assign(UUID.fromString(orderId), UUID.fromString(driver.id()));
		fixtures.pickUp(driver, orderId);

		JsonNode captured = awaitPayment(api, customer.token(), orderId, status("captured"));
		assertThat(captured.get("capturedCents").asLong()).isEqualTo(price);
		assertThat(PaymentTesting.sandboxCaptures(jdbc, orderId)).isEqualTo(1);
		JsonNode earnings = await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/v1/drivers/me/earnings", driver.token()).body(), e -> e.get("pickups").size() == 1);
		assertThat(earnings.get("pickups").get(0).get("orderId").asString()).isEqualTo(orderId);
		assertThat(earnings.get("totalCents").asLong()).as("base 300 + 2 items x 50 + distance").isGreaterThan(400);
		assertThat(earnings.get("payableBalanceCents").asLong()).isEqualTo(earnings.get("totalCents").asLong());
		assertThat(PaymentTesting.imbalance(jdbc)).isZero();
	}

	@Test
	void aDeclinedCardIsA402NamingThePaymentMethodAndBooksNothing() {
		for (var card : Map.of("tok_chargeDeclined", "card_declined", "tok_insufficientFunds", "insufficient_funds")
			.entrySet()) {
			Api.Response declined = api.post("/v1/orders", customer.token(),
					Fixtures.paidWith(Fixtures.request(shop.id()), card.getKey()));

			assertThat(declined.status()).as(declined.body().toString()).isEqualTo(402);
			assertThat(declined.contentType()).startsWith("application/problem+json");
			assertThat(declined.text("type")).isEqualTo("https://returnit.local/problems/payment-declined");
			assertThat(declined.text("title")).isEqualTo("Payment declined");
			assertThat(declined.text("detail")).contains("paymentMethod");
			assertThat(declined.text("code")).isEqualTo(card.getValue());
			assertThat(declined.body().get("errors").get(0).get("field").asString()).isEqualTo("paymentMethod");
		}
		assertThat(api.get("/v1/orders", customer.token()).body().get("data")).isEmpty();
	}

	@Test
	void whoPaysDecidesWhetherAPaymentMethodIsNeeded() {
		Api.Response missing = api.post("/v1/orders", customer.token(), Fixtures.request(shop.id()));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body().get("errors").get(0).get("field").asString()).isEqualTo("paymentMethod");

		Fixtures.MerchantRef merchantPaid = fixtures.merchant("Merchant Pays Co");
		Api.Response unexpected = api.post("/v1/orders", customer.token(),
				Fixtures.paidWith(Fixtures.request(merchantPaid.id()), "tok_visa"));
		assertThat(unexpected.status()).isEqualTo(400);
		assertThat(unexpected.body().get("errors").get(0).get("field").asString()).isEqualTo("paymentMethod");

		Api.Response badBilling = api.post("/v1/merchants", fixtures.operatorToken(),
				com.returnit.support.JsonBody.of(Fixtures.merchantBody("Odd Billing")).with("billing", "friends_pay")
					.toString());
		assertThat(badBilling.status()).isEqualTo(400);
		assertThat(badBilling.body().get("errors").get(0).get("field").asString()).isEqualTo("billing");
	}

	@Test
	void cancellingWellAheadReleasesTheAuthorizationAndCostsNothing() {
		String orderId = book(Fixtures.request(shop.id()));

		api.post("/v1/orders/" + orderId + "/cancel", customer.token(), Map.of("reason", "Kept it"));

		JsonNode voided = awaitPayment(api, customer.token(), orderId, status("voided"));
		assertThat(voided.get("capturedCents").asLong()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM journal_entries WHERE order_id = :o")
			.param("o", UUID.fromString(orderId)).query(Integer.class).single()).isZero();
	}

	@Test
	void aPickupThatFailsAtTheDoorReleasesTheAuthorization() {
		String orderId = book(Fixtures.request(shop.id()));
		Fixtures.Person driver = fixtures.driver();
		orders.assign(UUID.fromString(orderId), UUID.fromString(driver.id()));

		Api.Response failed = api.post("/v1/orders/" + orderId + "/fail", driver.token(),
				Map.of("reason", "customer_absent"));
		assertThat(failed.status()).as(failed.body().toString()).isEqualTo(200);

		assertThat(awaitPayment(api, customer.token(), orderId, status("voided")).get("capturedCents").asLong())
			.isZero();
	}

	@Test
	void cancellingShortlyBeforeTheWindowCapturesTheLateCancellationFee() {
		String orderId = book(Fixtures.requestSoon(shop.id(), List.of(Fixtures.item("SKU-JACKET", "outerwear", 12_900,
				true))));

		api.post("/v1/orders/" + orderId + "/cancel", customer.token(), Map.of("reason", "Not home after all"));

		JsonNode charged = awaitPayment(api, customer.token(), orderId, status("captured"));
		assertThat(charged.get("capturedCents").asLong()).isEqualTo(500);
		assertThat(PaymentTesting.imbalance(jdbc)).isZero();
	}

	@Test
	void merchantsAndOperatorsRefundUpToWhatWasCapturedAndNoMore() {
		String orderId = book(Fixtures.request(shop.id()));
		Fixtures.Person driver = fixtures.driver();
		orders.assign(UUID.fromString(orderId), UUID.fromString(driver.id()));
		fixtures.pickUp(driver, orderId);
		long captured = awaitPayment(api, customer.token(), orderId, status("captured")).get("capturedCents").asLong();
		String refunds = "/v1/orders/" + orderId + "/refunds";

		assertThat(api.post(refunds, customer.token(), Map.of("amountCents", 100, "reason", "mine")).status())
			.as("a customer cannot refund themselves").isEqualTo(403);
		assertThat(api.post(refunds, fixtures.merchant("Other Shop").apiKey(),
				Map.of("amountCents", 100, "reason", "x")).status()).as("another merchant's order").isEqualTo(404);
		assertThat(api.post(refunds, shop.apiKey(), Map.of("amountCents", 0, "reason", "x")).body().get("errors")
			.get(0).get("field").asString()).isEqualTo("amountCents");

		Api.Response partial = api.post(refunds, fixtures.operatorToken(), Map.of("amountCents", 300, "reason",
				"Late driver"));
		assertThat(partial.status()).as(partial.body().toString()).isEqualTo(201);
		assertThat(partial.text("status")).isEqualTo("partially_refunded");

		Api.Response tooMuch = api.post(refunds, shop.apiKey(), Map.of("amountCents", captured - 299, "reason", "x"));
		assertThat(tooMuch.status()).isEqualTo(422);
		assertThat(tooMuch.body().get("errors").get(0).get("field").asString()).isEqualTo("amountCents");

		Api.Response rest = api.post(refunds, shop.apiKey(), Map.of("amountCents", captured - 300, "reason", "Goodwill"));
		assertThat(rest.status()).isEqualTo(201);
		assertThat(rest.text("status")).isEqualTo("refunded");
		assertThat(rest.body().get("refundedCents").asLong()).isEqualTo(captured);
		assertThat(api.post(refunds, shop.apiKey(), Map.of("amountCents", 1, "reason", "x")).status()).isEqualTo(422);
		assertThat(PaymentTesting.imbalance(jdbc)).isZero();
	}

	@Test
	void theMerchantsWebhookEndpointHearsOfTheCaptureAndTheRefund() {
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			fixtures.webhookEndpoint(shop, receiver.url("/money"), "payment.captured", "refund.created");
			String orderId = book(Fixtures.request(shop.id()));
			Fixtures.Person driver = fixtures.driver();
			orders.assign(UUID.fromString(orderId), UUID.fromString(driver.id()));
			fixtures.pickUp(driver, orderId);
			long captured = awaitPayment(api, customer.token(), orderId, status("captured")).get("capturedCents")
				.asLong();
			api.post("/v1/orders/" + orderId + "/refunds", shop.apiKey(), Map.of("amountCents", 250, "reason", "Late"));

			await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received("/money").size() == 2);
			JsonNode capture = received(receiver, "payment.captured");
			JsonNode refund = received(receiver, "refund.created");
			assertThat(capture.get("data").get("orderId").asString()).isEqualTo(orderId);
			assertThat(capture.get("data").get("amountCents").asLong()).isEqualTo(captured);
			assertThat(refund.get("data").get("orderId").asString()).isEqualTo(orderId);
			assertThat(refund.get("data").get("amountCents").asLong()).isEqualTo(250);
			assertThat(refund.get("sequence").asLong()).as("numbered with the order's own events")
				.isNotEqualTo(capture.get("sequence").asLong()).isGreaterThan(1);
			assertThat(jdbc.sql("SELECT actor FROM audit_events WHERE action = 'refund.requested' AND target_id = :order")
				.param("order", orderId).query(String.class).list()).containsExactly("merchant:" + shop.id());
		}
	}

	private static JsonNode received(WebhookReceiver receiver, String type) {
		return receiver.received("/money").stream().filter(hook -> hook.type().equals(type)).findFirst().orElseThrow()
			.json();
	}

	@Test
	void aMerchantPaidPickupGoesOnTheMonthlyStatementAsJsonAndCsv() {
		Fixtures.MerchantRef billed = fixtures.merchant("Billed Monthly");
		String orderId = book(Fixtures.request(billed.id()));
		assertThat(api.get("/v1/orders/" + orderId + "/payment", customer.token()).text("status"))
			.isEqualTo("not_required");
		Fixtures.Person driver = fixtures.driver();
		orders.assign(UUID.fromString(orderId), UUID.fromString(driver.id()));
		fixtures.pickUp(driver, orderId);
		String statement = "/v1/merchants/" + billed.id() + "/statements/" + YearMonth.now(ZoneOffset.UTC);

		JsonNode json = await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get(statement, billed.apiKey()).body(), s -> s.get("lines").size() == 1);
		assertThat(json.get("lines").get(0).get("orderId").asString()).isEqualTo(orderId);
		assertThat(json.get("lines").get(0).get("kind").asString()).isEqualTo("merchant_pickup");
		assertThat(json.get("totalCents").asLong()).isEqualTo(json.get("lines").get(0).get("amountCents").asLong());
		Api.Response csv = api.send("GET", statement, billed.apiKey(), null, "Accept", "text/csv");
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.raw().body()).startsWith("occurred_at,kind,order_id,amount_cents,currency\n")
			.contains("merchant_pickup," + orderId + ",");
		assertThat(api.get(statement, shop.apiKey()).status()).as("another merchant's statement").isEqualTo(404);
		assertThat(api.get("/v1/merchants/" + billed.id() + "/statements/2026-13", billed.apiKey()).body()
			.get("errors").get(0).get("field").asString()).isEqualTo("month");
	}

	@Test
	void aPayoutRunPaysEveryDriverOnceHoweverOftenItRuns() {
		String orderId = book(Fixtures.request(shop.id()));
		Fixtures.Person driver = fixtures.driver();
		orders.assign(UUID.fromString(orderId), UUID.fromString(driver.id()));
		fixtures.pickUp(driver, orderId);
		long earned = await().atMost(Duration.ofSeconds(10)).until(
				() -> api.get("/v1/drivers/me/earnings", driver.token()).body().get("payableBalanceCents").asLong(),
				cents -> cents > 0);
		String period = "2099-W" + (10 + (int) (Math.random() * 40));
		Map<String, String> body = Map.of("period", period);

		assertThat(api.post("/v1/payouts/runs", driver.token(), body).status()).isEqualTo(403);
		sandbox.switches(true, Duration.ZERO);
		JsonNode interrupted = api.post("/v1/payouts/runs", fixtures.operatorToken(), body).body();
		sandbox.switches(false, Duration.ZERO);
		String operator = fixtures.operatorToken();
		// the failed calls may have opened the circuit: a later run (the schedule, an operator) finishes the payout
		JsonNode first = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(600))
			.until(() -> api.post("/v1/payouts/runs", operator, body).body(),
					run -> "paid".equals(payoutOf(run, driver).get("status").asString()));
		JsonNode second = api.post("/v1/payouts/runs", operator, body).body();

		assertThat(payoutOf(interrupted, driver).get("status").asString()).as("no answer: still owed").isEqualTo("pending");
		assertThat(payoutOf(first, driver).get("amountCents").asLong()).isEqualTo(earned);
		assertThat(payoutOf(second, driver)).isEqualTo(payoutOf(first, driver));
		assertThat(jdbc.sql("SELECT count(*) FROM sandbox_provider_calls WHERE operation = 'payout' AND target = :d")
			.param("d", driver.id()).query(Integer.class).single()).isEqualTo(1);
		assertThat(api.get("/v1/drivers/me/earnings", driver.token()).body().get("payableBalanceCents").asLong())
			.isZero();
		assertThat(PaymentTesting.imbalance(jdbc)).isZero();
	}

	@Test
	void theDatabaseKeepsTheLedgerBalancedAndAppendOnly() {
		UUID entry = UUID.randomUUID();
		jdbc.sql("INSERT INTO journal_entries (id, kind, reference, occurred_at) VALUES (:id, 'test', :id, now())")
			.param("id", entry).update();

		assertThat(catchThrowable(() -> jdbc.sql("""
				INSERT INTO journal_lines (entry_id, line, account, amount_cents, currency)
				VALUES (:id, 0, 'platform_cash', 100, 'EUR'), (:id, 1, 'platform_revenue', -99, 'EUR')""")
			.param("id", entry).update())).as("an unbalanced entry").hasMessageContaining("not balanced");
		jdbc.sql("""
				INSERT INTO journal_lines (entry_id, line, account, amount_cents, currency)
				VALUES (:id, 0, 'platform_cash', 100, 'EUR'), (:id, 1, 'platform_revenue', -100, 'EUR')""")
			.param("id", entry).update();

		assertThat(catchThrowable(() -> jdbc.sql("UPDATE journal_lines SET amount_cents = 1 WHERE entry_id = :id")
			.param("id", entry).update())).hasMessageContaining("append-only");
		assertThat(catchThrowable(() -> jdbc.sql("DELETE FROM journal_entries WHERE id = :id").param("id", entry)
			.update())).hasMessageContaining("append-only");
		assertThat(PaymentTesting.imbalance(jdbc)).isZero();
	}

	private JsonNode payoutOf(JsonNode run, Fixtures.Person driver) {
		for (JsonNode payout : run.get("payouts")) {
			if (payout.get("driverId").asString().equals(driver.id())) {
				return payout;
			}
		}
		throw new AssertionError("no payout for driver " + driver.id() + " in " + run);
	}

	private String book(Map<String, Object> request) {
		Map<String, Object> body = request.get("merchantId").equals(shop.id()) ? Fixtures.paidWith(request, "tok_visa")
				: request;
		Api.Response booked = api.post("/v1/orders", customer.token(), body);
		assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
		return booked.text("id");
	}
}
