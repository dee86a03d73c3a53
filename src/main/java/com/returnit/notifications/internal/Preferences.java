package com.returnit.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each customer's choice of channels; everything is on until they opt out. */
@Repository
class Preferences {

	record Choice(boolean email, boolean sms) {

		boolean allows(Channel channel) {
			return channel == Channel.EMAIL ? email : sms;
		}
	}

	private final JdbcClient jdbc;

	Preferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Choice of(UUID customerId) {
		return jdbc.sql("SELECT email, sms FROM notification_preferences WHERE customer_id = :id").param("id", customerId)
			.query((rs, n) -> new Choice(rs.getBoolean(1), rs.getBoolean(2))).optional()
			.orElse(new Choice(true, true));
	}

	void save(UUID customerId, Choice choice, Instant now) {
		jdbc.sql("""
				INSERT INTO notification_preferences (customer_id, email, sms, updated_at) VALUES (:id, :email, :sms, :now)
				ON CONFLICT (customer_id) DO UPDATE SET email = :email, sms = :sms, updated_at = :now""")
			.param("id", customerId).param("email", choice.email()).param("sms", choice.sms())
			.param("now", Timestamp.from(now))
			.update();
	}
}
