package com.returnit.payments.internal;

import com.returnit.payments.internal.domain.Payment;
import com.returnit.payments.internal.domain.PaymentStatus;
import com.returnit.platform.Conflict;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PaymentRepository {

	private static final String COLUMNS = """
			id, order_id, merchant_id, customer_id, provider, payment_method, amount_cents, currency, status,
			provider_ref, captured_cents, refunded_cents, failure, created_at, updated_at, version""";

	private final JdbcClient jdbc;

	PaymentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Payment payment) {
		Payment.Terms t = payment.terms();
		jdbc.sql("INSERT INTO payments (" + COLUMNS + """
				) VALUES (:id, :order, :merchant, :customer, :provider, :method, :amount, :currency, :status, NULL, 0, 0,
				  NULL, :at, :at, 0)""")
			.param("id", t.id()).param("order", t.orderId()).param("merchant", t.merchantId())
			.param("customer", t.customerId()).param("provider", t.provider()).param("method", t.paymentMethod())
			.param("amount", t.amountCents()).param("currency", t.currency()).param("status", payment.status().code())
			.param("at", Timestamp.from(payment.createdAt()))
			.update();
	}

	/** Saves a change; the version guards against a concurrent writer that did not hold the row lock. */
	void update(Payment payment) {
		int updated = jdbc.sql("""
				UPDATE payments SET status = :status, provider_ref = :ref, captured_cents = :captured,
				  refunded_cents = :refunded, failure = :failure, updated_at = :at, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("status", payment.status().code()).param("ref", payment.providerRef())
			.param("captured", payment.capturedCents()).param("refunded", payment.refundedCents())
			.param("failure", payment.failure()).param("at", Timestamp.from(payment.updatedAt()))
			.param("id", payment.id()).param("version", payment.version())
			.update();
		if (updated != 1) {
			throw new Conflict("The payment was changed concurrently; try again.");
		}
	}

	Optional<Payment> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE id = :id").param("id", id)
			.query(PaymentRepository::map).optional();
	}

	/** The payment, its row locked until the transaction ends: one writer at a time per payment. */
	Optional<Payment> lock(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE id = :id FOR UPDATE").param("id", id)
			.query(PaymentRepository::map).optional();
	}

	Optional<Payment> findByOrder(UUID orderId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE order_id = :order").param("order", orderId)
			.query(PaymentRepository::map).optional();
	}

	/** Payments still holding or awaiting an authorization, created in {@code [from, to)}: orphan candidates. */
	List<Payment> openCreatedBetween(Instant from, Instant to) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM payments " + """
				WHERE status IN ('authorized', 'payment_pending') AND created_at >= :from AND created_at < :to
				ORDER BY created_at LIMIT 500""")
			.param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
			.query(PaymentRepository::map).list();
	}

	private static Payment map(ResultSet rs, int row) throws SQLException {
		Payment.Terms terms = new Payment.Terms(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
				rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6),
				rs.getLong(7), rs.getString(8));
		return Payment.restore(terms, PaymentStatus.fromCode(rs.getString(9)), rs.getString(10), rs.getLong(11),
				rs.getLong(12), rs.getString(13), rs.getTimestamp(14).toInstant(), rs.getTimestamp(15).toInstant(),
				rs.getInt(16));
	}
}
