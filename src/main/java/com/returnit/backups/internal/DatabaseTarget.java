package com.returnit.backups.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The PostgreSQL database a backup is taken from or restored to: {@code spring.datasource.*}, or else the embedded
 * database of {@code returnit.data-dir}, found through the port in its postmaster.pid.
 */
record DatabaseTarget(String host, int port, String database, String user, String password) {

	static DatabaseTarget fromJdbcUrl(String jdbcUrl, String user, String password) {
		URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
		String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
		return new DatabaseTarget(uri.getHost() == null ? "localhost" : uri.getHost(),
				uri.getPort() < 0 ? 5432 : uri.getPort(), database, user, password);
	}

	/** The embedded database, which must be running (the service runs it, or {@link EmbeddedForCommand} does). */
	static DatabaseTarget embedded(Path dataDir) throws IOException {
		Path pid = dataDir.resolve("postgres").resolve("postmaster.pid");
		if (!Files.exists(pid)) {
			throw new IOException("no running embedded PostgreSQL under " + dataDir + " (no postmaster.pid)");
		}
		List<String> lines = Files.readAllLines(pid);
		return new DatabaseTarget("localhost", Integer.parseInt(lines.get(3).trim()), "postgres", "postgres", "postgres");
	}

	DatabaseTarget withDatabase(String name) {
		return new DatabaseTarget(host, port, name, user, password);
	}

	String jdbcUrl() {
		return "jdbc:postgresql://" + host + ":" + port + "/" + database;
	}

	Connection connect() throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", user);
		properties.setProperty("password", password);
		properties.setProperty("connectTimeout", "5");
		return DriverManager.getConnection(jdbcUrl(), properties);
	}

	/** Arguments and environment for pg_dump and pg_restore: no statement timeout, the password not on the command line. */
	List<String> connectionArguments() {
		return List.of("--host=" + host, "--port=" + port, "--username=" + user, "--dbname=" + database);
	}

	Map<String, String> environment() {
		return Map.of("PGPASSWORD", password, "PGOPTIONS", "-c statement_timeout=0", "PGCONNECT_TIMEOUT", "5");
	}
}
