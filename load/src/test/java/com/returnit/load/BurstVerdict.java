package com.returnit.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The burst's verdict: the database holds exactly the bookings the client saw accepted (each Idempotency-Key one
 * order, however often retried), no others for the burst's merchant, and every refusal was a 429/503 problem+json.
 * Printed, and written to {@code <out>/verdict.txt} whose first line is {@code VERDICT PASS} or {@code VERDICT FAIL}.
 */
final class BurstVerdict {

	private final Ledger ledger;

	private final Target target;

	private final String merchantId;

	private final Duration took;

	BurstVerdict(Ledger ledger, Target target, String merchantId, Duration took) {
		this.ledger = ledger;
		this.target = target;
		this.merchantId = merchantId;
		this.took = took;
	}

	/**
	 * What the database holds for the burst: all the merchant's orders, how many of them are accepted ids, how many
	 * distinct quotes they were booked from, and a few orders the client never saw accepted (to look them up).
	 */
	record Rows(long merchantOrders, long acceptedFound, long distinctQuotes, List<UUID> strays) {
	}

	void printAndWrite() {
		List<String> lines = new ArrayList<>();
		long accepted = ledger.accepted();
		double seconds = Math.max(0.001, took.toMillis() / 1000.0);
		lines.add("submitted %d bookings in %.1f s: %d accepted (%.1f/s), %d retries, %d given up".formatted(
				ledger.submitted.get(), seconds, accepted, accepted / seconds, ledger.retries.get(),
				ledger.gaveUp.get()));
		ledger.answers.forEach((answer, count) -> lines.add("  answers " + answer + ": " + count));
		long[] p = ledger.bookingPercentiles(50, 95, 99, 100);
		lines.add("  accepted booking, first request to order (retries included): p50 %d ms, p95 %d ms, p99 %d ms, "
			.formatted(p[0], p[1], p[2]) + "max %d ms".formatted(p[3]));
		boolean pass;
		try {
			Rows rows = rows();
			lines.add("database: %d orders for the burst's merchant, %d of the %d accepted ids found, %d distinct quotes"
				.formatted(rows.merchantOrders(), rows.acceptedFound(), accepted, rows.distinctQuotes()));
			List<String> failures = failures(rows, accepted);
			failures.forEach(f -> lines.add("  FAILED: " + f));
			pass = failures.isEmpty();
		}
		catch (SQLException e) {
			lines.add("  FAILED: cannot read the database at '" + target.jdbcUrl() + "': " + e.getMessage());
			pass = false;
		}
		if (accepted > 0) {
			lines.add("projected time for 100,000 bookings at this rate: %.0f s".formatted(100_000 / (accepted
					/ seconds)));
		}
		lines.addFirst("VERDICT " + (pass ? "PASS" : "FAIL"));
		lines.forEach(System.out::println);
		write(lines);
	}

	List<String> failures(Rows rows, long accepted) {
		List<String> failures = new ArrayList<>();
		if (rows.merchantOrders() != accepted) {
			failures.add("the database holds " + rows.merchantOrders() + " orders, the client saw " + accepted
					+ " accepted" + (rows.strays().isEmpty() ? "" : "; orders it never saw: " + rows.strays()));
		}
		if (rows.acceptedFound() != accepted) {
			failures.add((accepted - rows.acceptedFound()) + " accepted bookings are missing from the database");
		}
		if (rows.distinctQuotes() != rows.merchantOrders()) {
			failures.add("some quotes were booked twice");
		}
		if (ledger.conflictingReplays.get() > 0) {
			failures.add(ledger.conflictingReplays.get() + " keys were answered with two different orders");
		}
		if (ledger.unclearRefusals.get() > 0) {
			failures.add(ledger.unclearRefusals.get() + " refusals were not a 429/503 problem+json");
		}
		return failures;
	}

	/**
	 * One pass over the merchant's orders (streamed, 10,000 rows a fetch), compared in memory with the ledger's
	 * accepted ids: one query however many bookings, no id list sent to the database.
	 */
	private Rows rows() throws SQLException {
		Set<UUID> acceptedIds = new HashSet<>(ledger.orderByKey.values());
		Set<UUID> quotes = new HashSet<>();
		List<UUID> strays = new ArrayList<>();
		long merchantOrders = 0;
		long found = 0;
		try (Connection db = DriverManager.getConnection(target.jdbcUrl(), "postgres", "postgres")) {
			db.setAutoCommit(false);
			try (PreparedStatement orders = db.prepareStatement(
					"SELECT id, quote_id FROM orders WHERE merchant_id = ?")) {
				orders.setFetchSize(10_000);
				orders.setObject(1, UUID.fromString(merchantId));
				try (ResultSet rs = orders.executeQuery()) {
					while (rs.next()) {
						merchantOrders++;
						UUID id = rs.getObject(1, UUID.class);
						quotes.add(rs.getObject(2, UUID.class));
						if (acceptedIds.contains(id)) {
							found++;
						}
						else if (strays.size() < 5) {
							strays.add(id);
						}
					}
				}
			}
			db.rollback();
		}
		return new Rows(merchantOrders, found, quotes.size(), strays);
	}

	private void write(List<String> lines) {
		try {
			Files.createDirectories(target.out());
			Files.write(target.out().resolve("verdict.txt"), lines);
		}
		catch (IOException e) {
			System.out.println("could not write the verdict: " + e.getMessage());
		}
	}
}
