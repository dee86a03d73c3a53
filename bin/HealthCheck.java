import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The checks of bin/health-check that need Java: database reachable, migrations applied, Redis reachable, disk,
 * readiness. Run by bin/health-check with the PostgreSQL driver from the jar on the class path.
 *
 * Arguments: migrations (comma-separated versions in the jar), data dir, backup dir, readiness URL or "-".
 */
public final class HealthCheck {

	private static int failures;

	public static void main(String[] args) throws Exception {
		TreeSet<String> inJar = new TreeSet<>(List.of(args[0].split(",")));
		Path dataDir = Path.of(args[1]);
		Path backupDir = Path.of(args[2]);
		database(inJar, dataDir);
		redis();
		disk(dataDir, "data directory");
		disk(backupDir, "backup directory");
		if (!args[3].equals("-")) {
			readiness(args[3]);
		}
		System.exit(failures == 0 ? 0 : 1);
	}

	private static void database(TreeSet<String> inJar, Path dataDir) {
		String url = System.getenv("SPRING_DATASOURCE_URL");
		String user = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres");
		String password = System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "postgres");
		if (url == null || url.isBlank()) {
			Path pid = dataDir.resolve("postgres").resolve("postmaster.pid");
			try {
				url = "jdbc:postgresql://localhost:" + Files.readAllLines(pid).get(3).trim() + "/postgres";
			}
			catch (Exception e) {
				check(false, "database", "embedded PostgreSQL not running (no " + pid + "); is the service up?");
				return;
			}
		}
		Properties properties = new Properties();
		properties.setProperty("user", user);
		properties.setProperty("password", password);
		properties.setProperty("connectTimeout", "5");
		try (Connection connection = DriverManager.getConnection(url, properties)) {
			check(true, "database", url + " answers (" + single(connection, "SHOW server_version") + ")");
			migrations(connection, inJar);
		}
		catch (SQLException e) {
			check(false, "database", url + ": " + e.getMessage());
		}
	}

	private static void migrations(Connection connection, TreeSet<String> inJar) throws SQLException {
		TreeSet<String> applied = new TreeSet<>();
		List<String> failed = new ArrayList<>();
		try (ResultSet rows = connection.createStatement()
			.executeQuery("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
			while (rows.next()) {
				(rows.getBoolean(2) ? applied : new TreeSet<String>()).add(rows.getString(1));
				if (!rows.getBoolean(2)) {
					failed.add(rows.getString(1));
				}
			}
		}
		TreeSet<String> missing = new TreeSet<>(inJar);
		missing.removeAll(applied);
		TreeSet<String> unknown = new TreeSet<>(applied);
		unknown.removeAll(inJar);
		check(missing.isEmpty() && failed.isEmpty(), "migrations", "jar has " + inJar + ", database applied "
				+ applied + (missing.isEmpty() ? "" : "; MISSING " + missing) + (failed.isEmpty() ? "" : "; FAILED "
						+ failed) + (unknown.isEmpty() ? "" : "; newer than this jar: " + unknown));
	}

	private static void redis() {
		String host = System.getenv("SPRING_DATA_REDIS_HOST");
		String url = System.getenv("SPRING_DATA_REDIS_URL");
		if ((host == null || host.isBlank()) && (url == null || url.isBlank())) {
			System.out.println("  skip  redis         not configured (SPRING_DATA_REDIS_HOST/URL unset): local fallback");
			return;
		}
		URI uri = url != null && !url.isBlank() ? URI.create(url) : null;
		String h = uri != null ? uri.getHost() : host;
		int port = uri != null && uri.getPort() > 0 ? uri.getPort()
				: Integer.parseInt(System.getenv().getOrDefault("SPRING_DATA_REDIS_PORT", "6379"));
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(h, port), 3000);
			socket.setSoTimeout(3000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			String answer = new String(in.readNBytes(7), StandardCharsets.US_ASCII).trim();
			check(answer.startsWith("+PONG") || answer.startsWith("-NOAUTH"), "redis", h + ":" + port + " " + answer);
		}
		catch (Exception e) {
			check(false, "redis", h + ":" + port + ": " + e.getMessage());
		}
	}

	private static void disk(Path dir, String what) throws Exception {
		Path existing = dir.toAbsolutePath();
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		var store = Files.getFileStore(existing);
		double usedPercent = 100.0 * (store.getTotalSpace() - store.getUsableSpace()) / store.getTotalSpace();
		check(usedPercent < 90, "disk", String.format("%s %s: %.0f%% used, %d GiB free (aim < 90%% used)", what, dir,
				usedPercent, store.getUsableSpace() >> 30));
	}

	private static void readiness(String url) {
		try {
			HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()
				.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
						HttpResponse.BodyHandlers.ofString());
			check(response.statusCode() == 200, "readiness", url + " answers " + response.statusCode() + " "
					+ response.body());
		}
		catch (Exception e) {
			check(false, "readiness", url + ": " + e);
		}
	}

	private static String single(Connection connection, String sql) throws SQLException {
		try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
			rows.next();
			return rows.getString(1);
		}
	}

	private static void check(boolean ok, String name, String detail) {
		failures += ok ? 0 : 1;
		System.out.printf("  %-5s %-13s %s%n", ok ? "ok" : "FAIL", name, detail);
	}
}
