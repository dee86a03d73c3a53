package com.returnit.security.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.EndToEndTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Ten thousand random and malformed requests, derived from the OpenAPI document, across every operation and every
 * role, against two tenants: no answer is a 5xx, every error is problem+json, and no answer to tenant A's people
 * carries an id of tenant B's that the request did not itself contain (nor an earlier request of the same caller:
 * a customer who saved B's id as the label of an address reads it back, which is no leak).
 */
@TestPropertySource(properties = "returnit.test.database=fuzz")
class ApiFuzzTests extends EndToEndTest {

	private static final int REQUESTS = 10_000;
	private static final long SEED = Long.getLong("fuzz.seed", 20261122L);
	/** Erasing the fuzzing customer or rotating keys thousands of times would only slow the run down. */
	private static final Set<String> EXCLUDED = Set.of("DELETE /v1/customers/me", "POST /v1/signing-keys/rotate");
	/** The public merchant directory lists every merchant, tenant B too: a merchant's id is no secret there. */
	private static final String DIRECTORY = "GET /v1/merchants";

	private final Map<String, java.util.concurrent.atomic.AtomicLong> millis = new ConcurrentHashMap<>();
	/** Tenant B's ids that each caller sent itself, in a path or a body: what it may have stored and now reads back. */
	private final Map<String, Set<String>> sentBy = new ConcurrentHashMap<>();

	private record Caller(String name, String token, boolean tenantA) {
	}

	@Test
	void tenThousandRandomRequestsGetNo5xxOnlyProblemJsonErrorsAndNoOtherTenantsData() throws Exception {
		var merchantA = fixtures.merchant("Tenant A");
		var merchantB = fixtures.merchant("Tenant B");
		var customerA = fixtures.customer();
		var customerB = fixtures.customer();
		String orderA = fixtures.order(customerA, merchantA);
		String orderB = fixtures.order(customerB, merchantB);
		String keyB = api.post("/v1/merchants/" + merchantB.id() + "/api-keys", merchantB.apiKey(), "").text("id");
		var driver = fixtures.driver();
		List<String> secretsOfB = List.of(merchantB.id(), customerB.id(), orderB, keyB, merchantB.apiKey());
		List<Caller> callers = List.of(new Caller("anonymous", null, true), new Caller("customer A", customerA.token(), true),
				new Caller("merchant A", merchantA.apiKey(), true), new Caller("driver", driver.token(), true),
				new Caller("operator", fixtures.operatorToken(), false),
				new Caller("forged token", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", true));
		List<String> ids = List.of(merchantA.id(), merchantB.id(), customerA.id(), customerB.id(), orderA, orderB, keyB,
				driver.id(), RequestGenerator.randomId());

		RequestGenerator generator = new RequestGenerator(api.get("/v3/api-docs", null).body(), ids, EXCLUDED);
		List<String> failures = Collections.synchronizedList(new ArrayList<>());
		Map<String, AtomicInteger> perOperation = new ConcurrentHashMap<>();
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		Semaphore inFlight = new Semaphore(8);
		long started = System.nanoTime();
		try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < REQUESTS; i++) {
				Random random = new Random(SEED + i);
				RequestGenerator.FuzzRequest request = generator.next(random);
				Caller caller = callers.get(random.nextInt(callers.size()));
				inFlight.acquire();
				executor.submit(() -> {
					try {
						check(client, request, caller, DIRECTORY.equals(request.operation())
								? secretsOfB.stream().filter(id -> !id.equals(merchantB.id())).toList() : secretsOfB,
								failures, perOperation);
					}
					finally {
						inFlight.release();
					}
				});
			}
		}
		long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

		System.out.printf("fuzz: %d requests over %d operations in %d s, seed %d%n", REQUESTS,
				generator.operations().size(), seconds, SEED);
		millis.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().get(), a.getValue().get())).limit(6)
			.forEach(entry -> System.out.printf("fuzz: %s took %d ms in all%n", entry.getKey(), entry.getValue().get()));
		assertThat(perOperation.keySet()).as("every documented operation was called")
			.hasSize(generator.operations().size());
		assertThat(failures).as("first failures of %d", failures.size()).isEmpty();
	}

	private void check(HttpClient client, RequestGenerator.FuzzRequest request, Caller caller, List<String> secretsOfB,
			List<String> failures, Map<String, AtomicInteger> perOperation) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(api.base() + request.path()))
			.timeout(Duration.ofSeconds(30))
			.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(request.body()));
		if (request.body() != null) {
			builder.header("Content-Type", request.contentType());
		}
		if (caller.token() != null) {
			builder.header("Authorization", "Bearer " + caller.token());
		}
		String what = caller.name() + " " + request.method() + " " + abbreviate(request.path()) + " "
				+ abbreviate(String.valueOf(request.body()));
		Set<String> told = sentBy.computeIfAbsent(caller.name(), name -> ConcurrentHashMap.newKeySet());
		secretsOfB.stream().filter(secret -> request.path().contains(secret)
				|| (request.body() != null && request.body().contains(secret))).forEach(told::add);
		long sent = System.nanoTime();
		try {
			HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			perOperation.computeIfAbsent(request.operation(), k -> new AtomicInteger()).incrementAndGet();
			millis.computeIfAbsent(request.operation(), k -> new java.util.concurrent.atomic.AtomicLong())
				.addAndGet(Duration.ofNanos(System.nanoTime() - sent).toMillis());
			int status = response.statusCode();
			String type = response.headers().firstValue("Content-Type").orElse("");
			if (status >= 500) {
				failure(failures, status + " for " + what + ": " + abbreviate(response.body()));
			}
			else if (status >= 400 && !type.startsWith("application/problem+json")) {
				failure(failures, status + " not problem+json (" + type + ") for " + what);
			}
			if (caller.tenantA()) {
				for (String secret : secretsOfB) {
					if (response.body().contains(secret) && !told.contains(secret)) {
						failure(failures, "tenant B's " + secret + " leaked to " + what);
					}
				}
			}
		}
		catch (java.io.IOException e) {
			failure(failures, "I/O error " + e + " for " + what);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static void failure(List<String> failures, String message) {
		if (failures.size() < 25) {
			failures.add(message);
		}
		else if (failures.size() == 25) {
			failures.add("...");
		}
	}

	private static String abbreviate(String text) {
		return text.length() > 160 ? text.substring(0, 160) + "..." : text;
	}
}
