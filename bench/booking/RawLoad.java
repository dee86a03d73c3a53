import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reference: the writes one HTTP booking makes, as raw JDBC on the service's own PostgreSQL. The row shapes
 * (items jsonb, stored response, serialized event) are copied from what the HTTP phase wrote, with fresh ids.
 */
final class RawLoad {

	static final String CLAIM = """
			INSERT INTO idempotency_keys (scope, key, request_hash, status, created_at)
			VALUES (?, ?, ?, 'in_flight', ?) ON CONFLICT (scope, key) DO NOTHING""";
	static final String ORDER = """
			INSERT INTO orders (id, merchant_id, customer_id, driver_id, status, pickup_address, pickup_lat, pickup_lng,
			  window_start, window_end, items, amount_cents, currency, policy_version, quote_id, cancel_reason,
			  created_at, updated_at, version)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, ?, 0)""";
	static final String EVENT = """
			INSERT INTO event_publication (id, event_type, listener_id, publication_date, serialized_event, status,
			  completion_attempts, last_resubmission_date)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";
	static final String COMPLETE = """
			UPDATE idempotency_keys
			SET status = 'completed', response_status = ?, response_content_type = ?, response_body = ?, completed_at = ?
			WHERE scope = ? AND key = ?""";

	/** One booking as the HTTP phase stored it. */
	record Template(String orderId, String merchantId, String status, String address, double lat, double lng,
			Timestamp windowStart, Timestamp windowEnd, String items, long amountCents, String currency,
			int policyVersion, String eventType, String listenerId, String serializedEvent, String eventStatus,
			Integer attempts, int responseStatus, String contentType, String responseBody) {
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String url;
	private final Template template;
	private final java.util.List<String> customers;
	private final CpuMeter cpu;
	private final AtomicLong sequence = new AtomicLong();

	RawLoad(String url, Template template, java.util.List<String> customerIds, CpuMeter cpu) {
		this.url = url;
		this.template = template;
		this.customers = customerIds;
		this.cpu = cpu;
	}

	/** Bookings attempted so far. */
	long sent() {
		return sequence.get();
	}

	/** Copies the newest HTTP booking: its stored response, its order row and its event publication. */
	static Template sample(String url) throws SQLException {
		try (Connection db = connect(url); var st = db.createStatement()) {
			ResultSet k = st.executeQuery("""
					SELECT response_status, response_content_type, response_body FROM idempotency_keys
					WHERE status = 'completed' AND response_status = 201 ORDER BY completed_at DESC LIMIT 1""");
			k.next();
			int responseStatus = k.getInt(1);
			String contentType = k.getString(2);
			String body = new String(k.getBytes(3), StandardCharsets.UTF_8);
			String orderId = body.replaceFirst("(?s)^\\{\\s*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
			ResultSet e = st.executeQuery("SELECT event_type, listener_id, serialized_event, status"
					+ " FROM event_publication WHERE serialized_event LIKE '%" + UUID.fromString(orderId) + "%'");
			// none since every listener of a booking runs in its transaction (ADR 53): then the reference has none either
			boolean published = e.next();
			String eventType = published ? e.getString(1) : null;
			String listenerId = published ? e.getString(2) : null;
			String serialized = published ? e.getString(3) : null;
			// Schema v2: the registry inserts PUBLISHED, one attempt, last resubmission = publication date; v1: no status.
			boolean v2 = published && e.getString(4) != null;
			ResultSet o = st.executeQuery("""
					SELECT merchant_id, status, pickup_address, pickup_lat, pickup_lng, window_start, window_end,
					  items::text, amount_cents, currency, policy_version FROM orders WHERE id = '%s'"""
				.formatted(UUID.fromString(orderId)));
			o.next();
			return new Template(orderId, o.getString(1), o.getString(2), o.getString(3), o.getDouble(4),
					o.getDouble(5), o.getTimestamp(6), o.getTimestamp(7), o.getString(8), o.getLong(9),
					o.getString(10), o.getInt(11), eventType, listenerId, serialized, v2 ? "PUBLISHED" : null,
					v2 ? 1 : null, responseStatus, contentType, body);
		}
	}

	/** The server settings that decide what a commit costs, so the numbers can be read right. */
	static String settings(String url) throws SQLException {
		try (Connection db = connect(url); var st = db.createStatement()) {
			ResultSet r = st.executeQuery("""
					SELECT string_agg(name || '=' || setting || coalesce(unit, ''), ', ' ORDER BY name) FROM pg_settings
					WHERE name IN ('fsync', 'synchronous_commit', 'shared_buffers', 'server_version')""");
			r.next();
			return r.getString(1);
		}
	}

	Latencies.Summary run(int clients, double warmupSeconds, double seconds) throws Exception {
		Latencies warmup = new Latencies();
		Latencies measured = new Latencies();
		long measureFrom = System.nanoTime() + HttpLoad.nanos(warmupSeconds);
		long end = measureFrom + HttpLoad.nanos(seconds);
		CpuMeter.Window window = cpu.window(measureFrom, end);
		Progress progress = Progress.every(5, "raw", measured::errorCount, sequence::get);
		try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int c = 0; c < clients; c++) {
				String customer = customers.get(c % customers.size());
				threads.submit(() -> {
					try (Connection db = connect(url); Statements s = new Statements(db)) {
						db.setAutoCommit(false);
						Latencies.Buffer w = warmup.buffer();
						Latencies.Buffer m = measured.buffer();
						long now;
						while ((now = System.nanoTime()) < end) {
							Latencies.Buffer into = now < measureFrom ? w : m;
							try {
								book(db, s, customer);
								into.success(System.nanoTime() - now);
							}
							catch (SQLException e) {
								db.rollback();
								m.failure("SQL " + e.getSQLState(), e.getMessage());
							}
						}
						w.close();
						m.close();
						// A backend that exits before the closing reading would take its CPU time with it.
						window.awaitLast();
					}
					return null;
				});
			}
		}
		progress.stop();
		return measured.summarize("raw JDBC, 1 transaction", seconds, window);
	}

	/** One booking: claim the key, insert the order (and its event publication, if the HTTP booking had one), complete the key; one commit. */
	private void book(Connection db, Statements s, String customerId) throws Exception {
		sequence.incrementAndGet();
		Template t = template;
		UUID orderId = uuidV7();
		String key = "bench-" + UUID.randomUUID();
		String scope = "customer:" + customerId;
		Timestamp now = Timestamp.from(Instant.now());
		s.claim.setString(1, scope);
		s.claim.setString(2, key);
		s.claim.setBytes(3, MessageDigest.getInstance("SHA-256").digest((key + t.items()).getBytes(StandardCharsets.UTF_8)));
		s.claim.setTimestamp(4, now);
		s.claim.executeUpdate();
		PreparedStatement o = s.order;
		o.setObject(1, orderId);
		o.setObject(2, UUID.fromString(t.merchantId()));
		o.setObject(3, UUID.fromString(customerId));
		o.setObject(4, null);
		o.setString(5, t.status());
		o.setString(6, t.address());
		o.setDouble(7, t.lat());
		o.setDouble(8, t.lng());
		o.setTimestamp(9, t.windowStart());
		o.setTimestamp(10, t.windowEnd());
		o.setString(11, t.items());
		o.setLong(12, t.amountCents());
		o.setString(13, t.currency());
		o.setInt(14, t.policyVersion());
		o.setObject(15, null);
		o.setString(16, null);
		o.setTimestamp(17, now);
		o.setTimestamp(18, now);
		o.executeUpdate();
		if (t.serializedEvent() != null) {
			insertPublication(s.event, t, orderId, now);
		}
		PreparedStatement k = s.complete;
		k.setInt(1, t.responseStatus());
		k.setString(2, t.contentType());
		k.setBytes(3, t.responseBody().replace(t.orderId(), orderId.toString()).getBytes(StandardCharsets.UTF_8));
		k.setTimestamp(4, now);
		k.setString(5, scope);
		k.setString(6, key);
		k.executeUpdate();
		db.commit();
	}

	/** The booking's event publication, as the registry stored it (only while a booking still had one). */
	private static void insertPublication(PreparedStatement e, Template t, UUID orderId, Timestamp now)
			throws SQLException {
		e.setObject(1, UUID.randomUUID());
		e.setString(2, t.eventType());
		e.setString(3, t.listenerId());
		e.setTimestamp(4, now);
		e.setString(5, t.serializedEvent().replace(t.orderId(), orderId.toString()));
		e.setString(6, t.eventStatus());
		e.setObject(7, t.attempts());
		e.setTimestamp(8, t.eventStatus() == null ? null : now);
		e.executeUpdate();
	}

	private static Connection connect(String url) throws SQLException {
		return DriverManager.getConnection(url, "postgres", "postgres");
	}

	/** UUIDv7 as the service makes them, so the raw inserts hit the indexes in the same time order. */
	private static UUID uuidV7() {
		long msb = (System.currentTimeMillis() << 16) | (0x7L << 12) | RANDOM.nextInt(1 << 12);
		long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(msb, lsb);
	}

	/** The four statements, prepared once per connection. */
	private static final class Statements implements AutoCloseable {

		final PreparedStatement claim;
		final PreparedStatement order;
		final PreparedStatement event;
		final PreparedStatement complete;

		Statements(Connection db) throws SQLException {
			claim = db.prepareStatement(CLAIM);
			order = db.prepareStatement(ORDER);
			event = db.prepareStatement(EVENT);
			complete = db.prepareStatement(COMPLETE);
		}

		@Override
		public void close() throws SQLException {
			claim.close();
			order.close();
			event.close();
			complete.close();
		}
	}
}
