package com.returnit.tracking.internal.live;

import com.returnit.orders.TrackingPages;
import com.returnit.tracking.OrderTracking;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One unguessable token (192 random bits) per order, made on first request and the same ever after. */
@Repository
class TrackingLinks implements OrderTracking, TrackingPages {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final Clock clock;

	TrackingLinks(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The order's token, made by this call when it has none: one statement either way. When another transaction made
	 * it after this statement's snapshot was taken, a second read sees it.
	 */
	String tokenFor(UUID orderId) {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return jdbc.sql("""
				WITH made AS (
				  INSERT INTO tracking_links (order_id, token, created_at) VALUES (:order, :token, :now)
				  ON CONFLICT DO NOTHING RETURNING token
				)
				SELECT token FROM made
				UNION ALL
				SELECT token FROM tracking_links WHERE order_id = :order
				LIMIT 1""")
			.param("order", orderId).param("token", Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))
			.param("now", Timestamp.from(clock.instant()))
			.query(String.class).optional()
			.orElseGet(() -> jdbc.sql("SELECT token FROM tracking_links WHERE order_id = :order").param("order", orderId)
				.query(String.class).single());
	}

	@Override
	public String trackingPath(UUID orderId) {
		return "/track/" + tokenFor(orderId);
	}

	@Override
	public Optional<String> existingPath(UUID orderId) {
		return jdbc.sql("SELECT token FROM tracking_links WHERE order_id = :order").param("order", orderId)
			.query(String.class).optional().map(token -> "/track/" + token);
	}

	Optional<UUID> orderFor(String token) {
		return jdbc.sql("SELECT order_id FROM tracking_links WHERE token = :token").param("token", token)
			.query(UUID.class).optional();
	}
}
