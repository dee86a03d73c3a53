package com.returnit.payments;

import static com.returnit.payments.PaymentTesting.awaitPayment;
import static com.returnit.payments.PaymentTesting.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import com.returnit.support.JsonBody;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The late-cancellation fee is part of each merchant's return policy (the platform's 5.00 when it names none): the
 * customer sees it in the quote and the order, and a late cancellation charges exactly that fee.
 */
class LateCancellationFeeTests extends EndToEndTest {

	@Autowired
	JdbcClient jdbc;

	private Fixtures.Person customer;

	@BeforeEach
	void aCustomer() {
		customer = fixtures.customer();
	}

	@Test
	void twoMerchantsWithDifferentFeesEachChargeTheirOwnFeeForALateCancellation() {
		Fixtures.MerchantRef modest = merchantWithFee("Modest Fee Shop", 300, "customer_pays");
		Fixtures.MerchantRef strict = fixtures.customerPaidMerchant("Strict Fee Shop");
		Api.Response changed = api.put("/v1/merchants/" + strict.id() + "/return-policy", strict.apiKey(),
				JsonBody.of(policy()).with("lateCancellationFeeCents", 600).toString());
		assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
		assertThat(changed.body().get("lateCancellationFeeCents").asLong()).isEqualTo(600);

		for (var merchant : Map.of(modest, 300L, strict, 600L).entrySet()) {
			JsonNode quote = quoteSoon(merchant.getKey());
			JsonNode shown = quote.get("lateCancellation");
			assertThat(shown.get("amountCents").asLong()).as("told before booking").isEqualTo(merchant.getValue());
			assertThat(shown.get("currency").asString()).isEqualTo("EUR");
			assertThat(Instant.parse(shown.get("appliesFrom").asString())).isBefore(Instant.now());

			JsonNode order = bookQuote(quote);
			assertThat(order.get("lateCancellation").get("amountCents").asLong()).isEqualTo(merchant.getValue());
			String orderId = order.get("id").asString();
			api.post("/v1/orders/" + orderId + "/cancel", customer.token(), Map.of("reason", "Not home after all"));

			JsonNode charged = awaitPayment(api, customer.token(), orderId, status("captured"));
			assertThat(charged.get("capturedCents").asLong()).isEqualTo(merchant.getValue());
			assertThat(charged.get("amountCents").asLong()).as("the rest of the hold is released")
				.isGreaterThan(merchant.getValue());
		}
		assertThat(PaymentTesting.imbalance(jdbc)).isZero();
	}

	@Test
	void cancellingWellAheadChargesNothingWhateverTheMerchantsFee() {
		Fixtures.MerchantRef strict = merchantWithFee("Strict But Early", 650, "customer_pays");
		JsonNode quote = api.post("/v1/quotes", customer.token(), Fixtures.request(strict.id())).body();
		assertThat(quote.get("lateCancellation").get("amountCents").asLong()).isEqualTo(650);
		String orderId = bookQuote(quote).get("id").asString();

		api.post("/v1/orders/" + orderId + "/cancel", customer.token(), Map.of("reason", "Kept it"));

		assertThat(awaitPayment(api, customer.token(), orderId, status("voided")).get("capturedCents").asLong())
			.isZero();
		assertThat(PaymentTesting.imbalance(jdbc)).isZero();
	}

	@Test
	void aMerchantWhoPaysFindsItsOwnLateFeeOnTheStatement() {
		Fixtures.MerchantRef payer = merchantWithFee("Pays Its Own Fees", 250, "merchant_pays");
		Api.Response booked = api.post("/v1/orders", customer.token(), Fixtures.requestSoon(payer.id(), items()));
		assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
		assertThat(booked.body().get("lateCancellation").get("amountCents").asLong()).isEqualTo(250);

		api.post("/v1/orders/" + booked.text("id") + "/cancel", customer.token(), Map.of("reason", "Changed my mind"));

		String statement = "/v1/merchants/" + payer.id() + "/statements/" + YearMonth.now(ZoneOffset.UTC);
		JsonNode lines = await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get(statement, payer.apiKey()).body().get("lines"), l -> l.size() == 1);
		assertThat(lines.get(0).get("kind").asString()).isEqualTo("late_cancellation");
		assertThat(lines.get(0).get("amountCents").asLong()).isEqualTo(250);
		assertThat(PaymentTesting.imbalance(jdbc)).isZero();
	}

	@Test
	void aPolicyWithoutAFeeOfItsOwnShowsThePlatformDefault() {
		Fixtures.MerchantRef plain = fixtures.customerPaidMerchant("Default Fee Shop");

		assertThat(api.get("/v1/merchants/" + plain.id(), plain.apiKey()).body().get("returnPolicy")
			.get("lateCancellationFeeCents").isNull()).isTrue();
		assertThat(quoteSoon(plain).get("lateCancellation").get("amountCents").asLong()).isEqualTo(500);
	}

	@Test
	void aFeeOutsideZeroToOneThousandIsA400NamingTheField() {
		Fixtures.MerchantRef shop = fixtures.customerPaidMerchant("Validated Fee Shop");
		for (Object fee : List.of(-1, 100_001, "five euros")) {
			Api.Response changed = api.put("/v1/merchants/" + shop.id() + "/return-policy", shop.apiKey(),
					JsonBody.of(policy()).with("lateCancellationFeeCents", fee).toString());
			assertThat(changed.status()).as(String.valueOf(fee)).isEqualTo(400);
			assertThat(changed.contentType()).startsWith("application/problem+json");
			assertThat(changed.body().get("errors").get(0).get("field").asString())
				.isEqualTo("lateCancellationFeeCents");
		}
		Api.Response created = api.post("/v1/merchants", fixtures.operatorToken(),
				JsonBody.of(Fixtures.merchantBody("Negative Fee Co")).with("returnPolicy.lateCancellationFeeCents", -5)
					.toString());
		assertThat(created.status()).isEqualTo(400);
		assertThat(created.body().get("errors").get(0).get("field").asString())
			.isEqualTo("returnPolicy.lateCancellationFeeCents");
		assertThat(api.get("/v1/merchants/" + shop.id(), shop.apiKey()).body().get("returnPolicy").get("version")
			.asInt()).as("nothing saved").isEqualTo(1);
	}

	private Fixtures.MerchantRef merchantWithFee(String name, long feeCents, String billing) {
		fixtures.berlinServiceArea();
		Api.Response created = api.post("/v1/merchants", fixtures.operatorToken(),
				JsonBody.of(Fixtures.merchantBody(name)).with("billing", billing)
					.with("returnPolicy.lateCancellationFeeCents", feeCents).toString());
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		assertThat(created.body().get("returnPolicy").get("lateCancellationFeeCents").asLong()).isEqualTo(feeCents);
		return new Fixtures.MerchantRef(created.text("id"), created.body().get("apiKey").get("secret").asString());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> policy() {
		return (Map<String, Object>) Fixtures.merchantBody("any").get("returnPolicy");
	}

	private static List<Map<String, Object>> items() {
		return List.of(Fixtures.item("SKU-JACKET", "outerwear", 12_900, true));
	}

	private JsonNode quoteSoon(Fixtures.MerchantRef merchant) {
		Api.Response quote = api.post("/v1/quotes", customer.token(), Fixtures.requestSoon(merchant.id(), items()));
		assertThat(quote.status()).as(quote.body().toString()).isEqualTo(200);
		return quote.body();
	}

	private JsonNode bookQuote(JsonNode quote) {
		Api.Response booked = api.post("/v1/orders", customer.token(),
				Map.of("quoteId", quote.get("quoteId").asString(), "paymentMethod", "tok_visa"));
		assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
		return booked.body();
	}
}
