import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/** PostgreSQL's own counters (pg_stat_database), to say how many commits and row writes each booking cost. */
final class DbCounters {

	record Reading(long commits, long inserted, long updated, long deleted, long fetched) {
	}

	private DbCounters() {
	}

	static Reading read(String url) {
		try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
				var st = db.createStatement()) {
			st.execute("SELECT pg_stat_force_next_flush()");
			// Other backends flush their counters at least once a second; this waits for the last of them.
			Thread.sleep(1100);
			ResultSet r = st.executeQuery("SELECT pg_stat_clear_snapshot(), xact_commit, tup_inserted, tup_updated,"
					+ " tup_deleted, tup_fetched FROM pg_stat_database WHERE datname = current_database()");
			r.next();
			return new Reading(r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6));
		}
		catch (SQLException e) {
			return null;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	static String perBooking(Reading a, Reading b, long bookings) {
		if (a == null || b == null || bookings == 0) {
			return "database counters unavailable";
		}
		double n = bookings;
		return String.format(Locale.ROOT,
				"per booking: %.1f commits, %.1f rows inserted, %.1f updated, %.1f deleted, %.1f fetched",
				(b.commits() - a.commits()) / n, (b.inserted() - a.inserted()) / n, (b.updated() - a.updated()) / n,
				(b.deleted() - a.deleted()) / n, (b.fetched() - a.fetched()) / n);
	}
}
