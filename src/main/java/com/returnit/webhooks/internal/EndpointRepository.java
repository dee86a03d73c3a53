package com.returnit.webhooks.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class EndpointRepository {

	private static final String COLUMNS = """
			id, merchant_id, url, events, description, secret, previous_secret, previous_secret_expires_at, status,
			disabled_reason, failing_since, created_at, updated_at""";

	private final JdbcClient jdbc;

	EndpointRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Endpoint e) {
		jdbc.sql("INSERT INTO webhook_endpoints (" + COLUMNS + """
				) VALUES (:id, :merchant, :url, :events, :description, :secret, NULL, NULL, 'enabled', NULL, NULL,
				:created, :created)""")
			.param("id", e.id()).param("merchant", e.merchantId()).param("url", e.url())
			.param("events", e.events().toArray(String[]::new)).param("description", e.description())
			.param("secret", e.secret()).param("created", ts(e.createdAt()))
			.update();
	}

	void update(Endpoint e) {
		jdbc.sql("""
				UPDATE webhook_endpoints SET url = :url, events = :events, description = :description,
				secret = :secret, previous_secret = :previous, previous_secret_expires_at = :previousUntil,
				status = :status, disabled_reason = :reason, failing_since = :failingSince, updated_at = :updated
				WHERE id = :id""")
			.param("id", e.id()).param("url", e.url()).param("events", e.events().toArray(String[]::new))
			.param("description", e.description()).param("secret", e.secret()).param("previous", e.previousSecret())
			.param("previousUntil", ts(e.previousSecretExpiresAt())).param("status", e.status().code())
			.param("reason", e.disabledReason()).param("failingSince", ts(e.failingSince()))
			.param("updated", ts(e.updatedAt()))
			.update();
	}

	Optional<Endpoint> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE id = :id").param("id", id)
			.query(EndpointRepository::map).optional();
	}

	List<Endpoint> ofMerchant(UUID merchantId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE merchant_id = :merchant ORDER BY id DESC")
			.param("merchant", merchantId).query(EndpointRepository::map).list();
	}

	boolean delete(UUID id) {
		return jdbc.sql("DELETE FROM webhook_endpoints WHERE id = :id").param("id", id).update() == 1;
	}

	/** Remembers when an endpoint started failing (kept while it keeps failing); answers that moment. */
	Instant markFailing(UUID id, Instant now) {
		return jdbc.sql("""
				UPDATE webhook_endpoints SET failing_since = coalesce(failing_since, :now) WHERE id = :id
				RETURNING failing_since""")
			.param("id", id).param("now", ts(now)).query(Timestamp.class).optional()
			.map(Timestamp::toInstant).orElse(now);
	}

	void markHealthy(UUID id) {
		jdbc.sql("UPDATE webhook_endpoints SET failing_since = NULL WHERE id = :id AND failing_since IS NOT NULL")
			.param("id", id).update();
	}

	/** Disables an enabled endpoint; false when it already was (so the disabling is announced once). */
	boolean disable(UUID id, String reason, Instant now) {
		return jdbc.sql("""
				UPDATE webhook_endpoints SET status = 'disabled', disabled_reason = :reason, updated_at = :now
				WHERE id = :id AND status = 'enabled'""")
			.param("id", id).param("reason", reason).param("now", ts(now)).update() == 1;
	}

	private static Endpoint map(ResultSet rs, int row) throws SQLException {
		return new Endpoint(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
				rs.getString("url"), strings(rs.getArray("events")), rs.getString("description"),
				rs.getString("secret"), rs.getString("previous_secret"), instant(rs, "previous_secret_expires_at"),
				Endpoint.Status.of(rs.getString("status")), rs.getString("disabled_reason"),
				instant(rs, "failing_since"), instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return Arrays.asList((String[]) array.getArray());
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	static @Nullable Timestamp ts(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}
}
