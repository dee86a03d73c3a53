package com.returnit.payments;

import static com.returnit.payments.PaymentTesting.awaitPayment;
import static com.returnit.payments.PaymentTesting.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import com.returnit.support.JsonBody;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * GET /v1/orders/{id}/cancellation states what cancelling costs now, and cancelling charges exactly that: nothing
 * before the late fee applies, the booked fee from then on. (The exact instant: CancellationAtTheInstantTests.)
 */
class CancellationTermsAndChargesTests extends EndToEndTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void wellAheadTheTermsSayCancellingIsFreeAndCancellingChargesNothing() {
		Fixtures.MerchantRef shop = merchantWithFee("Free Until Late", 650);
		var customer = fixtures.customer();
		JsonNode order = book(customer, Fixtures.request(shop.id()));
		String orderId = order.get("id").asString();

		JsonNode terms = api.get("/v1/orders/" + orderId + "/cancellation", customer.token()).body();

		assertThat(terms.get("cancellable").asBoolean()).isTrue();
		assertThat(terms.get("feeCents").asLong()).isZero();
		assertThat(terms.get("currency").asString()).isEqualTo("EUR");
		assertThat(terms.get("feeAppliesFrom").asString())
			.isEqualTo(order.get("lateCancellation").get("appliesFrom").asString());
		assertThat(Instant.parse(terms.get("feeAppliesFrom").asString())).isAfter(Instant.now());
		assertThat(terms.get("reason").isNull()).isTrue();
		assertThat(terms.get("chargedTo").asString()).isEqualTo("customer");
		assertThat(terms.propertyNames()).containsExactlyInAnyOrder("cancellable", "feeCents", "currency",
				"feeAppliesFrom", "reason", "chargedTo");

		api.post("/v1/orders/" + orderId + "/cancel", customer.token(), Map.of("reason", "Kept it"));
		assertThat(awaitPayment(api, customer.token(), orderId, status("voided")).get("capturedCents").asLong())
			.isZero();
	}

	@Test
	void insideTheLateWindowTheTermsNameTheFeeAndCancellingChargesExactlyIt() {
		Fixtures.MerchantRef shop = merchantWithFee("Late Fee Told", 650);
		var customer = fixtures.customer();
		String orderId = book(customer, Fixtures.requestSoon(shop.id(),
				List.of(Fixtures.item("SKU-JACKET", "outerwear", 12_900, true)))).get("id").asString();

		JsonNode terms = api.get("/v1/orders/" + orderId + "/cancellation", customer.token()).body();
		assertThat(terms.get("cancellable").asBoolean()).isTrue();
		assertThat(terms.get("feeCents").asLong()).isEqualTo(650);
		assertThat(Instant.parse(terms.get("feeAppliesFrom").asString())).isBefore(Instant.now());

		api.post("/v1/orders/" + orderId + "/cancel", customer.token(), Map.of("reason", "Not home"));
		assertThat(awaitPayment(api, customer.token(), orderId, status("captured")).get("capturedCents").asLong())
			.isEqualTo(terms.get("feeCents").asLong());

		JsonNode after = api.get("/v1/orders/" + orderId + "/cancellation", customer.token()).body();
		assertThat(after.get("cancellable").asBoolean()).isFalse();
		assertThat(after.get("reason").asString()).isEqualTo("already cancelled");
		assertThat(after.get("feeCents").asLong()).isZero();
		assertThat(PaymentTesting.imbalance(jdbc)).isZero();
	}

	@Test
	void theTermsAreForWhoeverSeesTheOrderAndOnlyTheCustomerAndMerchantMayCancel() {
		Fixtures.MerchantRef shop = merchantWithFee("Terms For All", 300);
		var customer = fixtures.customer();
		String orderId = book(customer, Fixtures.request(shop.id())).get("id").asString();
		String path = "/v1/orders/" + orderId + "/cancellation";

		assertThat(api.get(path, fixtures.customer().token()).status()).as("another customer").isEqualTo(404);
		assertThat(api.get(path, fixtures.merchant("Another Shop").apiKey()).status()).as("another merchant")
			.isEqualTo(404);
		assertThat(api.get(path, fixtures.driver().token()).status()).as("a driver not on it").isEqualTo(404);
		assertThat(api.get(path, null).status()).isEqualTo(401);
		assertThat(api.get("/v1/orders/" + UUID.randomUUID() + "/cancellation", customer.token()).status())
			.isEqualTo(404);
		assertThat(api.get("/v1/orders/not-an-id/cancellation", customer.token()).body().get("errors").get(0)
			.get("field").asString()).isEqualTo("id");
		assertThat(api.get(path, shop.apiKey()).body().get("cancellable").asBoolean()).isTrue();
		assertThat(api.get(path, fixtures.operatorToken()).body().get("cancellable").asBoolean()).isTrue();
	}

	@Test
	void whenTheMerchantPaysTheTermsSaySoAndTheFeeGoesOnItsStatement() {
		var merchant = fixtures.merchant("Pays Late Fees Itself");
		var customer = fixtures.customer();
		Api.Response booked = api.post("/v1/orders", customer.token(), Fixtures.requestSoon(merchant.id(),
				List.of(Fixtures.item("SKU-JACKET", "outerwear", 12_900, true))));
		String orderId = booked.text("id");

		JsonNode terms = api.get("/v1/orders/" + orderId + "/cancellation", customer.token()).body();

		assertThat(terms.get("feeCents").asLong()).isEqualTo(500);
		assertThat(terms.get("chargedTo").asString()).isEqualTo("merchant");
		api.post("/v1/orders/" + orderId + "/cancel", customer.token(), Map.of("reason", "Not home"));
		String statement = "/v1/merchants/" + merchant.id() + "/statements/"
				+ java.time.YearMonth.now(java.time.ZoneOffset.UTC);
		JsonNode lines = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
			.until(() -> api.get(statement, merchant.apiKey()).body().get("lines"), l -> l.size() == 1);
		assertThat(lines.get(0).get("kind").asString()).isEqualTo("late_cancellation");
		assertThat(lines.get(0).get("amountCents").asLong()).isEqualTo(terms.get("feeCents").asLong());
	}

	private JsonNode book(Fixtures.Person customer, Map<String, Object> request) {
		Api.Response booked = api.post("/v1/orders", customer.token(), Fixtures.paidWith(request, "tok_visa"));
		assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
		return booked.body();
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
