package com.returnit.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A booking whose order cannot be stored after its card was authorized releases the hold and answers the store's own
 * error: a database hiccup (a statement cancelled, 503) and a quote booked by someone else meanwhile (409), with and
 * without an Idempotency-Key (whose transaction wraps the whole request, so the release must wait for its rollback).
 * The failures are real PostgreSQL triggers on the rows the store step writes.
 */
class HoldReleaseTests extends EndToEndTest {

	private static final String FAILING_ADDRESS = "Store-fails-here 1, 10119 Berlin";
	private static final String KEY_WHOSE_ANSWER_CANNOT_BE_RECORDED = "answer-cannot-be-recorded-";

	@Autowired
	JdbcClient jdbc;

	private Fixtures.MerchantRef shop;
	private Fixtures.Person customer;

	@BeforeEach
	void aCustomerPaidShopWhoseOrdersFailToStore() {
		shop = fixtures.customerPaidMerchant("Hold Release Shop");
		customer = fixtures.customer();
		jdbc.sql("CREATE TABLE IF NOT EXISTS test_quotes_taken_meanwhile (id uuid PRIMARY KEY)").update();
		jdbc.sql("""
				CREATE OR REPLACE FUNCTION test_fail_order_store() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				  IF NEW.pickup_address = '%s' THEN
				    RAISE EXCEPTION 'canceling statement due to statement timeout' USING ERRCODE = '57014';
				  END IF;
				  RETURN NEW;
				END $$""".formatted(FAILING_ADDRESS)).update();
		jdbc.sql("""
				CREATE OR REPLACE FUNCTION test_quote_taken_meanwhile() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				  IF EXISTS (SELECT 1 FROM test_quotes_taken_meanwhile WHERE id = NEW.id) THEN
				    RETURN NULL;
				  END IF;
				  RETURN NEW;
				END $$""").update();
		jdbc.sql("""
				CREATE OR REPLACE FUNCTION test_fail_answer_record() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				  IF NEW.key LIKE '%s%%' AND NEW.status = 'completed' THEN
				    RAISE EXCEPTION 'canceling statement due to statement timeout' USING ERRCODE = '57014';
				  END IF;
				  RETURN NEW;
				END $$""".formatted(KEY_WHOSE_ANSWER_CANNOT_BE_RECORDED)).update();
		jdbc.sql("DROP TRIGGER IF EXISTS test_fail_answer_record ON idempotency_keys").update();
		jdbc.sql("CREATE TRIGGER test_fail_answer_record BEFORE UPDATE ON idempotency_keys FOR EACH ROW "
				+ "EXECUTE FUNCTION test_fail_answer_record()").update();
		jdbc.sql("DROP TRIGGER IF EXISTS test_fail_order_store ON orders").update();
		jdbc.sql("CREATE TRIGGER test_fail_order_store BEFORE INSERT ON orders FOR EACH ROW "
				+ "EXECUTE FUNCTION test_fail_order_store()").update();
		jdbc.sql("DROP TRIGGER IF EXISTS test_quote_taken_meanwhile ON quotes").update();
		jdbc.sql("CREATE TRIGGER test_quote_taken_meanwhile BEFORE UPDATE ON quotes FOR EACH ROW "
				+ "EXECUTE FUNCTION test_quote_taken_meanwhile()").update();
	}

	@AfterEach
	void ordersStoreAgain() {
		jdbc.sql("DROP TRIGGER IF EXISTS test_fail_order_store ON orders").update();
		jdbc.sql("DROP TRIGGER IF EXISTS test_quote_taken_meanwhile ON quotes").update();
		jdbc.sql("DROP TRIGGER IF EXISTS test_fail_answer_record ON idempotency_keys").update();
		jdbc.sql("DROP FUNCTION IF EXISTS test_fail_order_store()").update();
		jdbc.sql("DROP FUNCTION IF EXISTS test_quote_taken_meanwhile()").update();
		jdbc.sql("DROP FUNCTION IF EXISTS test_fail_answer_record()").update();
		jdbc.sql("DROP TABLE IF EXISTS test_quotes_taken_meanwhile").update();
	}

	@Test
	void anOrderStoredButRolledBackWithItsRequestBecauseTheAnswerCouldNotBeRecordedReleasesTheHoldToo() {
		Api.Response failed = api.post("/v1/orders", customer.token(),
				Fixtures.paidWith(Fixtures.request(shop.id()), "tok_visa"), "Idempotency-Key",
				KEY_WHOSE_ANSWER_CANNOT_BE_RECORDED + UUID.randomUUID());

		assertThat(failed.status()).as(failed.body().toString()).isEqualTo(503);
		assertTheHoldWasReleased();
	}

	@Test
	void aDatabaseHiccupWhileStoringAnswersItsOwn503AndVoidsTheAuthorization() {
		Api.Response failed = api.post("/v1/orders", customer.token(), failingBooking());

		assertThat(failed.status()).as(failed.body().toString()).isEqualTo(503);
		assertThat(failed.header("Retry-After")).isNotBlank();
		assertTheHoldWasReleased();
	}

	@Test
	void aDatabaseHiccupInsideAnIdempotentRequestStillVoidsTheAuthorizationOnceThatRequestRolledBack() {
		Api.Response failed = api.post("/v1/orders", customer.token(), failingBooking(), "Idempotency-Key",
				UUID.randomUUID().toString());

		assertThat(failed.status()).as(failed.body().toString()).isEqualTo(503);
		assertThat(failed.text("detail")).doesNotContain("current transaction is aborted");
		assertTheHoldWasReleased();
	}

	@Test
	void aQuoteBookedByAnotherRequestMeanwhileIsA409AndItsSecondAuthorizationIsVoided() {
		String quoteId = api.post("/v1/quotes", customer.token(), Fixtures.request(shop.id())).text("quoteId");
		jdbc.sql("INSERT INTO test_quotes_taken_meanwhile (id) VALUES (:id)").param("id", UUID.fromString(quoteId))
			.update();

		Api.Response failed = api.post("/v1/orders", customer.token(),
				Map.of("quoteId", quoteId, "paymentMethod", "tok_visa"), "Idempotency-Key", UUID.randomUUID().toString());

		assertThat(failed.status()).as(failed.body().toString()).isEqualTo(409);
		assertThat(failed.text("code")).isEqualTo("quote_used");
		assertTheHoldWasReleased();
	}

	private Map<String, Object> failingBooking() {
		Map<String, Object> request = new HashMap<>(Fixtures.paidWith(Fixtures.request(shop.id()), "tok_visa"));
		request.put("pickup", Map.of("address", FAILING_ADDRESS, "lat", 52.5290, "lng", 13.4010));
		return request;
	}

	/** The one payment the customer started was authorized, then voided at the provider; no order; books balance. */
	private void assertTheHoldWasReleased() {
		UUID customerId = UUID.fromString(customer.id());
		String status = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
			.until(() -> jdbc.sql("SELECT status FROM payments WHERE customer_id = :c").param("c", customerId)
				.query(String.class).single(), "voided"::equals);
		assertThat(status).isEqualTo("voided");
		assertThat(jdbc.sql("""
				SELECT c.operation || ':' || c.outcome FROM sandbox_provider_calls c
				JOIN payments p ON p.provider_ref IN (c.reference, c.target) WHERE p.customer_id = :c ORDER BY c.created_at""")
			.param("c", customerId).query(String.class).list())
			.containsExactly("authorize:succeeded", "void:succeeded");
		assertThat(api.get("/v1/orders", customer.token()).body().get("data")).isEmpty();
		assertThat(PaymentTesting.imbalance(jdbc)).isZero();
	}
}
