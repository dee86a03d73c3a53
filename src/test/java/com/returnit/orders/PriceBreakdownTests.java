package com.returnit.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A quote shows what its price is made of; the order booked from it keeps the same parts. */
class PriceBreakdownTests extends EndToEndTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aQuotesPriceIsBasePlusItemsPlusDistanceAndTheOrderKeepsTheseParts() {
		var merchant = fixtures.merchant("Itemised Prices");
		var customer = fixtures.customer();

		Api.Response quote = api.post("/v1/quotes", customer.token(), Fixtures.request(merchant.id()));

		JsonNode breakdown = quote.body().get("breakdown");
		long amount = quote.body().get("price").get("amountCents").asLong();
		assertThat(breakdown.get("baseCents").asLong()).isEqualTo(499);
		assertThat(breakdown.get("itemsCents").asLong()).isEqualTo(2 * 150);
		// Torstrasse 1 to the Mitte hub (52.5321, 13.3849) is about 1.15 km, at 60 cents a km
		assertThat(breakdown.get("distanceKm").asDouble()).isBetween(1.1, 1.2);
		assertThat((double) breakdown.get("distanceCents").asLong())
			.as("priced from the exact distance, shown to 10 m").isCloseTo(breakdown.get("distanceKm").asDouble() * 60,
					org.assertj.core.data.Offset.offset(1.0));
		assertThat(breakdown.get("baseCents").asLong() + breakdown.get("itemsCents").asLong()
				+ breakdown.get("distanceCents").asLong()).isEqualTo(amount);
		assertThat(breakdown.get("currency").asString()).isEqualTo("EUR");

		JsonNode order = api.post("/v1/orders", customer.token(), Map.of("quoteId", quote.text("quoteId"))).body();
		assertThat(order.get("priceBreakdown")).isEqualTo(breakdown);
		assertThat(api.get("/v1/orders/" + order.get("id").asString(), customer.token()).body().get("priceBreakdown"))
			.isEqualTo(breakdown);
	}

	@Test
	void anOrderBookedWithoutAQuoteHasItsBreakdownAndOneBookedBeforeBreakdownsHasNone() {
		var merchant = fixtures.merchant("Direct Booking Prices");
		var customer = fixtures.customer();
		String orderId = fixtures.order(customer, merchant);

		JsonNode order = api.get("/v1/orders/" + orderId, customer.token()).body();
		JsonNode breakdown = order.get("priceBreakdown");
		assertThat(breakdown.get("baseCents").asLong() + breakdown.get("itemsCents").asLong()
				+ breakdown.get("distanceCents").asLong()).isEqualTo(order.get("price").get("amountCents").asLong());

		jdbc.sql("UPDATE orders SET price_breakdown = NULL WHERE id = CAST(:id AS uuid)").param("id", orderId).update();
		JsonNode before = api.get("/v1/orders/" + orderId, customer.token()).body();
		assertThat(before.has("priceBreakdown")).isTrue();
		assertThat(before.get("priceBreakdown").isNull()).isTrue();
	}
}
