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
import java.util.List;
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

	/** Rows the database holds for the burst: all the merchant's orders, and how many of the accepted ids. */
	record Rows(long merchantOrders, long acceptedFound, long distinctQuotes) {
	}

	void printAndWrite() {
		List<String> lines = new ArrayList<>();
		long accepted = ledger.orderByKey.size();
		double seconds = Math.max(0.001, took.toMillis() / 1000.0);
		lines.add("submitted %d bookings in %.1f s: %d accepted (%.1f/s), %d retries, %d given up".formatted(
				ledger.submitted.get(), seconds, accepted, accepted / seconds, ledger.retries.get(),
				ledger.gaveUp.get()));
		ledger.answers.forEach((answer, count) -> lines.add("  answers " + answer + ": " + count));
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
					+ " accepted");
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

	private Rows rows() throws SQLException {
		try (Connection db = DriverManager.getConnection(target.jdbcUrl(), "postgres", "postgres")) {
			UUID merchant = UUID.fromString(merchantId);
			PreparedStatement all = db.prepareStatement(
					"SELECT count(*), count(DISTINCT quote_id) FROM orders WHERE merchant_id = ?");
			all.setObject(1, merchant);
			long merchantOrders;
			long distinctQuotes;
			try (ResultSet rs = all.executeQuery()) {
				rs.next();
				merchantOrders = rs.getLong(1);
				distinctQuotes = rs.getLong(2);
			}
			PreparedStatement found = db.prepareStatement(
					"SELECT count(*) FROM orders WHERE merchant_id = ? AND id = ANY (?)");
			found.setObject(1, merchant);
			found.setArray(2, db.createArrayOf("uuid", ledger.orderByKey.values().stream().map(UUID::fromString)
				.toArray()));
			try (ResultSet rs = found.executeQuery()) {
				rs.next();
				return new Rows(merchantOrders, rs.getLong(1), distinctQuotes);
			}
		}
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
