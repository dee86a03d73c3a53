package com.returnit.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Hostile requests against every operation of the service's own OpenAPI document (a new endpoint is fuzzed without
 * anyone listing it), as every role and as forged ones, from a fixed seed: wrong types, missing and null fields, huge
 * strings and arrays, deep nesting, NUL and lone surrogates, invalid UTF-8, numbers and times out of any range,
 * duplicate keys, odd media types, query strings, path ids and headers. No answer may be a 5xx, every 4xx is
 * problem+json, and afterwards the service is still ready and still books. Its own service (the fuzz runs as an
 * operator too, and leaves objects behind). {@code -Dfuzz.seed} and {@code -Dfuzz.requests} make a longer soak
 * (bench/fuzz/run.sh); every failure is printed with its seed and index, which replay it exactly.
 */
@TestPropertySource(properties = "returnit.test.database=fuzz")
class HostileInputTests extends EndToEndTest {

	static final long SEED = Long.getLong("fuzz.seed", 20_261_207L);
	static final int REQUESTS = Integer.getInteger("fuzz.requests", 20_000);
	static final int THREADS = Integer.getInteger("fuzz.threads", 4);

	@Test
	void hostileRequestsToEveryOperationAsEveryRoleNeverGetA5xxAndEvery4xxIsAProblem() throws Exception {
		HostileRequests requests = new HostileRequests(new ApiOperations(api.get("/v3/api-docs", null).body()),
				identities(), realIds());
		List<String> failures = Collections.synchronizedList(new ArrayList<>());
		LongAdder clientErrors = new LongAdder();
		Instant started = Instant.now();
		progress("fuzz: seed %d, %d requests over %d operations, %d threads".formatted(SEED, REQUESTS,
				requests.operationCount(), THREADS));
		// jqwik draws values on the thread of its session: this one makes the requests, the workers send them
		BlockingQueue<HostileRequests.Probe> queue = new ArrayBlockingQueue<>(256);
		HostileRequests.Probe done = new HostileRequests.Probe(SEED, -1, "", "", "", "", List.of(), new byte[0], "");
		try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
			List<Future<?>> workers = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				workers.add(pool.submit(() -> {
					try (RawHttp http = new RawHttp(Integer.parseInt(api.base().replaceAll(".*:", "")))) {
						for (HostileRequests.Probe probe = queue.take(); probe != done; probe = queue.take()) {
							String verdict = judge(http, probe);
							if (verdict == null) {
								clientErrors.increment();
							}
							else if (!verdict.isEmpty()) {
								failures.add(verdict + "\n    " + probe.describe());
							}
						}
					}
					return null;
				}));
			}
			JqwikSession.start();
			try {
				for (int i = 0; i < REQUESTS; i++) {
					queue.put(requests.probe(SEED, i));
					if (i > 0 && i % 5_000 == 0) {
						progress("fuzz: %d requests, %d failures, %ds".formatted(i, failures.size(),
								Duration.between(started, Instant.now()).toSeconds()));
					}
				}
			}
			finally {
				JqwikSession.finish();
				for (int t = 0; t < THREADS; t++) {
					queue.put(done);
				}
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		Duration took = Duration.between(started, Instant.now());
		progress("fuzz: %d requests in %.1f s (%.0f/s), %d answered 4xx, %d failures".formatted(REQUESTS,
				took.toMillis() / 1000.0, REQUESTS * 1000.0 / Math.max(1, took.toMillis()), clientErrors.sum(),
				failures.size()));
		failures.stream().limit(40).forEach(failure -> System.out.println("fuzz FAILURE: " + failure));

		assertThat(failures).as("hostile requests answered 5xx or a 4xx without a problem (seed %d)", SEED).isEmpty();
		assertThat(clientErrors.sum()).as("most hostile requests are refused").isGreaterThan(REQUESTS / 2);
		assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
		Fixtures.Person customer = fixtures.customer();
		Api.Response booked = api.post("/v1/orders", customer.token(),
				Fixtures.request(fixtures.merchant("After The Storm").id()));
		assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
	}

	/** Printed, and appended to target/fuzz-progress.txt, which bench/fuzz/run.sh shows while the suite runs. */
	private static void progress(String line) {
		System.out.println(line);
		try {
			java.nio.file.Files.writeString(java.nio.file.Path.of("target/fuzz-progress.txt"), line + "\n",
					java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
		}
		catch (java.io.IOException e) {
			// progress is a courtesy
		}
	}

	/** Null for a refusal done right (4xx problem), "" for another answer that is fine, else what is wrong. */
	static String judge(RawHttp http, HostileRequests.Probe probe) {
		RawHttp.Answer answer;
		try {
			answer = http.send(probe.method(), probe.target(), probe.headers(), probe.body());
		}
		catch (Exception e) {
			return "no answer: " + e;
		}
		if (answer.status() >= 500) {
			return answer.status() + " " + excerpt(answer.text());
		}
		if (answer.status() >= 300 && answer.status() < 400) {
			return answer.status() + " redirect from the API to " + answer.header("location");
		}
		if (answer.status() < 400) {
			return "";
		}
		if (!answer.header("content-type").startsWith("application/problem+json")) {
			return answer.status() + " without problem+json (" + answer.header("content-type") + "): "
					+ excerpt(answer.text());
		}
		try {
			JsonNode problem = Api.JSON.readTree(answer.body());
			if (problem.path("status").asInt() != answer.status() || problem.path("title").asString("").isEmpty()) {
				return answer.status() + " with a problem that does not say so: " + excerpt(answer.text());
			}
		}
		catch (RuntimeException e) {
			return answer.status() + " with a body that is not JSON: " + excerpt(answer.text());
		}
		return null;
	}

	private static String excerpt(String text) {
		return text.length() > 400 ? text.substring(0, 400) + "..." : text;
	}

	private List<HostileRequests.Identity> identities() {
		Fixtures.Person customer = fixtures.customer();
		Fixtures.Person driver = fixtures.driver();
		Fixtures.MerchantRef merchant = fixtures.merchant("Fuzzed Shop");
		return List.of(new HostileRequests.Identity("anonymous", null),
				new HostileRequests.Identity("customer", "Bearer " + customer.token()),
				new HostileRequests.Identity("merchant", "Bearer " + merchant.apiKey()),
				new HostileRequests.Identity("driver", "Bearer " + driver.token()),
				new HostileRequests.Identity("operator", "Bearer " + fixtures.operatorToken()));
	}

	/** Real objects to aim at now and then: an order, its merchant, a driver, the area, a webhook endpoint. */
	private Map<String, List<String>> realIds() {
		Fixtures.Person customer = fixtures.customer();
		Fixtures.MerchantRef merchant = fixtures.merchant("Fuzz Target Shop");
		String order = fixtures.order(customer, merchant);
		Fixtures.Person driver = fixtures.driver();
		String endpoint = fixtures.webhookEndpoint(merchant, "http://127.0.0.1:9/hook", "*").id();
		String area = api.get("/v1/service-areas", fixtures.operatorToken()).body().path("data").path(0).path("id")
			.asString("");
		return Map.of("/v1/orders/", List.of(order), "/v1/merchants/", List.of(merchant.id()), "/v1/drivers/",
				List.of(driver.id()), "/v1/webhook-endpoints/", List.of(endpoint), "/v1/service-areas/",
				area.isEmpty() ? List.of() : List.of(area));
	}
}
