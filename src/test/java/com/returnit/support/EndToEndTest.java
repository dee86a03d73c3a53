package com.returnit.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on a random port over a fresh embedded PostgreSQL, shared by every end-to-end test class
 * (one Spring context, one database).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class EndToEndTest {

	public static final String ADMIN_EMAIL = "admin@test.returnit.local";
	public static final String ADMIN_PASSWORD = "admin-password-123";
	/** The one browser origin allowed to call the API cross-origin in tests. */
	public static final String ALLOWED_ORIGIN = "https://app.test.returnit.local";

	private static final Path DATA_DIR = tempDir();

	@LocalServerPort
	int port;

	protected Api api;
	protected Fixtures fixtures;

	/**
	 * A subclass with a property set of its own starts a second context; it names its own database with
	 * {@code returnit.test.database}, so that it never starts a second PostgreSQL on the shared data directory.
	 */
	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("returnit.data-dir", () -> DATA_DIR + "/${returnit.test.database:shared}");
		registry.add("returnit.admin.email", () -> ADMIN_EMAIL);
		registry.add("returnit.admin.password", () -> ADMIN_PASSWORD);
		// short clocks so that expiry, misses and staleness happen within a test
		registry.add("returnit.dispatch.offer-timeout", () -> "4s");
		registry.add("returnit.dispatch.max-misses", () -> "3");
		registry.add("returnit.tracking.stale-after", () -> "3s");
		// the suite calls quickly from one address and few accounts: limits far above it (RateLimitTests sets low ones)
		registry.add("returnit.security.cors.allowed-origins", () -> ALLOWED_ORIGIN);
	}

	@BeforeEach
	void connect() {
		api = new Api(port);
		fixtures = new Fixtures(api);
	}

	private static Path tempDir() {
		try {
			return Files.createTempDirectory("returnit-e2e-");
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
