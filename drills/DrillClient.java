import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import returnit.bench.Totp;

/** The calls the drills make, as plain JSON strings over the JDK's HTTP client: the service as any client sees it. */
final class DrillClient {

	/** One answer; status -1 when no answer came (connection refused or reset), with the error in body. */
	record Answer(int status, String body, String contentType, String retryAfter, long startNanos, long nanos) {

		String text(String field) {
			Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
			if (!m.find()) {
				throw new IllegalStateException("no '" + field + "' in " + body);
			}
			return m.group(1);
		}

		double millis() {
			return nanos / 1e6;
		}
	}

	/** A merchant, a customer and a driver on shift, made through the API. */
	record World(String merchantId, String customerToken, String driverToken) {
	}

	private final String base;
	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();

	DrillClient(String base) {
		this.base = base;
	}

	Answer get(String path, String token) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token);
	}

	Answer post(String path, String token, String json) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)), token);
	}

	/** A creating POST with an Idempotency-Key: sent again with the same key, it is answered as the first time. */
	Answer post(String path, String token, String json, String idempotencyKey) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
			.header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(json)), token);
	}

	private Answer send(HttpRequest.Builder request, String token) {
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		long start = System.nanoTime();
		try {
			HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Retry-After").orElse(""), start, System.nanoTime() - start);
		}
		catch (java.io.IOException e) {
			return new Answer(-1, e.toString(), "", "", start, System.nanoTime() - start);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Answer(-1, e.toString(), "", "", start, System.nanoTime() - start);
		}
	}

	Answer expect(int status, Answer answer, String what) {
		if (answer.status() != status) {
			throw new IllegalStateException(what + ": expected " + status + ", got " + answer.status() + " "
					+ answer.body());
		}
		return answer;
	}

	String login(String email, String password) {
		return expect(200, post("/v1/auth/token", null, "{\"email\":\"" + email + "\",\"password\":\"" + password
				+ "\",\"code\":\"" + Totp.currentCode() + "\"}"), "log in " + email).text("accessToken");
	}

	World world(String adminEmail, String adminPassword) {
		String operator = login(adminEmail, adminPassword);
		post("/v1/service-areas", operator, "{\"name\":\"Berlin\",\"polygon\":[[52.60,13.10],[52.60,13.70],"
				+ "[52.38,13.70],[52.38,13.10]]}");
		String merchant = expect(201, post("/v1/merchants", operator, """
				{"name": "Drill Outfitters", "returnPolicy": {"windowDays": 30, "excludedCategories": [],
				 "maxItems": 5, "maxItemValueCents": 100000, "rules": []},
				 "hubs": [{"name": "Mitte hub", "address": "Invalidenstr 1, Berlin", "lat": 52.5321, "lng": 13.3849}]}
				"""), "create merchant").text("id");
		String email = "drill-" + UUID.randomUUID() + "@drill.returnit.local";
		expect(201, post("/v1/customers", null, "{\"email\":\"" + email
				+ "\",\"password\":\"customer-password-1\",\"name\":\"Drill Customer\"}"), "sign up");
		String driverEmail = "driver-" + UUID.randomUUID() + "@drill.returnit.local";
		expect(201, post("/v1/drivers", operator, "{\"email\":\"" + driverEmail + "\",\"password\":\"driver-password-12\","
				+ "\"name\":\"Drill Driver\",\"vehicle\":{\"type\":\"van\",\"capacityParcels\":40}}"), "create driver");
		String driver = login(driverEmail, "driver-password-12");
		expect(200, post("/v1/drivers/me/shift/start", driver, ""), "start shift");
		return new World(merchant, login(email, "customer-password-1"), driver);
	}

	/** An eligible booking two days ahead. */
	static String booking(String merchantId) {
		return booking(merchantId, "drill");
	}

	/** An eligible booking two days ahead whose item carries {@code ref} as the merchant's order reference. */
	static String booking(String merchantId, String ref) {
		Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		return """
				{"merchantId": "%s", "pickup": {"address": "Torstrasse 1, Berlin", "lat": 52.529, "lng": 13.401},
				 "window": {"start": "%s", "end": "%s"},
				 "items": [{"sku": "JKT-1", "description": "Rain jacket", "category": "outerwear",
				            "purchasedAt": "%s", "valueCents": 12900, "merchantOrderRef": "%s"}]}
				""".formatted(merchantId, start, start.plus(2, ChronoUnit.HOURS), Instant.now().minus(7, ChronoUnit.DAYS), ref);
	}

	/** A position report from central Berlin, now. */
	static String ping() {
		return "{\"pings\":[{\"lat\":52.52,\"lng\":13.40,\"recordedAt\":\"" + Instant.now() + "\"}]}";
	}
}
