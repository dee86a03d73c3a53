package com.returnit.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** How the driver gets to the door: typed by the customer at booking, read by the driver with the job, erased with the customer. */
class AccessNotesTests extends EndToEndTest {

	private static final String NOTES = "Ring Weber, 3rd floor, door code 4512";

	@Autowired
	JdbcClient jdbc;

	private Fixtures.Person driver;

	@AfterEach
	void sendTheDriverHome() {
		if (driver != null) {
			fixtures.offShift(driver);
		}
	}

	@Test
	void theCustomersAccessNotesAndFirstNameReachTheDriverGivenTheJobAndNoOtherDriver() {
		Fixtures.Person customer = fixtures.customer();
		String orderId = booked(customer, withNotes("  " + NOTES + "  "));
		driver = fixtures.driver("van", 40);
		fixtures.onShiftAt(driver, 52.52, 13.40);
		Api.Response assigned = api.post("/v1/dispatch/orders/" + orderId + "/assign", fixtures.operatorToken(),
				Map.of("driverId", driver.id()));
		assertThat(assigned.status()).as(assigned.body().toString()).isEqualTo(200);

		assertThat(api.get("/v1/orders/" + orderId, customer.token()).body().at("/pickup/accessNotes").asString())
			.isEqualTo(NOTES);
		Api.Response asDriver = api.get("/v1/orders/" + orderId, driver.token());
		assertThat(asDriver.body().at("/pickup/accessNotes").asString()).isEqualTo(NOTES);
		assertThat(asDriver.text("customerFirstName")).isEqualTo("Casey");
		assertThat(asDriver.body().path("customer").isNull() || asDriver.body().path("customer").isMissingNode())
			.as("no more of the customer than the first name").isTrue();
		assertThat(api.get("/v1/orders/" + orderId, fixtures.driver().token()).status()).isEqualTo(404);
	}

	@Test
	void notesGivenWithABookingFromAQuoteReplaceTheQuotesAndTooLongNotesAreRefusedNamingTheField() {
		Fixtures.Person customer = fixtures.customer();
		Fixtures.MerchantRef merchant = fixtures.merchant("Notes Shop " + UUID.randomUUID());
		Api.Response quote = api.post("/v1/quotes", customer.token(), withNotes(merchant, "Back gate"));
		assertThat(quote.status()).as(quote.body().toString()).isEqualTo(200);

		Api.Response booked = api.post("/v1/orders", customer.token(),
				Map.of("quoteId", quote.text("quoteId"), "accessNotes", NOTES));
		Api.Response tooLong = api.post("/v1/orders", customer.token(), withNotes("x".repeat(501)));

		assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
		assertThat(booked.body().at("/pickup/accessNotes").asString()).isEqualTo(NOTES);
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.contentType()).startsWith("application/problem+json");
		assertThat(tooLong.body().at("/errors/0/field").asString()).isEqualTo("pickup.accessNotes");
	}

	@Test
	void erasingTheCustomerErasesTheirAccessNotes() {
		Fixtures.Person customer = fixtures.customer();
		String orderId = booked(customer, withNotes(NOTES));
		api.post("/v1/orders/" + orderId + "/cancel", customer.token(), Map.of("reason", "Kept it"));

		assertThat(api.delete("/v1/customers/me", customer.token()).status()).isEqualTo(204);

		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
			.until(() -> jdbc.sql("SELECT pickup_address FROM orders WHERE id = :id").param("id", UUID.fromString(orderId))
				.query(String.class).single(), "(erased)"::equals);
		assertThat(jdbc.sql("SELECT access_notes FROM orders WHERE id = :id").param("id", UUID.fromString(orderId))
			.query(String.class).optional()).isEmpty();
	}

	private String booked(Fixtures.Person customer, Map<String, Object> request) {
		Api.Response booked = api.post("/v1/orders", customer.token(), request);
		assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
		return booked.text("id");
	}

	private Map<String, Object> withNotes(String notes) {
		return withNotes(fixtures.merchant("Notes Shop " + UUID.randomUUID()), notes);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> withNotes(Fixtures.MerchantRef merchant, String notes) {
		Map<String, Object> request = new HashMap<>(Fixtures.request(merchant.id()));
		Map<String, Object> pickup = new HashMap<>((Map<String, Object>) request.get("pickup"));
		pickup.put("accessNotes", notes);
		request.put("pickup", pickup);
		return request;
	}
}
