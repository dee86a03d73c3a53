package com.returnit.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.ReturnItApplication;
import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import com.returnit.support.TestDirectories;
import com.returnit.support.WebhookReceiver;
import com.returnit.support.WebhookReceiver.Answer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The service runs as its own process, its webhook deliveries pending (the receiver hangs); the process is killed
 * with SIGKILL, no shutdown hook runs. Started again on the same data, it delivers every one of them.
 */
class KilledWithDeliveriesPendingTests {

	private static final int ORDERS = 5;

	@Test
	void afterAKillAndARestartEveryPendingDeliveryCompletes() throws Exception {
		Path dataDir = TestDirectories.create("kill");
		Path log = dataDir.resolve("first-process.log");
		try (WebhookReceiver receiver = new WebhookReceiver().answering(WebhookReceiver.HANG)) {
			int port = freePort();
			Process first = startProcess(dataDir, port, log);
			Fixtures.MerchantRef merchant;
			Fixtures.EndpointRef endpoint;
			try {
				Api api = new Api(port);
				awaitReady(api, first, log);
				Fixtures fixtures = new Fixtures(api);
				merchant = fixtures.merchant("Killed Shop");
				endpoint = fixtures.webhookEndpoint(merchant, receiver.url("/killed"), "*");
				var customer = fixtures.customer();
				for (int i = 0; i < ORDERS; i++) {
					fixtures.order(customer, merchant);
				}
				await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(api, merchant, endpoint).size() == ORDERS
						&& !receiver.received().isEmpty());
				assertThat(deliveries(api, merchant, endpoint))
					.allSatisfy(d -> assertThat(d.get("status").asString()).isEqualTo("pending"));
			}
			finally {
				first.destroyForcibly().waitFor();
			}

			receiver.answering(Answer.status(200));
			try (ConfigurableApplicationContext second = startInProcess(dataDir)) {
				Api api = new Api(((WebServerApplicationContext) second).getWebServer().getPort());
				await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(api, merchant, endpoint).stream()
					.allMatch(d -> d.get("status").asString().equals("succeeded")));
				List<JsonNode> delivered = deliveries(api, merchant, endpoint);
				Set<String> eventIds = delivered.stream().map(d -> d.get("eventId").asString()).collect(Collectors.toSet());
				assertThat(eventIds).hasSize(ORDERS);
				assertThat(receiver.received().stream().map(WebhookReceiver.Received::id).collect(Collectors.toSet()))
					.isEqualTo(eventIds);
			}
		}
	}

	private static Process startProcess(Path dataDir, int port, Path log) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
				ReturnItApplication.class.getName()));
		command.addAll(arguments(dataDir, port));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	private static ConfigurableApplicationContext startInProcess(Path dataDir) {
		return new SpringApplicationBuilder(ReturnItApplication.class).run(arguments(dataDir, 0).toArray(String[]::new));
	}

	private static List<String> arguments(Path dataDir, int port) {
		return List.of("--server.port=" + port, "--returnit.data-dir=" + dataDir,
				"--returnit.admin.email=" + EndToEndTest.ADMIN_EMAIL, "--returnit.admin.password=" + EndToEndTest.ADMIN_PASSWORD,
				"--returnit.admin.totp-secret=" + EndToEndTest.ADMIN_TOTP_SECRET,
				"--returnit.dispatch.enabled=false", "--returnit.webhooks.allowed-hosts=127.0.0.1",
				"--returnit.webhooks.poll-interval=100ms", "--returnit.webhooks.timeout=3s",
				"--returnit.webhooks.lease=4s", "--spring.main.banner-mode=off");
	}

	private static void awaitReady(Api api, Process process, Path log) {
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
			assertThat(process.isAlive()).as("the service process died; see " + log).isTrue();
			try {
				return api.get("/actuator/health/readiness", null).status() == 200;
			}
			catch (RuntimeException notYet) {
				return false;
			}
		});
	}

	private static List<JsonNode> deliveries(Api api, Fixtures.MerchantRef merchant, Fixtures.EndpointRef endpoint) {
		List<JsonNode> list = new ArrayList<>();
		api.get("/v1/webhook-endpoints/" + endpoint.id() + "/deliveries", merchant.apiKey()).body().get("data")
			.forEach(list::add);
		return list;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
