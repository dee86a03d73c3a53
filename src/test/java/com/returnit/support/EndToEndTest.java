package com.returnit.support;

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
	/** The bootstrap operator's TOTP secret (base32): operators must use a second factor; Fixtures computes codes. */
	public static final String ADMIN_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
	/** The one browser origin allowed to call the API cross-origin in tests. */
	public static final String ALLOWED_ORIGIN = "https://app.test.returnit.local";

	private static final Path DATA_DIR = TestDirectories.create("e2e");

	/** The road router every context of the suite asks (an OSRM on 127.0.0.1; see {@link RouterStub}). */
	public static final RouterStub ROUTER = RouterStub.start();

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
		registry.add("returnit.dispatch.offer-timeout", () -> "${returnit.test.offer-timeout:4s}");
		registry.add("returnit.dispatch.max-misses", () -> "3");
		registry.add("returnit.tracking.stale-after", () -> "3s");
		registry.add("returnit.shutdown.drain-delay", () -> "0s");
		// a failed event listener is retried within a test
		registry.add("returnit.events.retry-every", () -> "200ms");
		registry.add("returnit.events.retry-backoff", () -> "100ms");
		registry.add("returnit.events.max-backoff", () -> "1s");
		registry.add("returnit.events.keep-completed", () -> "1m");
		registry.add("returnit.events.purge-every", () -> "1s");
		// payments: a quick retry queue and circuit, so that outages and recoveries happen within a test
		registry.add("returnit.payments.retry.interval", () -> "100ms");
		registry.add("returnit.payments.retry.backoff", () -> "100ms");
		registry.add("returnit.payments.retry.max-backoff", () -> "500ms");
		registry.add("returnit.payments.call-timeout", () -> "${returnit.test.payments.call-timeout:500ms}");
		registry.add("resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state", () -> "500ms");
		// webhooks to local receivers over plain http, polled often, with short timeouts
		registry.add("returnit.webhooks.allowed-hosts", () -> "127.0.0.1");
		registry.add("returnit.webhooks.poll-interval", () -> "50ms");
		registry.add("returnit.webhooks.timeout", () -> "2s");
		registry.add("returnit.webhooks.lease", () -> "5s");
		registry.add("returnit.routing.provider", () -> "osrm");
		registry.add("returnit.routing.url", ROUTER::url);
		// Web Push to the local push service the tests start (PushService), with quick retries
		registry.add("returnit.push.allow-local-http", () -> "true");
		registry.add("returnit.push.poll-interval", () -> "50ms");
		registry.add("returnit.push.backoff", () -> "200ms");
		registry.add("returnit.push.timeout", () -> "2s");
		// the suite calls quickly from one address: limits far above it, unless a subclass sets returnit.test.rate-limits.*
		for (String tier : java.util.List.of("anonymous", "customer", "merchant", "operator", "driver", "driver-pings")) {
			registry.add("returnit.security.rate-limits." + tier, () -> "${returnit.test.rate-limits." + tier + ":1000000}");
		}
		registry.add("returnit.security.login-throttle.ip-free-failures",
				() -> "${returnit.test.login-throttle.ip-free-failures:1000000}");
		registry.add("returnit.security.login-throttle.account-free-failures",
				() -> "${returnit.test.login-throttle.account-free-failures:1000000}");
		registry.add("returnit.admin.totp-secret", () -> ADMIN_TOTP_SECRET);
		registry.add("returnit.security.cors.allowed-origins", () -> ALLOWED_ORIGIN);
		// a reused refresh token revokes its family at once, unless a context sets returnit.test.reuse-grace (the
		// browser journeys and the controlled world keep the service's 15 s, where pages reload mid-request)
		registry.add("returnit.security.tokens.reuse-grace", () -> "${returnit.test.reuse-grace:0s}");
	}

	@BeforeEach
	void connect() {
		api = new Api(port);
		fixtures = new Fixtures(api);
	}
}
