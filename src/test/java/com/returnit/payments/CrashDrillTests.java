package com.returnit.payments;

import static com.returnit.payments.PaymentTesting.awaitPayment;
import static com.returnit.payments.PaymentTesting.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.ReturnItApplication;
import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import com.returnit.support.TestDirectories;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The crash drill, with a real kill: a child JVM runs the service with a fault that halts the process
 * ({@code Runtime.halt}) right after the sandbox provider has captured a payment and before the capture is committed.
 * The service restarted on the same data directory finds the capture stuck in flight, asks the provider about its
 * idempotency key and settles it: exactly one charge, one ledger entry, balanced books.
 */
class CrashDrillTests {

	private static final double LAT = 52.5290;
	private static final double LNG = 13.4010;

	@Test
	void aNodeKilledBetweenTheProvidersAnswerAndTheCommitLeavesExactlyOneChargeAfterRestart() throws Exception {
		Path dataDir = TestDirectories.create("crash");
		int port = freePort();
		Process node = startNode(dataDir, port);
		String orderId;
		String customerToken;
		try {
			Api api = new Api(port);
			await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
				.ignoreExceptions().until(() -> api.get("/actuator/health", null).status() == 200);
			Fixtures fixtures = new Fixtures(api);
			Fixtures.MerchantRef shop = fixtures.customerPaidMerchant("Crash Test Outfitters");
			Fixtures.Person customer = fixtures.customer();
			customerToken = customer.token();
			Fixtures.Person driver = fixtures.driver();
			fixtures.onShiftAt(driver, LAT + 0.001, LNG);
			Api.Response booked = api.post("/v1/orders", customer.token(), Fixtures.paidWith(
					Fixtures.requestSoon(shop.id(), List.of(Fixtures.item("SKU-JACKET", "outerwear", 12_900, true),
							Fixtures.item("SKU-SHIRT", "tops", 2_900, false))), "tok_visa"));
			assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
			orderId = booked.text("id");
			String offer = fixtures.awaitOffer(driver).get("id").asString();
			assertThat(api.post("/v1/offers/" + offer + "/accept", driver.token(), "").status()).isEqualTo(200);

			fixtures.pickUp(driver, orderId);

			assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("the node halts after the provider's answer").isTrue();
			assertThat(node.exitValue()).isEqualTo(99);
		}
		finally {
			node.destroyForcibly();
		}

		try (ConfigurableApplicationContext restarted = restart(dataDir)) {
			Api api = new Api(((WebServerApplicationContext) restarted).getWebServer().getPort());
			JdbcClient jdbc = restarted.getBean(JdbcClient.class);
			assertThat(jdbc.sql("SELECT status FROM payment_operations WHERE kind = 'capture'").query(String.class)
				.list()).as("the crash left the capture in flight").containsAnyOf("in_flight", "succeeded");

			var payment = awaitPayment(api, customerToken, orderId, status("captured"));

			assertThat(PaymentTesting.sandboxCaptures(jdbc, orderId)).as("charges at the provider").isEqualTo(1);
			assertThat(payment.get("capturedCents").asLong()).isEqualTo(payment.get("amountCents").asLong());
			assertThat(jdbc.sql("SELECT count(*) FROM journal_entries WHERE kind = 'capture' AND order_id = :o")
				.param("o", UUID.fromString(orderId)).query(Integer.class).single()).isEqualTo(1);
			assertThat(PaymentTesting.imbalance(jdbc)).isZero();
		}
	}

	private static Process startNode(Path dataDir, int port) throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		// C1 only: the node lives for one pickup, so a faster start beats peak speed
		List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), ReturnItApplication.class.getName()));
		command.addAll(arguments(dataDir, Map.of("server.port", String.valueOf(port),
				"returnit.payments.halt-after-provider-call", "capture")));
		Path log = Path.of("target", "crash-drill-node.log");
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	private static ConfigurableApplicationContext restart(Path dataDir) {
		return new SpringApplicationBuilder(ReturnItApplication.class).run(arguments(dataDir, Map.of("server.port", "0",
				"returnit.payments.reconciler.interval", "200ms", "returnit.payments.reconciler.stuck-after", "1s"))
			.toArray(String[]::new));
	}

	private static List<String> arguments(Path dataDir, Map<String, String> extra) {
		List<String> args = new ArrayList<>(List.of("--returnit.data-dir=" + dataDir,
				"--returnit.admin.email=" + EndToEndTest.ADMIN_EMAIL,
				"--returnit.admin.password=" + EndToEndTest.ADMIN_PASSWORD,
				"--returnit.admin.totp-secret=" + EndToEndTest.ADMIN_TOTP_SECRET,
				"--returnit.payments.retry.interval=200ms"));
		extra.forEach((key, value) -> args.add("--" + key + "=" + value));
		return args;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
