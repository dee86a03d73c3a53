package com.returnit.payments;

import static org.awaitility.Awaitility.await;

import com.returnit.support.Api;
import java.time.Duration;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** What payment tests look at: an order's payment over HTTP, and the books in the database. */
final class PaymentTesting {

	private PaymentTesting() {
	}

	static JsonNode awaitPayment(Api api, String token, String orderId, Predicate<JsonNode> until) {
		return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
			.until(() -> api.get("/v1/orders/" + orderId + "/payment", token).body(), until);
	}

	static Predicate<JsonNode> status(String status) {
		return body -> status.equals(body.get("status").asString());
	}

	/** The sum of all journal lines, per currency, in absolute value: 0 when the books balance. */
	static long imbalance(JdbcClient jdbc) {
		return jdbc.sql("""
				SELECT coalesce(sum(abs(total)), 0) FROM
				  (SELECT sum(amount_cents) AS total FROM journal_lines GROUP BY currency) t""")
			.query(Long.class).single();
	}

	/** Successful captures the sandbox provider made against one authorization. */
	static int sandboxCaptures(JdbcClient jdbc, String orderId) {
		return jdbc.sql("""
				SELECT count(*) FROM sandbox_provider_calls c JOIN payments p ON p.provider_ref = c.target
				WHERE p.order_id = :order AND c.operation = 'capture' AND c.outcome = 'succeeded'""")
			.param("order", java.util.UUID.fromString(orderId)).query(Integer.class).single();
	}
}
