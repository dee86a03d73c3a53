package com.returnit.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.WebhookReceiver;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Our signatures verify with the reference implementation, the npm {@code standardwebhooks} package run by Node
 * (webhook-tests/verify.mjs, installed by ./test.sh): interoperable, not just self-consistent. A tampered copy of
 * each delivery must fail there too, so the check cannot pass by accepting everything.
 */
class StandardWebhooksInteropTests extends EndToEndTest {

	private static final Path WEBHOOK_TESTS = Path.of("webhook-tests");

	private final WebhookReceiver receiver = new WebhookReceiver();

	@AfterEach
	void stopReceiver() {
		receiver.close();
	}

	@Test
	void theReferenceStandardWebhooksLibraryAcceptsOurDeliveriesAndRefusesTamperedOnes() throws Exception {
		assertThat(WEBHOOK_TESTS.resolve("node_modules/standardwebhooks")).as("npm ci --prefix webhook-tests, run by ./test.sh")
			.isDirectory();
		var merchant = fixtures.merchant("Interop Shop");
		var endpoint = fixtures.webhookEndpoint(merchant, receiver.url("/interop"), "*");
		var customer = fixtures.customer();
		String orderId = fixtures.order(customer, merchant);
		api.post("/v1/orders/" + orderId + "/cancel", customer.token(), Map.of("reason", "wrong size, ß and ü"));
		await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 2);
		String rotated = api.post("/v1/webhook-endpoints/" + endpoint.id() + "/rotate-secret", merchant.apiKey(), "")
			.text("secret");
		fixtures.order(customer, merchant);
		await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 3);

		List<Map<String, Object>> cases = new ArrayList<>();
		List<WebhookReceiver.Received> hooks = receiver.received();
		for (int i = 0; i < hooks.size(); i++) {
			WebhookReceiver.Received hook = hooks.get(i);
			cases.add(testCase(hook.type() + " #" + i, endpoint.secret(), hook, hook.body(), "valid"));
			cases.add(testCase(hook.type() + " #" + i + " tampered", endpoint.secret(), hook,
					hook.body().replace("order.", "order.x"), "invalid"));
		}
		WebhookReceiver.Received afterRotation = hooks.get(2);
		cases.add(testCase("after rotation, with the new secret", rotated, afterRotation, afterRotation.body(), "valid"));

		Path file = Files.createTempFile("webhooks-", ".json");
		Files.writeString(file, Api.JSON.writeValueAsString(cases));
		assertThat(node(file)).as("node webhook-tests/verify.mjs (output above)").isZero();
	}

	private static Map<String, Object> testCase(String name, String secret, WebhookReceiver.Received hook, String body,
			String expect) {
		return Map.of("name", name, "secret", secret, "body", body, "expect", expect, "headers",
				Map.of("webhook-id", hook.id(), "webhook-timestamp", hook.timestamp(), "webhook-signature",
						hook.signature()));
	}

	private static int node(Path cases) throws Exception {
		Process node = new ProcessBuilder("node", "verify.mjs", cases.toAbsolutePath().toString())
			.directory(new File(WEBHOOK_TESTS.toString())).redirectErrorStream(true).start();
		String output = new String(node.getInputStream().readAllBytes());
		System.out.println(output);
		assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
		return node.exitValue();
	}
}
