package com.returnit.orders.internal;

import com.returnit.orders.internal.domain.LateFee;
import com.returnit.orders.internal.domain.Money;
import com.returnit.orders.internal.domain.PriceBreakdown;
import com.returnit.orders.internal.domain.Quote;
import com.returnit.orders.internal.domain.ReturnRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class QuoteRepository {

	private final JdbcClient jdbc;
	private final JsonMapper json;

	QuoteRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(Quote quote) {
		jdbc.sql("""
				INSERT INTO quotes (id, owner, merchant_id, request, eligible, amount_cents, currency, late_fee_cents,
				  late_fee_from, policy_version, expires_at, created_at, price_breakdown)
				VALUES (:id, :owner, :merchant, CAST(:request AS jsonb), :eligible, :amount, :currency, :lateFee,
				  :lateFrom, :policyVersion, :expires, :created, CAST(:breakdown AS jsonb))""")
			.param("id", quote.id()).param("owner", quote.owner()).param("merchant", quote.request().merchantId())
			.param("request", json.writeValueAsString(quote.request())).param("eligible", quote.eligible())
			.param("amount", quote.price().amountCents()).param("currency", quote.price().currency())
			.param("lateFee", quote.lateFee() == null ? null : quote.lateFee().feeCents(), java.sql.Types.BIGINT)
			.param("lateFrom", quote.lateFee() == null ? null : Timestamp.from(quote.lateFee().appliesFrom()),
					java.sql.Types.TIMESTAMP)
			.param("policyVersion", quote.policyVersion()).param("expires", Timestamp.from(quote.expiresAt()))
			.param("created", Timestamp.from(quote.createdAt()))
			.param("breakdown", quote.breakdown() == null ? null : json.writeValueAsString(quote.breakdown()),
					java.sql.Types.VARCHAR)
			.update();
	}

	/** The quote if it belongs to this owner; another caller's quote does not exist for them. */
	Optional<Quote> find(UUID id, String owner) {
		return jdbc.sql("SELECT * FROM quotes WHERE id = :id AND owner = :owner")
			.param("id", id).param("owner", owner)
			.query((rs, n) -> new Quote(id, owner, json.readValue(rs.getString("request"), ReturnRequest.class),
					rs.getBoolean("eligible"), new Money(rs.getLong("amount_cents"), rs.getString("currency")),
					rs.getString("price_breakdown") == null ? null
							: json.readValue(rs.getString("price_breakdown"), PriceBreakdown.class),
					rs.getTimestamp("late_fee_from") == null ? null
							: new LateFee(rs.getLong("late_fee_cents"), rs.getTimestamp("late_fee_from").toInstant()),
					rs.getInt("policy_version"), rs.getTimestamp("expires_at").toInstant(),
					rs.getTimestamp("used_at") == null ? null : rs.getTimestamp("used_at").toInstant(),
					rs.getTimestamp("created_at").toInstant()))
			.optional();
	}

	/** Marks the quote booked; false when another booking used it first. */
	boolean markUsed(UUID id, Instant now) {
		return jdbc.sql("UPDATE quotes SET used_at = :now WHERE id = :id AND used_at IS NULL")
			.param("id", id).param("now", Timestamp.from(now)).update() == 1;
	}
}
