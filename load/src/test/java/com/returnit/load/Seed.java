package com.returnit.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import returnit.bench.Totp;

/**
 * The data the users need, created through the public API before the run (the feeders read it): the operator logs
 * in once with a TOTP code, creates a service area, a merchant (its API key and hub), drivers; customers sign up.
 */
final class Seed {

	/** One person who can log in: their id, bearer token and the refresh token that renews it. */
	record Person(String id, String token, String refreshToken) {
	}

	/** Everything the scenarios feed on. */
	record Data(String operatorToken, String merchantId, String merchantApiKey, String hubId, List<Person> customers,
			List<Person> drivers) {

		@com.fasterxml.jackson.annotation.JsonIgnore
		List<Map<String, Object>> customerFeed() {
			return customers.stream().map(c -> Map.<String, Object>of("customerToken", c.token())).toList();
		}

		@com.fasterxml.jackson.annotation.JsonIgnore
		List<Map<String, Object>> driverFeed() {
			return drivers.stream().map(d -> Map.<String, Object>of("driverToken", d.token())).toList();
		}
	}

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Target target;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	Seed(Target target) {
		this.target = target;
	}

	/**
	 * The data in {@code -Dseed=<file>} when it holds enough people (bin/capacity runs many steps on one seed),
	 * topped up with new customers and drivers when it does not; a fresh seed without the property.
	 */
	Data createOrReuse(int customers, int drivers) {
		if (target.seedFile() == null) {
			return create(customers, drivers);
		}
		try {
			java.nio.file.Path file = java.nio.file.Path.of(target.seedFile());
			Data data = java.nio.file.Files.exists(file) ? JSON.readValue(file.toFile(), Data.class)
					: create(customers, 0);
			if (data.customers().size() < customers || data.drivers().size() < drivers) {
				String operator = data.operatorToken();
				data = new Data(operator, data.merchantId(), data.merchantApiKey(), data.hubId(),
						concat(data.customers(), inParallel(customers - data.customers().size(), this::customer)),
						concat(data.drivers(), inParallel(drivers - data.drivers().size(), () -> driver(operator))));
				System.out.printf("Seed topped up: %d customers, %d drivers%n", customers, drivers);
			}
			JSON.writeValue(file.toFile(), data);
			return data;
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException("seed file " + target.seedFile() + ": " + e, e);
		}
	}

	private static List<Person> concat(List<Person> a, List<Person> b) {
		List<Person> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	private Person customer() {
		return person("/v1/customers", null, Map.of("name", "Load Customer"), "customer-password-1");
	}

	private Person driver(String operator) {
		return person("/v1/drivers", operator, Map.of("name", "Load Driver", "vehicle", Map.of("type", "van",
				"capacityParcels", 40)), "driver-password-12");
	}

	Data create(int customers, int drivers) {
		long start = System.nanoTime();
		String operator = post("/v1/auth/token", null, Map.of("email", target.adminEmail(), "password",
				target.adminPassword(), "code", Totp.currentCode()), 200).get("accessToken").asText();
		post("/v1/service-areas", operator, Map.of("name", "Load Berlin " + UUID.randomUUID(), "polygon",
				List.of(List.of(52.60, 13.10), List.of(52.60, 13.70), List.of(52.38, 13.70), List.of(52.38, 13.10))),
				201);
		JsonNode merchant = post("/v1/merchants", operator, merchantBody(), 201);
		List<Person> customerList = inParallel(customers, this::customer);
		List<Person> driverList = inParallel(drivers, () -> driver(operator));
		System.out.printf("Seeded through %s in %d s: merchant %s, %d customers, %d drivers%n", target.base(),
				Duration.ofNanos(System.nanoTime() - start).toSeconds(), merchant.get("id").asText(), customers,
				drivers);
		return new Data(operator, merchant.get("id").asText(), merchant.get("apiKey").get("secret").asText(),
				merchant.get("hubs").get(0).get("id").asText(), customerList, driverList);
	}

	private Person person(String path, String token, Map<String, Object> fields, String password) {
		String email = "load-" + UUID.randomUUID() + "@load.returnit.local";
		var body = new java.util.HashMap<>(fields);
		body.put("email", email);
		body.put("password", password);
		String id = post(path, token, body, 201).get("id").asText();
		JsonNode tokens = post("/v1/auth/token", null, Map.of("email", email, "password", password), 200);
		return new Person(id, tokens.get("accessToken").asText(), tokens.path("refreshToken").asText(null));
	}

	/** The person with a fresh access token (access tokens live 15 minutes, a long burst outlives them). */
	Person refreshed(Person person) {
		JsonNode tokens = post("/v1/auth/refresh", null, Map.of("refreshToken", person.refreshToken()), 200);
		return new Person(person.id(), tokens.get("accessToken").asText(),
				tokens.path("refreshToken").asText(person.refreshToken()));
	}

	private static List<Person> inParallel(int count, Callable<Person> create) {
		List<Person> people = new ArrayList<>();
		if (count <= 0) {
			return people;
		}
		try (var pool = Executors.newFixedThreadPool(4)) {
			List<Future<Person>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				futures.add(pool.submit(create));
			}
			for (Future<Person> f : futures) {
				people.add(f.get());
			}
		}
		catch (Exception e) {
			throw new IllegalStateException("seeding failed: " + e.getMessage(), e);
		}
		return people;
	}

	/** The answer's JSON; a 429 (rate limits on) is sent again after its Retry-After. */
	private JsonNode post(String path, String token, Object body, int expected) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.base() + path))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			for (int attempt = 1; response.statusCode() == 429 && attempt < 30; attempt++) {
				Thread.sleep(1000 * response.headers().firstValueAsLong("Retry-After").orElse(1));
				response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			}
			if (response.statusCode() != expected) {
				throw new IllegalStateException("POST " + path + ": expected " + expected + ", got "
						+ response.statusCode() + " " + response.body());
			}
			return JSON.readTree(response.body());
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException("POST " + path + ": " + e, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static Map<String, Object> merchantBody() {
		return Map.of("name", "Load Outfitters",
				"returnPolicy", Map.of("windowDays", 30, "excludedCategories", List.of("underwear"), "maxItems", 5,
						"maxItemValueCents", 100_000, "rules", List.of()),
				"hubs", List.of(Map.of("name", "Mitte hub", "address", "Invalidenstr 1, Berlin", "lat", 52.5321,
						"lng", 13.3849)));
	}
}
