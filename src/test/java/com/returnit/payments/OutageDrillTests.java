package com.returnit.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.orders.Orders;
import com.returnit.payments.internal.provider.SandboxProvider;
import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outage drill: the sandbox provider is down while 100 customer-paid returns are booked and picked up. Every
 * booking succeeds (payment_pending, the circuit opens), and once the provider is back the retry queue authorizes and
 * captures every one of them exactly once, with the books balanced.
 */
class OutageDrillTests extends EndToEndTest {

	private static final int BOOKINGS = 100;

	@Autowired
	SandboxProvider sandbox;

	@Autowired
	CircuitBreakerRegistry breakers;

	@Autowired
	Orders orders;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@AfterEach
	void providerBackToNormal() {
		sandbox.switches(false, Duration.ZERO);
		breakers.circuitBreaker("payments-sandbox").reset();
	}

	@Test
	void aHundredBookingsDuringAnOutageAreAllBookedAndAllCapturedOnceAfterRecovery() {
		Fixtures.MerchantRef shop = fixtures.customerPaidMerchant("Outage Outfitters");
		Fixtures.Person customer = fixtures.customer();
		List<Fixtures.Person> drivers = List.of(fixtures.driver(), fixtures.driver(), fixtures.driver(),
				fixtures.driver());
		sandbox.switches(true, Duration.ZERO);

		List<String> booked = new ArrayList<>();
		for (int i = 0; i < BOOKINGS; i++) {
			Api.Response response = api.post("/v1/orders", customer.token(),
					Fixtures.paidWith(Fixtures.request(shop.id()), "tok_visa"));
			assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
			booked.add(response.text("id"));
		}
		assertThat(breakers.circuitBreaker("payments-sandbox").getState()).isIn(CircuitBreaker.State.OPEN,
				CircuitBreaker.State.HALF_OPEN);
		assertThat(statuses(booked)).containsOnly("payment_pending");

		for (int i = 0; i < booked.size(); i++) {
			Fixtures.Person driver = drivers.get(i % drivers.size());
			orders.assign(UUID.fromString(booked.get(i)), UUID.fromString(driver.id()));
			fixtures.pickUp(driver, booked.get(i));
		}
		assertThat(statuses(booked)).containsOnly("payment_pending");

		sandbox.switches(false, Duration.ZERO);

		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> assertThat(statuses(booked)).hasSize(BOOKINGS).containsOnly("captured"));
		assertThat(jdbc.sql("""
				SELECT count(*) FROM (SELECT target FROM sandbox_provider_calls WHERE operation = 'capture'
				  AND outcome = 'succeeded' GROUP BY target HAVING count(*) > 1) doubles""")
			.query(Integer.class).single()).as("authorizations captured twice").isZero();
		assertThat(booked).allSatisfy(order -> assertThat(PaymentTesting.sandboxCaptures(jdbc, order)).isEqualTo(1));
		assertThat(jdbc.sql("""
				SELECT count(*) FROM sandbox_provider_calls c JOIN payment_operations o ON o.idempotency_key = c.idempotency_key
				JOIN payments p ON p.id = o.payment_id WHERE p.customer_id = :c AND c.operation = 'authorize'""")
			.param("c", UUID.fromString(customer.id())).query(Integer.class).single())
			.as("one authorization per booking").isEqualTo(BOOKINGS);
		assertThat(PaymentTesting.imbalance(jdbc)).isZero();
		assertThat(meters.get("returnit.ledger.imbalance").gauge().value()).isZero();
		assertThat(meters.get("returnit.payments.failures").tag("reason", "circuit_open").counter().count())
			.isPositive();
	}

	@Test
	void aProviderSlowerThanTheCallTimeoutCountsAsNoAnswerAndTheBookingIsCompletedLater() {
		Fixtures.MerchantRef shop = fixtures.customerPaidMerchant("Slow Provider Shop");
		Fixtures.Person customer = fixtures.customer();
		sandbox.switches(false, Duration.ofSeconds(2));

		Api.Response booked = api.post("/v1/orders", customer.token(),
				Fixtures.paidWith(Fixtures.request(shop.id()), "tok_visa"));
		assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
		assertThat(statuses(List.of(booked.text("id")))).containsExactly("payment_pending");

		sandbox.switches(false, Duration.ZERO);
		PaymentTesting.awaitPayment(api, customer.token(), booked.text("id"), PaymentTesting.status("authorized"));
	}

	private List<String> statuses(List<String> orderIds) {
		return jdbc.sql("SELECT status FROM payments WHERE order_id IN (:ids)")
			.param("ids", orderIds.stream().map(UUID::fromString).toList())
			.query(String.class).list();
	}
}
