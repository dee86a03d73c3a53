package com.returnit.orders.internal;

import com.returnit.orders.internal.domain.CustomerContact;
import com.returnit.orders.internal.domain.Failure;
import com.returnit.orders.internal.domain.LateFee;
import com.returnit.orders.internal.domain.Money;
import com.returnit.orders.internal.domain.Order;
import com.returnit.orders.internal.domain.OrderItem;
import com.returnit.orders.internal.domain.OrderStatus;
import com.returnit.orders.internal.domain.Pickup;
import com.returnit.orders.internal.domain.PickupProof;
import com.returnit.orders.internal.domain.PriceBreakdown;
import com.returnit.orders.internal.domain.Progress;
import com.returnit.platform.Conflict;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class OrderRepository {

	/**
	 * Who is listing: exactly one of these narrows the rows, none for operators; a guest's return session narrows its
	 * customer's rows to the one order booked from it.
	 */
	record Scope(@Nullable UUID customerId, @Nullable UUID merchantId, @Nullable UUID driverId,
			@Nullable UUID returnSessionId) {

		Scope(@Nullable UUID customerId, @Nullable UUID merchantId, @Nullable UUID driverId) {
			this(customerId, merchantId, driverId, null);
		}
	}

	private static final TypeReference<List<OrderItem>> ITEMS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;

	OrderRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(Order order) {
		Order.Booking b = order.booking();
		var statement = jdbc.sql("""
				INSERT INTO orders (id, merchant_id, customer_id, driver_id, status, pickup_address, pickup_lat, pickup_lng,
				  window_start, window_end, items, amount_cents, currency, late_fee_cents, late_fee_from, policy_version,
				  quote_id, cancel_reason, created_at, updated_at, version, return_session_id, price_breakdown,
				  customer_name, customer_email, merchant_order_ref, access_notes)
				VALUES (:id, :merchant, :customer, :driver, :status, :address, :lat, :lng, :start, :end,
				  CAST(:items AS jsonb), :amount, :currency, :lateFee, :lateFrom, :policyVersion, :quote, :reason,
				  :created, :updated, 0, :session, CAST(:breakdown AS jsonb), :customerName, :customerEmail, :ref,
				  :accessNotes)""")
			.param("accessNotes", b.pickup().accessNotes())
			.param("id", b.id()).param("merchant", b.merchantId()).param("customer", b.customerId())
			.param("driver", order.driverId()).param("status", order.status().code())
			.param("address", b.pickup().address()).param("lat", b.pickup().lat()).param("lng", b.pickup().lng())
			.param("start", Timestamp.from(b.pickup().windowStart()))
			.param("end", Timestamp.from(b.pickup().windowEnd()))
			.param("items", json.writeValueAsString(b.items()))
			.param("amount", b.price().amountCents()).param("currency", b.price().currency())
			.param("lateFee", b.lateFee().feeCents()).param("lateFrom", Timestamp.from(b.lateFee().appliesFrom()))
			.param("policyVersion", b.policyVersion()).param("quote", b.quoteId())
			.param("reason", order.cancelReason())
			.param("created", Timestamp.from(order.createdAt())).param("updated", Timestamp.from(order.updatedAt()))
			.param("session", b.returnSessionId())
			.param("customerName", b.customer() == null ? null : b.customer().name(), java.sql.Types.VARCHAR)
			.param("customerEmail", b.customer() == null ? null : b.customer().email(), java.sql.Types.VARCHAR)
			.param("ref", b.merchantOrderRef(), java.sql.Types.VARCHAR)
			.param("breakdown", b.priceBreakdown() == null ? null : json.writeValueAsString(b.priceBreakdown()),
					java.sql.Types.VARCHAR);
		try {
			statement.update();
		}
		catch (DuplicateKeyException e) {
			if (b.returnSessionId() == null) {
				throw e;
			}
			// the unique index on return_session_id: one order per return link, whatever raced past the session's lock
			throw new Conflict("This return link was already used to book an order.");
		}
	}

	/** Saves a state change only if nobody changed the order since it was loaded. */
	void update(Order order) {
		Progress p = order.progress();
		int updated = jdbc.sql("""
				UPDATE orders SET status = :status, driver_id = :driver, cancel_reason = :reason,
				  pickup_proof = CAST(:proof AS jsonb), delivered_hub_id = :hub, failure_reason = :failure,
				  failure_note = :note, updated_at = :updated, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("id", order.id()).param("version", order.version())
			.param("status", p.status().code()).param("driver", p.driverId())
			.param("reason", p.cancelReason())
			.param("proof", p.proof() == null ? null : json.writeValueAsString(p.proof()))
			.param("hub", p.hubId())
			.param("failure", p.failure() == null ? null : p.failure().reason().code())
			.param("note", p.failure() == null ? null : p.failure().note())
			.param("updated", Timestamp.from(order.updatedAt()))
			.update();
		if (updated != 1) {
			throw new Conflict("The order was changed by another request; reload it and try again.");
		}
	}

	Optional<Order> find(UUID id) {
		return jdbc.sql("SELECT * FROM orders WHERE id = :id").param("id", id).query(this::map).optional();
	}

	/**
	 * One page, newest first, after the cursor; each scope has an index on (owner, [status,] id DESC), and the
	 * filters' own indexes (see {@link #where}) serve the narrower queries.
	 */
	List<Order> page(Scope scope, OrderFilter filter, @Nullable UUID startingAfter, int limit) {
		PageQuery query = pageQuery(scope, filter, startingAfter, limit);
		return jdbc.sql(query.sql()).params(query.params()).query(this::map).list();
	}

	record PageQuery(String sql, Map<String, Object> params) {
	}

	static PageQuery pageQuery(Scope scope, @Nullable OrderStatus status, @Nullable UUID startingAfter, int limit) {
		return pageQuery(scope, OrderFilter.of(status), startingAfter, limit);
	}

	static PageQuery pageQuery(Scope scope, OrderFilter filter, @Nullable UUID startingAfter, int limit) {
		PageQuery where = where(scope, filter);
		StringBuilder sql = new StringBuilder("SELECT * FROM orders WHERE ").append(where.sql());
		Map<String, Object> params = new LinkedHashMap<>(where.params());
		if (startingAfter != null) {
			sql.append(" AND id < :after");
			params.put("after", startingAfter);
		}
		sql.append(" ORDER BY id DESC LIMIT :limit");
		params.put("limit", limit);
		return new PageQuery(sql.toString(), params);
	}

	/**
	 * The conditions on {@code orders} for this caller and filter. Dates bound the id too (UUIDv7: id order is
	 * creation order), so that a date range is a range of the scope's (owner, id DESC) index; the exact condition is
	 * on {@code created_at}.
	 */
	static PageQuery where(Scope scope, OrderFilter filter) {
		StringBuilder sql = new StringBuilder("true");
		Map<String, Object> params = new LinkedHashMap<>();
		condition(sql, params, "customer_id", scope.customerId());
		condition(sql, params, "merchant_id", scope.merchantId());
		condition(sql, params, "driver_id", scope.driverId());
		condition(sql, params, "return_session_id", scope.returnSessionId());
		condition(sql, params, "status", filter.status() == null ? null : filter.status().code());
		condition(sql, params, "merchant_order_ref", filter.merchantOrderRef());
		if (filter.createdFrom() != null) {
			sql.append(" AND id >= :idFrom AND created_at >= :createdFrom");
			params.put("idFrom", OrderFilter.lowestIdAt(filter.createdFrom()));
			params.put("createdFrom", Timestamp.from(filter.createdFrom()));
		}
		if (filter.createdBefore() != null) {
			sql.append(" AND id < :idBefore AND created_at < :createdBefore");
			params.put("idBefore", OrderFilter.idAbove(filter.createdBefore()));
			params.put("createdBefore", Timestamp.from(filter.createdBefore()));
		}
		if (filter.customer() != null) {
			sql.append(" AND (lower(customer_email) = :customerEmail"
					+ " OR lower(customer_name) LIKE :customerName ESCAPE '\\')");
			params.put("customerEmail", filter.customerEmail());
			params.put("customerName", filter.customerNamePattern());
		}
		return new PageQuery(sql.toString(), params);
	}

	private static void condition(StringBuilder sql, Map<String, Object> params, String column, @Nullable Object value) {
		if (value != null) {
			sql.append(" AND ").append(column).append(" = :").append(column);
			params.put(column, value);
		}
	}

	private @Nullable PriceBreakdown breakdown(@Nullable String stored) {
		return stored == null ? null : json.readValue(stored, PriceBreakdown.class);
	}

	private static @Nullable CustomerContact contact(ResultSet rs) throws SQLException {
		String name = rs.getString("customer_name");
		String email = rs.getString("customer_email");
		return name == null || email == null ? null : new CustomerContact(name, email);
	}

	private Order map(ResultSet rs, int row) throws SQLException {
		Pickup pickup = new Pickup(rs.getString("pickup_address"), rs.getDouble("pickup_lat"),
				rs.getDouble("pickup_lng"), rs.getTimestamp("window_start").toInstant(),
				rs.getTimestamp("window_end").toInstant(), rs.getString("access_notes"));
		Order.Booking booking = new Order.Booking(rs.getObject("id", UUID.class),
				rs.getObject("merchant_id", UUID.class), rs.getObject("customer_id", UUID.class), pickup,
				json.readValue(rs.getString("items"), ITEMS),
				new Money(rs.getLong("amount_cents"), rs.getString("currency")),
				new LateFee(rs.getLong("late_fee_cents"), rs.getTimestamp("late_fee_from") == null ? pickup.windowStart()
						: rs.getTimestamp("late_fee_from").toInstant()),
				rs.getInt("policy_version"),
				rs.getObject("quote_id", UUID.class), breakdown(rs.getString("price_breakdown")),
				rs.getObject("return_session_id", UUID.class), contact(rs));
		String proof = rs.getString("pickup_proof");
		String failure = rs.getString("failure_reason");
		Progress progress = new Progress(OrderStatus.fromCode(rs.getString("status")),
				rs.getObject("driver_id", UUID.class), rs.getString("cancel_reason"),
				proof == null ? null : json.readValue(proof, PickupProof.class),
				rs.getObject("delivered_hub_id", UUID.class),
				failure == null ? null
						: new Failure(Failure.Reason.valueOf(failure.toUpperCase(java.util.Locale.ROOT)),
								rs.getString("failure_note")));
		return Order.restore(booking, progress, rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
	}
}
