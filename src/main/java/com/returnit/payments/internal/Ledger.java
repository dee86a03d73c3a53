package com.returnit.payments.internal;

import com.returnit.payments.internal.domain.Account;
import com.returnit.payments.internal.domain.JournalEntry;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The journal in PostgreSQL: entries are only ever inserted (a trigger refuses UPDATE and DELETE) and a deferred
 * constraint trigger re-checks at commit that every entry balances per currency. Balances are sums of lines.
 */
@Repository
class Ledger {

	/** One line as a statement or an earnings report shows it. */
	record Movement(UUID entryId, String kind, @Nullable UUID orderId, Instant occurredAt, long amountCents,
			String currency) {
	}

	/** An account's balance in one currency. */
	record Balance(String account, String currency, long amountCents) {
	}

	private final JdbcClient jdbc;

	Ledger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Posts the entry unless its (kind, reference) is already posted; answers whether it was new. */
	boolean post(JournalEntry entry) {
		boolean inserted = jdbc.sql("""
				INSERT INTO journal_entries (id, kind, reference, order_id, occurred_at)
				VALUES (:id, :kind, :ref, :order, :at) ON CONFLICT (kind, reference) DO NOTHING""")
			.param("id", entry.id()).param("kind", entry.kind()).param("ref", entry.reference())
			.param("order", entry.orderId()).param("at", Timestamp.from(entry.occurredAt()))
			.update() == 1;
		if (!inserted) {
			return false;
		}
		int line = 0;
		for (JournalEntry.Line l : entry.lines()) {
			jdbc.sql("""
					INSERT INTO journal_lines (entry_id, line, account, amount_cents, currency)
					VALUES (:entry, :line, :account, :amount, :currency)""")
				.param("entry", entry.id()).param("line", line++).param("account", l.account().name())
				.param("amount", l.amountCents()).param("currency", l.currency())
				.update();
		}
		return true;
	}

	/** The sum over every line, per currency, added up in absolute value: zero unless the books are broken. */
	long imbalance() {
		return jdbc.sql("""
				SELECT coalesce(sum(abs(total)), 0) FROM
				  (SELECT sum(amount_cents) AS total FROM journal_lines GROUP BY currency) per_currency""")
			.query(Long.class).single();
	}

	List<Balance> balances(String accountPrefix) {
		return jdbc.sql("""
				SELECT account, currency, sum(amount_cents) FROM journal_lines
				WHERE account LIKE :prefix GROUP BY account, currency HAVING sum(amount_cents) <> 0 ORDER BY account""")
			.param("prefix", accountPrefix + "%")
			.query((rs, n) -> new Balance(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
	}

	long balance(Account account, String currency) {
		return jdbc.sql("SELECT coalesce(sum(amount_cents), 0) FROM journal_lines WHERE account = :a AND currency = :c")
			.param("a", account.name()).param("c", currency).query(Long.class).single();
	}

	/** The account's lines from entries that occurred in {@code [from, to)}, oldest first. */
	List<Movement> movements(Account account, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT e.id, e.kind, e.order_id, e.occurred_at, l.amount_cents, l.currency
				FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
				WHERE l.account = :a AND e.occurred_at >= :from AND e.occurred_at < :to
				ORDER BY e.occurred_at, e.id""")
			.param("a", account.name()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
			.query((rs, n) -> new Movement(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
					rs.getTimestamp(4).toInstant(), rs.getLong(5), rs.getString(6)))
			.list();
	}
}
