package com.returnit.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.orders.internal.domain.OrderStatus;
import com.returnit.support.EndToEndTest;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every query GET /v1/orders can run reads the caller's own rows through an index, never a sequential scan,
 * whoever lists and whatever they filter (planned against a realistic volume, then rolled back).
 */
class OrderListIndexTests extends EndToEndTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	static Stream<Arguments> queries() {
		UUID someone = UUID.randomUUID();
		UUID cursor = UUID.randomUUID();
		return Stream.of(
				Arguments.of("customer", new OrderRepository.Scope(someone, null, null), null, null, "customer_id"),
				Arguments.of("customer by status", new OrderRepository.Scope(someone, null, null), OrderStatus.SCHEDULED, cursor, "customer_id"),
				Arguments.of("guest of a return link", new OrderRepository.Scope(someone, null, null, cursor), null, null, "return_session_id"),
				Arguments.of("merchant", new OrderRepository.Scope(null, someone, null), null, cursor, "merchant_id"),
				Arguments.of("merchant by status", new OrderRepository.Scope(null, someone, null), OrderStatus.CANCELLED, null, "merchant_id"),
				Arguments.of("driver", new OrderRepository.Scope(null, null, someone), null, null, "driver_id"),
				Arguments.of("operator by status", new OrderRepository.Scope(null, null, null), OrderStatus.SCHEDULED, cursor, "status"),
				Arguments.of("operator", new OrderRepository.Scope(null, null, null), null, cursor, "id <"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("queries")
	void theListQueryUsesItsIndex(String who, OrderRepository.Scope scope, OrderStatus status, UUID after,
			String indexedColumn) {
		var query = OrderRepository.pageQuery(scope, status, after, 21);

		List<String> plan = tx.execute(t -> {
			realisticVolume();
			String explained = String.join("\n",
					jdbc.sql("EXPLAIN " + query.sql()).params(query.params()).query(String.class).list());
			t.setRollbackOnly();
			return List.of(explained);
		});

		String explained = String.join("\n", plan);
		assertThat(explained).as(who).contains("Index Scan").doesNotContain("Seq Scan");
		assertThat(indexCondition(explained)).as(who).contains(indexedColumn);
	}

	static Stream<Arguments> filtered() {
		UUID merchant = UUID.randomUUID();
		java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
		return Stream.of(
				Arguments.of("merchant by customer", new OrderFilter(null, null, null, "casey@example.com", null)),
				Arguments.of("merchant by customer's name", new OrderFilter(null, null, null, "casey", null)),
				Arguments.of("merchant by order reference", new OrderFilter(null, null, null, null, "MO-1")),
				Arguments.of("merchant by dates", new OrderFilter(null, today.minusDays(30), today.minusDays(1), null,
						null)),
				Arguments.of("merchant by everything", new OrderFilter(OrderStatus.DELIVERED, today, today, "casey",
						"MO-1")))
			.map(arguments -> Arguments.of(arguments.get()[0], new OrderRepository.Scope(null, merchant, null),
					arguments.get()[1]));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("filtered")
	void aFilteredMerchantListUsesAnIndex(String who, OrderRepository.Scope scope, OrderFilter filter) {
		var query = OrderRepository.pageQuery(scope, filter, null, 21);

		String explained = tx.execute(t -> {
			realisticVolume();
			String plan = String.join("\n",
					jdbc.sql("EXPLAIN " + query.sql()).params(query.params()).query(String.class).list());
			t.setRollbackOnly();
			return plan;
		});

		assertThat(explained).as(who).contains("Index").doesNotContain("Seq Scan");
	}

	/** 20,000 orders over 2,000 customers, 50 merchants and 500 drivers, mostly delivered, then fresh statistics. */
	private void realisticVolume() {
		// on a busy machine the bulk insert (and its trigram index) may take longer than the API's statement timeout
		jdbc.sql("SET LOCAL statement_timeout = 0").update();
		jdbc.sql("""
				INSERT INTO orders (id, merchant_id, customer_id, driver_id, status, pickup_address, pickup_lat,
				  pickup_lng, window_start, window_end, items, amount_cents, currency, policy_version, created_at,
				  updated_at, version, customer_name, customer_email, merchant_order_ref)
				SELECT gen_random_uuid(), ('00000000-0000-0000-0000-' || lpad((i % 50)::text, 12, '0'))::uuid,
				  ('00000000-0000-0000-0001-' || lpad((i % 2000)::text, 12, '0'))::uuid,
				  ('00000000-0000-0000-0002-' || lpad((i % 500)::text, 12, '0'))::uuid,
				  CASE WHEN i % 10 = 0 THEN 'scheduled' WHEN i % 20 = 1 THEN 'cancelled' ELSE 'delivered' END,
				  'x', 52.5, 13.4, now(), now() + interval '2 hours', '[]', 500, 'EUR', 1,
				  now() - (i % 365) * interval '1 day', now(), 0, 'Customer ' || (i % 2000),
				  'customer-' || (i % 2000) || '@example.com', 'MO-' || i
				FROM generate_series(1, 20000) AS i""").update();
		jdbc.sql("ANALYZE orders").update();
	}

	private static String indexCondition(String plan) {
		int at = plan.indexOf("Index Cond:");
		return at < 0 ? "" : plan.substring(at, plan.indexOf('\n', at) < 0 ? plan.length() : plan.indexOf('\n', at));
	}
}
