package com.returnit.push.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SubscriptionRepository {

	private final JdbcClient jdbc;

	SubscriptionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores the subscription; a browser subscribing again (same endpoint) keeps its row, with the keys it sends now
	 * and the driver who sends them. Answers the stored row.
	 */
	Subscription save(Subscription subscription) {
		return jdbc.sql("""
				INSERT INTO push_subscriptions (id, driver_id, endpoint, p256dh, auth, created_at)
				VALUES (:id, :driver, :endpoint, :p256dh, :auth, :now)
				ON CONFLICT (endpoint) DO UPDATE SET driver_id = excluded.driver_id, p256dh = excluded.p256dh,
				  auth = excluded.auth
				RETURNING *""")
			.param("id", subscription.id()).param("driver", subscription.driverId())
			.param("endpoint", subscription.endpoint()).param("p256dh", subscription.p256dh())
			.param("auth", subscription.auth()).param("now", Timestamp.from(subscription.createdAt()))
			.query(SubscriptionRepository::map).single();
	}

	/** Keeps the driver's newest {@code keep} subscriptions (browsers that never unsubscribe must not pile up). */
	void trim(UUID driverId, int keep) {
		jdbc.sql("""
				DELETE FROM push_subscriptions WHERE driver_id = :driver AND id NOT IN
				  (SELECT id FROM push_subscriptions WHERE driver_id = :driver ORDER BY created_at DESC, id DESC LIMIT :keep)""")
			.param("driver", driverId).param("keep", keep).update();
	}

	List<Subscription> ofDriver(UUID driverId) {
		return jdbc.sql("SELECT * FROM push_subscriptions WHERE driver_id = :driver ORDER BY created_at, id")
			.param("driver", driverId).query(SubscriptionRepository::map).list();
	}

	Optional<Subscription> find(UUID id) {
		return jdbc.sql("SELECT * FROM push_subscriptions WHERE id = :id").param("id", id)
			.query(SubscriptionRepository::map).optional();
	}

	/** Removes the driver's subscription; false when there is none of theirs with this id. */
	boolean delete(UUID id, UUID driverId) {
		return jdbc.sql("DELETE FROM push_subscriptions WHERE id = :id AND driver_id = :driver")
			.param("id", id).param("driver", driverId).update() == 1;
	}

	/** The push service said the subscription is gone (404/410): it is removed with its pending messages. */
	void deleteGone(UUID id) {
		jdbc.sql("DELETE FROM push_subscriptions WHERE id = :id").param("id", id).update();
	}

	private static Subscription map(ResultSet rs, int row) throws SQLException {
		return new Subscription(rs.getObject("id", UUID.class), rs.getObject("driver_id", UUID.class),
				rs.getString("endpoint"), rs.getString("p256dh"), rs.getString("auth"),
				rs.getTimestamp("created_at").toInstant());
	}
}
