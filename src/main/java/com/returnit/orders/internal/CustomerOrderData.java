package com.returnit.orders.internal;

import com.returnit.identity.CustomerErased;
import com.returnit.orders.CustomerOrders;
import com.returnit.orders.internal.proof.ProofStore;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The orders' part of a customer's privacy rights: their orders exported, and anonymised when they are erased.
 * Orders and their amounts stay for accounting; the customer's name and email and the pickup address go, the
 * position keeps only the city (one decimal, about 10 km), free text the customer typed is dropped (cancellation
 * reasons, items' reason notes), and their quotes lose the request; the pickups' photos and signatures are deleted.
 */
@Component
class CustomerOrderData implements CustomerOrders {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final TypeReference<List<Map<String, Object>>> ITEMS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final ProofStore proofs;

	CustomerOrderData(JdbcClient jdbc, ProofStore proofs) {
		this.jdbc = jdbc;
		this.proofs = proofs;
	}

	@Override
	@Transactional(readOnly = true)
	public List<OrderData> of(UUID customerId) {
		return jdbc.sql("SELECT * FROM orders WHERE customer_id = :c ORDER BY id").param("c", customerId)
			.query((rs, n) -> new OrderData(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
					rs.getString("status"), rs.getString("pickup_address"), rs.getDouble("pickup_lat"),
					rs.getDouble("pickup_lng"), rs.getString("access_notes"), rs.getTimestamp("window_start").toInstant(),
					rs.getTimestamp("window_end").toInstant(), JSON.readValue(rs.getString("items"), ITEMS),
					rs.getLong("amount_cents"), rs.getString("currency"), rs.getString("cancel_reason"),
					rs.getTimestamp("created_at").toInstant(), history(rs.getObject("id", UUID.class))))
			.list();
	}

	@Override
	public int openOrderCount(UUID customerId) {
		return jdbc.sql("""
				SELECT count(*) FROM orders WHERE customer_id = :c
				  AND status IN ('scheduled', 'assigned', 'en_route', 'picked_up')""")
			.param("c", customerId).query(Integer.class).single();
	}

	@ApplicationModuleListener
	void on(CustomerErased erased) {
		UUID customer = erased.customerId();
		jdbc.sql("""
				UPDATE orders SET customer_name = NULL, customer_email = NULL, access_notes = NULL, pickup_address = '(erased)', pickup_lat = round(pickup_lat::numeric, 1),
				  pickup_lng = round(pickup_lng::numeric, 1), cancel_reason = CASE WHEN cancel_reason IS NULL THEN NULL
				  ELSE '(erased)' END,
				  items = (SELECT coalesce(jsonb_agg(item - 'reasonNote' ORDER BY position), '[]'::jsonb)
				           FROM jsonb_array_elements(items) WITH ORDINALITY AS listed(item, position))
				WHERE customer_id = :c""")
			.param("c", customer).update();
		jdbc.sql("""
				UPDATE quotes SET request = '{}'::jsonb
				WHERE owner = :owner OR owner LIKE :guest OR id IN (SELECT quote_id FROM orders WHERE customer_id = :c)""")
			.param("owner", "customer:" + customer).param("guest", "customer:" + customer + ":session:%")
			.param("c", customer).update();
		proofs.deleteAll(jdbc.sql("SELECT id FROM orders WHERE customer_id = :c").param("c", customer).query(UUID.class)
			.list());
		jdbc.sql("UPDATE order_timeline SET detail = NULL WHERE order_id IN (SELECT id FROM orders WHERE customer_id = :c) AND detail IS NOT NULL")
			.param("c", customer).update();
	}

	private List<Map<String, Object>> history(UUID orderId) {
		return jdbc.sql("SELECT type, occurred_at, detail FROM order_timeline WHERE order_id = :o ORDER BY sequence")
			.param("o", orderId)
			.query((rs, n) -> {
				Map<String, Object> entry = new java.util.LinkedHashMap<>();
				entry.put("type", rs.getString(1));
				entry.put("occurredAt", rs.getTimestamp(2).toInstant());
				entry.put("detail", rs.getString(3));
				return entry;
			})
			.list();
	}
}
