package com.returnit.returnlinks.internal;

import com.returnit.returnlinks.internal.domain.ReturnSession;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Return sessions, found by id within their merchant or by their token's digest. */
@Repository
class ReturnSessionRepository {

	private static final TypeReference<List<ReturnSession.Item>> ITEMS = new TypeReference<>() {
	};

	/** Where each status stands in SQL, as {@link ReturnSession#status} decides it. */
	private static final Map<ReturnSession.Status, String> STATUS = Map.of(
			ReturnSession.Status.USED, "order_id IS NOT NULL",
			ReturnSession.Status.REVOKED, "order_id IS NULL AND revoked_at IS NOT NULL",
			ReturnSession.Status.EXPIRED, "order_id IS NULL AND revoked_at IS NULL AND expires_at <= :now",
			ReturnSession.Status.OPEN, "order_id IS NULL AND revoked_at IS NULL AND expires_at > :now");

	private final JdbcClient jdbc;
	private final JsonMapper json;

	ReturnSessionRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(ReturnSession session, byte[] tokenHash) {
		jdbc.sql("""
				INSERT INTO return_sessions (id, merchant_id, customer_id, customer_name, customer_email, customer_phone,
				  merchant_order_ref, items, token_hash, expires_at, created_at)
				VALUES (:id, :merchant, :customer, :name, :email, :phone, :ref, CAST(:items AS jsonb), :hash, :expires,
				  :created)""")
			.param("id", session.id()).param("merchant", session.merchantId()).param("customer", session.customerId())
			.param("name", session.customer().name()).param("email", session.customer().email())
			.param("phone", session.customer().phone()).param("ref", session.merchantOrderRef())
			.param("items", json.writeValueAsString(session.items())).param("hash", tokenHash)
			.param("expires", Timestamp.from(session.expiresAt())).param("created", Timestamp.from(session.createdAt()))
			.update();
	}

	Optional<ReturnSession> find(UUID id) {
		return jdbc.sql("SELECT * FROM return_sessions WHERE id = :id").param("id", id).query(this::map).optional();
	}

	/** The merchant's session; another merchant's does not exist for it. */
	Optional<ReturnSession> find(UUID merchantId, UUID id) {
		return find(id).filter(session -> session.merchantId().equals(merchantId));
	}

	Optional<ReturnSession> findByToken(byte[] tokenHash) {
		return jdbc.sql("SELECT * FROM return_sessions WHERE token_hash = :hash").param("hash", tokenHash)
			.query(this::map).optional();
	}

	/** One page of the merchant's sessions, newest first, after the cursor (index on merchant_id, id DESC). */
	List<ReturnSession> page(UUID merchantId, ReturnSession.@Nullable Status status, @Nullable UUID startingAfter,
			int limit, Instant now) {
		StringBuilder sql = new StringBuilder("SELECT * FROM return_sessions WHERE merchant_id = :merchant");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("merchant", merchantId);
		if (status != null) {
			sql.append(" AND ").append(STATUS.get(status));
			if (STATUS.get(status).contains(":now")) {
				params.put("now", Timestamp.from(now));
			}
		}
		if (startingAfter != null) {
			sql.append(" AND id < :after");
			params.put("after", startingAfter);
		}
		sql.append(" ORDER BY id DESC LIMIT :limit");
		params.put("limit", limit);
		return jdbc.sql(sql.toString()).params(params).query(this::map).list();
	}

	/** Revokes the merchant's unused session (a second revocation keeps the first time); false when none was. */
	boolean revoke(UUID merchantId, UUID id, Instant now) {
		return jdbc.sql("""
				UPDATE return_sessions SET revoked_at = coalesce(revoked_at, :now)
				WHERE id = :id AND merchant_id = :merchant AND order_id IS NULL""")
			.param("id", id).param("merchant", merchantId).param("now", Timestamp.from(now)).update() == 1;
	}

	/** Records the order booked from an open session; false when it is not open (or another order came first). */
	boolean markUsed(UUID id, UUID orderId, Instant now) {
		return jdbc.sql("""
				UPDATE return_sessions SET order_id = :order, used_at = :now
				WHERE id = :id AND order_id IS NULL AND revoked_at IS NULL AND expires_at > :now""")
			.param("id", id).param("order", orderId).param("now", Timestamp.from(now)).update() == 1;
	}

	/** Removes an erased customer from their sessions and closes the unused ones. */
	void eraseCustomer(UUID customerId, Instant now) {
		jdbc.sql("""
				UPDATE return_sessions SET customer_name = 'Erased customer',
				  customer_email = 'erased-' || customer_id || '@erased.invalid', customer_phone = NULL,
				  revoked_at = CASE WHEN order_id IS NULL THEN coalesce(revoked_at, :now) ELSE revoked_at END
				WHERE customer_id = :customer""")
			.param("customer", customerId).param("now", Timestamp.from(now)).update();
	}

	private ReturnSession map(ResultSet rs, int row) throws SQLException {
		Timestamp revoked = rs.getTimestamp("revoked_at");
		return new ReturnSession(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
				rs.getObject("customer_id", UUID.class),
				new ReturnSession.Customer(rs.getString("customer_name"), rs.getString("customer_email"),
						rs.getString("customer_phone")),
				rs.getString("merchant_order_ref"), json.readValue(rs.getString("items"), ITEMS),
				rs.getTimestamp("expires_at").toInstant(), revoked == null ? null : revoked.toInstant(),
				rs.getObject("order_id", UUID.class), rs.getTimestamp("created_at").toInstant());
	}
}
