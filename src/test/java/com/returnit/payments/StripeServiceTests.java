package com.returnit.payments;

import static com.returnit.payments.PaymentTesting.awaitPayment;
import static com.returnit.payments.PaymentTesting.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.orders.Orders;
import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import com.returnit.support.StripeStub;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole service with {@code returnit.payments.provider=stripe}, calling a local Stripe stub over HTTP that answers
 * with recorded Stripe responses: bookings authorize, pickups capture, refunds refund, cancellations void, and the
 * payout run pays drivers by Connect transfers to their connected accounts, once, through a timeout and an error.
 */
class StripeServiceTests extends EndToEndTest {

	/** Slow answers come after 3 s, well past the 1.5 s call timeout; a loaded CI machine took 0.5 s for a fast one. */
	private static final StripeStub STRIPE = StripeStub.start(Duration.ofMillis(3_000));

	@DynamicPropertySource
	static void stripe(DynamicPropertyRegistry registry) {
		registry.add("returnit.test.database", () -> "stripe");
		registry.add("returnit.payments.provider", () -> "stripe");
		registry.add("returnit.test.payments.call-timeout", () -> "1500ms");
		registry.add("returnit.payments.stripe.base-url", STRIPE::url);
		registry.add("returnit.payments.stripe.api-key", () -> "sk_test_recorded");
	}

	@AfterAll
	static void stopStripe() {
		STRIPE.close();
	}

	@Autowired
	Orders orders;

	@Autowired
	JdbcClient jdbc;

	private Fixtures.MerchantRef shop;
	private Fixtures.Person customer;

	@BeforeEach
	void aCustomerPaidShopAndACustomer() {
		shop = fixtures.customerPaidMerchant("Stripe Paid Shop");
		customer = fixtures.customer();
	}

	@Test
	void aBookingIsAuthorizedCapturedAtPickupAndRefundedThroughStripeEachCallUnderItsOwnKey() {
		String orderId = book();
		JsonNode authorized = api.get("/v1/orders/" + orderId + "/payment", customer.token()).body();
		assertThat(authorized.get("status").asString()).isEqualTo("authorized");
		assertThat(authorized.get("provider").asString()).isEqualTo("stripe");
		Fixtures.Person driver = fixtures.driver();
		orders.assign(UUID.fromString(orderId), UUID.fromString(driver.id()));
		fixtures.pickUp(driver, orderId);
		long captured = awaitPayment(api, customer.token(), orderId, status("captured")).get("capturedCents").asLong();

		Api.Response refund = api.post("/v1/orders/" + orderId + "/refunds", shop.apiKey(),
				Map.of("amountCents", 200, "reason", "Late driver"));
		assertThat(refund.status()).as(refund.body().toString()).isEqualTo(201);
		assertThat(refund.text("status")).isEqualTo("partially_refunded");
		assertThat(refund.body().get("refundableCents").asLong()).isEqualTo(captured - 200);

		String payment = "returnit:" + paymentIdOf(orderId) + ":";
		List<StripeStub.Received> calls = STRIPE.received().stream()
			.filter(call -> call.idempotencyKey() != null && call.idempotencyKey().startsWith(payment)).toList();
		String intent = providerRefOf(orderId);
		assertThat(calls).extracting(StripeStub.Received::path).containsExactly("/v1/payment_intents",
				"/v1/payment_intents/" + intent + "/capture", "/v1/refunds");
		assertThat(calls).extracting(StripeStub.Received::idempotencyKey).doesNotHaveDuplicates()
			.startsWith(payment + "authorize", payment + "capture");
		assertThat(calls.get(0).body()).contains("capture_method=manual", "payment_method=tok_visa");
		assertThat(calls.get(1).body()).contains("amount_to_capture=" + captured,
				"latest_charge.balance_transaction");
		assertThat(providerFeesOf(orderId)).as("Stripe's fee from the charge's balance transaction")
			.isEqualTo(StripeStub.feeOn(captured));
		assertThat(calls.get(2).body()).contains("payment_intent=" + intent, "amount=200");
		assertThat(STRIPE.received()).as("every call to Stripe carries an idempotency key")
			.allMatch(call -> call.idempotencyKey() != null && call.idempotencyKey().startsWith("returnit:"));
		assertThat(PaymentTesting.imbalance(jdbc)).isZero();
	}

	@Test
	void aCancellationWellAheadVoidsTheStripeAuthorizationAndADeclinedCardBooksNothing() {
		String orderId = book();

		api.post("/v1/orders/" + orderId + "/cancel", customer.token(), Map.of("reason", "Kept it"));

		assertThat(awaitPayment(api, customer.token(), orderId, status("voided")).get("capturedCents").asLong())
			.isZero();
		assertThat(STRIPE.received()).extracting(StripeStub.Received::path)
			.contains("/v1/payment_intents/" + providerRefOf(orderId) + "/cancel");
		Api.Response declined = api.post("/v1/orders", customer.token(),
				Fixtures.paidWith(Fixtures.request(shop.id()), "tok_insufficientFunds"));
		assertThat(declined.status()).isEqualTo(402);
		assertThat(declined.text("code")).isEqualTo("insufficient_funds");
		assertThat(PaymentTesting.imbalance(jdbc)).isZero();
	}

	@Test
	void thePayoutRunTransfersToEachConnectedAccountOnceThroughATimeoutAndAnError() {
		Fixtures.Person slow = driverWhoEarned();
		Fixtures.Person unknown = driverWhoEarned();
		Fixtures.Person later = driverWhoEarned();
		String operator = fixtures.operatorToken();
		setAccount(operator, slow, "acct_1SlowRecorded");
		setAccount(operator, unknown, "acct_missing1Recorded");
		STRIPE.answerSlowly("destination=acct_1SlowRecorded", 1);
		Map<String, String> period = Map.of("period", "2098-W" + (10 + (int) (Math.random() * 40)));

		JsonNode interrupted = api.post("/v1/payouts/runs", operator, period).body();
		assertThat(payoutOf(interrupted, slow).get("status").asString()).as("no answer in time").isEqualTo("pending");
		assertThat(payoutOf(interrupted, unknown).get("status").asString()).isEqualTo("failed");
		assertThat(payoutOf(interrupted, unknown).get("lastError").asString()).contains("No such destination");
		assertThat(payoutOf(interrupted, later).get("status").asString()).isEqualTo("pending");
		assertThat(payoutOf(interrupted, later).get("lastError").asString()).contains("no Stripe connected account");

		Api.Response own = api.put("/v1/drivers/me/payout-account", later.token(),
				Map.of("stripeAccountId", "acct_1LaterRecorded"));
		assertThat(own.status()).as(own.body().toString()).isEqualTo(200);
		JsonNode rerun = api.post("/v1/payouts/runs", operator, period).body();
		JsonNode again = api.post("/v1/payouts/runs", operator, period).body();

		for (Fixtures.Person paid : List.of(slow, later)) {
			assertThat(payoutOf(rerun, paid).get("status").asString()).isEqualTo("paid");
			assertThat(payoutOf(rerun, paid).get("providerRef").asString()).startsWith("tr_");
			assertThat(payoutOf(again, paid)).isEqualTo(payoutOf(rerun, paid));
			assertThat(api.get("/v1/drivers/me/earnings", paid.token()).body().get("payableBalanceCents").asLong())
				.isZero();
		}
		assertThat(transfersMadeTo("acct_1SlowRecorded")).as("the timed-out transfer, replayed by Stripe").isOne();
		assertThat(transfersMadeTo("acct_1LaterRecorded")).isOne();
		assertThat(STRIPE.received()).filteredOn(call -> call.body().contains("destination=acct_1SlowRecorded"))
			.extracting(StripeStub.Received::idempotencyKey).containsOnly("returnit:payout:" + slow.id() + ":"
					+ period.get("period"));
		assertThat(payoutOf(again, unknown).get("status").asString()).isEqualTo("failed");
		assertThat(PaymentTesting.imbalance(jdbc)).isZero();
	}

	@Test
	void aConnectedAccountIsSetByTheDriverOrAnOperatorInStripesFormatAndHiddenFromOthers() {
		Fixtures.Person driver = fixtures.driver();
		Fixtures.Person other = fixtures.driver();
		String account = "/v1/drivers/" + driver.id() + "/payout-account";

		for (String bad : List.of("acct_", "ba_1Bank", "acct_1 with spaces", "")) {
			Api.Response refused = api.put(account, driver.token(), Map.of("stripeAccountId", bad));
			assertThat(refused.status()).as(bad).isEqualTo(400);
			assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("stripeAccountId");
		}
		assertThat(api.put(account, other.token(), Map.of("stripeAccountId", "acct_1Other")).status())
			.as("another driver's account").isEqualTo(404);
		assertThat(api.get(account, customer.token()).status()).isEqualTo(404);
		assertThat(api.get(account, driver.token()).status()).as("none set yet").isEqualTo(404);

		Api.Response set = api.put(account, fixtures.operatorToken(), Map.of("stripeAccountId", "acct_1Operator"));
		assertThat(set.status()).as(set.body().toString()).isEqualTo(200);
		JsonNode seen = api.get(account, driver.token()).body();
		assertThat(seen.get("stripeAccountId").asString()).isEqualTo("acct_1Operator");
		assertThat(seen.get("updatedBy").asString()).startsWith("operator:");
	}

	private long transfersMadeTo(String account) {
		return STRIPE.received().stream().filter(call -> call.path().equals("/v1/transfers") && !call.replayed()
				&& call.status() == 200 && call.body().contains("destination=" + account)).count();
	}

	private void setAccount(String operator, Fixtures.Person driver, String account) {
		Api.Response set = api.put("/v1/drivers/" + driver.id() + "/payout-account", operator,
				Map.of("stripeAccountId", account));
		assertThat(set.status()).as(set.body().toString()).isEqualTo(200);
	}

	private Fixtures.Person driverWhoEarned() {
		String orderId = book();
		Fixtures.Person driver = fixtures.driver();
		orders.assign(UUID.fromString(orderId), UUID.fromString(driver.id()));
		fixtures.pickUp(driver, orderId);
		await().atMost(Duration.ofSeconds(10)).until(
				() -> api.get("/v1/drivers/me/earnings", driver.token()).body().get("payableBalanceCents").asLong(),
				cents -> cents > 0);
		return driver;
	}

	private static JsonNode payoutOf(JsonNode run, Fixtures.Person driver) {
		for (JsonNode payout : run.get("payouts")) {
			if (payout.get("driverId").asString().equals(driver.id())) {
				return payout;
			}
		}
		throw new AssertionError("no payout for driver " + driver.id() + " in " + run);
	}

	private String book() {
		Api.Response booked = api.post("/v1/orders", customer.token(),
				Fixtures.paidWith(Fixtures.request(shop.id()), "tok_visa"));
		assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
		return booked.text("id");
	}

	private UUID paymentIdOf(String orderId) {
		return jdbc.sql("SELECT id FROM payments WHERE order_id = :o").param("o", UUID.fromString(orderId))
			.query(UUID.class).single();
	}

	/** What the ledger booked to provider fees for the order's capture. */
	private long providerFeesOf(String orderId) {
		return jdbc.sql("""
				SELECT coalesce(sum(l.amount_cents), 0) FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
				WHERE e.order_id = :order AND e.kind = 'capture' AND l.account = 'provider_fees'""")
			.param("order", UUID.fromString(orderId)).query(Long.class).single();
	}

	private String providerRefOf(String orderId) {
		return jdbc.sql("SELECT provider_ref FROM payments WHERE order_id = :o").param("o", UUID.fromString(orderId))
			.query(String.class).single();
	}
}
