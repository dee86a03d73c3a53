package com.returnit.dispatch.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OfferRepository {

	private final JdbcClient jdbc;

	OfferRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records the offer unless the order or the driver already holds an open one (a concurrent dispatcher on
	 * another node got there first); false then, and the caller tries the next driver.
	 */
	boolean insert(Offer offer) {
		return jdbc.sql("""
				INSERT INTO offers (id, order_id, driver_id, status, distance_km, created_at, expires_at)
				VALUES (:id, :order, :driver, 'offered', :km, :created, :expires)
				ON CONFLICT DO NOTHING""")
			.param("id", offer.id()).param("order", offer.orderId()).param("driver", offer.driverId())
			.param("km", offer.distanceKm()).param("created", Timestamp.from(offer.createdAt()))
			.param("expires", Timestamp.from(offer.expiresAt()))
			.update() == 1;
	}

	/** Closes the open offer if it is still open, unexpired and this driver's; the one conditional write that wins. */
	Optional<UUID> respond(UUID offerId, UUID driverId, String status, Instant now) {
		return jdbc.sql("""
				UPDATE offers SET status = :status, responded_at = :now
				WHERE id = :id AND driver_id = :driver AND status = 'offered' AND expires_at > :now
				RETURNING order_id""")
			.param("id", offerId).param("driver", driverId).param("status", status).param("now", Timestamp.from(now))
			.query(UUID.class).optional();
	}

	/** Expires overdue offers (skipping rows another node is handling) and answers their orders. */
	List<UUID> expireOverdue(Instant now, int limit) {
		return jdbc.sql("""
				UPDATE offers SET status = 'expired', responded_at = :now
				WHERE id IN (SELECT id FROM offers WHERE status = 'offered' AND expires_at <= :now
				             ORDER BY expires_at LIMIT :limit FOR UPDATE SKIP LOCKED)
				RETURNING order_id""")
			.param("now", Timestamp.from(now)).param("limit", limit).query(UUID.class).list();
	}

	void withdrawOpen(UUID orderId, Instant now) {
		jdbc.sql("UPDATE offers SET status = 'withdrawn', responded_at = :now WHERE order_id = :order AND status = 'offered'")
			.param("order", orderId).param("now", Timestamp.from(now)).update();
	}

	/** Drivers who must not get this order: everyone offered it before, and everyone holding an open offer. */
	Set<UUID> excludedFor(UUID orderId) {
		return jdbc.sql("""
				SELECT driver_id FROM offers WHERE order_id = :order
				UNION SELECT driver_id FROM offers WHERE status = 'offered'""")
			.param("order", orderId).query(UUID.class).list().stream().collect(Collectors.toSet());
	}

	Optional<Offer> find(UUID offerId) {
		return jdbc.sql("SELECT * FROM offers WHERE id = :id").param("id", offerId).query(OfferRepository::map).optional();
	}

	List<Offer> openFor(UUID driverId, Instant now) {
		return jdbc.sql("SELECT * FROM offers WHERE driver_id = :driver AND status = 'offered' AND expires_at > :now")
			.param("driver", driverId).param("now", Timestamp.from(now)).query(OfferRepository::map).list();
	}

	List<Offer> ofOrder(UUID orderId) {
		return jdbc.sql("SELECT * FROM offers WHERE order_id = :order ORDER BY created_at")
			.param("order", orderId).query(OfferRepository::map).list();
	}

	private static Offer map(ResultSet rs, int row) throws SQLException {
		Timestamp responded = rs.getTimestamp("responded_at");
		return new Offer(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
				rs.getObject("driver_id", UUID.class), rs.getString("status"), rs.getDouble("distance_km"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
				responded == null ? null : responded.toInstant());
	}
}
