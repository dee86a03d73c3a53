package com.returnit.payments;

import static com.returnit.payments.PaymentTesting.awaitPayment;
import static com.returnit.payments.PaymentTesting.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.ControlledWorldTest;
import com.returnit.support.Fixtures;
import com.returnit.support.JsonBody;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * With the clock in the test's hands: the terms read at an instant are what cancelling at that same instant
 * charges, on both sides of the moment the late fee starts to apply.
 */
class CancellationAtTheInstantTests extends ControlledWorldTest {

	@Test
	void aMillisecondBeforeTheFeeAppliesTheTermsSayNothingAndCancellingChargesNothing() {
		var customer = fixtures.customer();
		JsonNode order = book(customer, merchantWithFee("Just In Time", 450));
		Instant feeFrom = Instant.parse(order.get("lateCancellation").get("appliesFrom").asString());
		CLOCK.set(feeFrom.minusMillis(1));

		JsonNode terms = terms(customer, order);
		cancel(customer, order);

		assertThat(terms.get("feeCents").asLong()).isZero();
		assertThat(terms.get("cancellable").asBoolean()).isTrue();
		assertThat(awaitPayment(api, customer.token(), id(order), status("voided")).get("capturedCents").asLong())
			.isZero();
	}

	@Test
	void atTheInstantTheFeeAppliesTheTermsSayTheFeeAndCancellingChargesExactlyIt() {
		var customer = fixtures.customer();
		JsonNode order = book(customer, merchantWithFee("Just Too Late", 450));
		Instant feeFrom = Instant.parse(order.get("lateCancellation").get("appliesFrom").asString());
		CLOCK.set(feeFrom);

		JsonNode terms = terms(customer, order);
		cancel(customer, order);

		assertThat(terms.get("feeCents").asLong()).isEqualTo(450);
		assertThat(terms.get("feeAppliesFrom").asString()).isEqualTo(feeFrom.toString());
		assertThat(awaitPayment(api, customer.token(), id(order), status("captured")).get("capturedCents").asLong())
			.isEqualTo(450);
	}

	@Test
	void aCustomerWhoWasToldCancellingIsFreeIsNotChargedWhenTheFeeBeginsBeforeTheyConfirm() {
		var customer = fixtures.customer();
		JsonNode order = book(customer, merchantWithFee("Changed Its Mind", 450));
		Instant feeFrom = Instant.parse(order.get("lateCancellation").get("appliesFrom").asString());
		CLOCK.set(feeFrom.minusSeconds(30));
		long shown = terms(customer, order).get("feeCents").asLong();
		CLOCK.set(feeFrom);

		Api.Response refused = api.post("/v1/orders/" + id(order) + "/cancel", customer.token(),
				Map.of("reason", "Plans changed", "acceptedFeeCents", shown));
		Api.Response accepted = api.post("/v1/orders/" + id(order) + "/cancel", customer.token(),
				Map.of("reason", "Plans changed", "acceptedFeeCents", 450));

		assertThat(shown).isZero();
		assertThat(refused.status()).as(refused.body().toString()).isEqualTo(409);
		assertThat(refused.text("code")).isEqualTo("fee_changed");
		assertThat(refused.body().get("feeCents").asLong()).isEqualTo(450);
		assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(200);
		assertThat(accepted.text("status")).isEqualTo("cancelled");
	}

	/** A window starting 2 h 5 min from now: the fee (2 hours before the window) applies in 5 minutes. */
	private JsonNode book(Fixtures.Person customer, Fixtures.MerchantRef merchant) {
		Instant start = CLOCK.instant().plus(Duration.ofMinutes(125)).truncatedTo(ChronoUnit.SECONDS);
		var request = new java.util.HashMap<>(Fixtures.request(merchant.id(),
				List.of(Fixtures.item("SKU-JACKET", "outerwear", 12_900, true))));
		request.put("window", Map.of("start", start.toString(), "end", start.plus(Duration.ofHours(2)).toString()));
		Api.Response booked = api.post("/v1/orders", customer.token(), Fixtures.paidWith(request, "tok_visa"));
		assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
		return booked.body();
	}

	private JsonNode terms(Fixtures.Person customer, JsonNode order) {
		Api.Response terms = api.get("/v1/orders/" + id(order) + "/cancellation", customer.token());
		assertThat(terms.status()).as(terms.body().toString()).isEqualTo(200);
		return terms.body();
	}

	private void cancel(Fixtures.Person customer, JsonNode order) {
		Api.Response cancelled = api.post("/v1/orders/" + id(order) + "/cancel", customer.token(),
				Map.of("reason", "Plans changed"));
		assertThat(cancelled.status()).as(cancelled.body().toString()).isEqualTo(200);
	}

	private static String id(JsonNode order) {
		return order.get("id").asString();
	}

	private Fixtures.MerchantRef merchantWithFee(String name, long feeCents) {
		fixtures.berlinServiceArea();
		Api.Response created = api.post("/v1/merchants", fixtures.operatorToken(),
				JsonBody.of(Fixtures.merchantBody(name)).with("billing", "customer_pays")
					.with("returnPolicy.lateCancellationFeeCents", feeCents).toString());
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return new Fixtures.MerchantRef(created.text("id"), created.body().get("apiKey").get("secret").asString());
	}
}
