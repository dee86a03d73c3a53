package com.returnit.load;

import java.nio.file.Path;

/**
 * Where and how hard to load, from system properties ({@code -Dbase=...}) with environment fallbacks: what bin/load
 * and bin/capacity pass to {@code ./mvnw -f load/pom.xml gatling:test}.
 */
record Target(String base, String adminEmail, String adminPassword, String profile, double rate, int seconds,
		int bookings, int concurrency, int customers, String jdbcUrl, Path out, String seedFile) {

	static Target fromSystem() {
		return new Target(get("base", "RETURNIT_TARGET_URL", "http://127.0.0.1:8080"),
				get("adminEmail", "RETURNIT_ADMIN_EMAIL", "load-admin@load.returnit.local"),
				get("adminPassword", "RETURNIT_ADMIN_PASSWORD", "load-admin-password-1"),
				get("profile", "LOAD_PROFILE", "smoke"), Double.parseDouble(get("rate", "LOAD_RATE", "0")),
				Integer.parseInt(get("seconds", "LOAD_SECONDS", "0")),
				Integer.parseInt(get("bookings", "BURST_BOOKINGS", "100000")),
				Integer.parseInt(get("concurrency", "BURST_CONCURRENCY", "64")),
				Integer.parseInt(get("customers", "BURST_CUSTOMERS", "0")), get("jdbc", "LOAD_JDBC_URL", ""),
				Path.of(get("out", "LOAD_OUT", "target/load")), get("seed", "LOAD_SEED_FILE", null));
	}

	private static String get(String property, String env, String fallback) {
		String value = System.getProperty(property);
		if (value == null || value.isBlank()) {
			value = System.getenv(env);
		}
		return value == null || value.isBlank() ? fallback : value;
	}
}
