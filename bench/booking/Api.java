import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import returnit.bench.Totp;

/** The few calls the benchmark makes, as plain JSON strings: no library beyond the JDK. */
final class Api {

	record Response(int status, String body) {

		String text(String field) {
			Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
			if (!m.find()) {
				throw new IllegalStateException("no '" + field + "' in " + body);
			}
			return m.group(1);
		}
	}

	/** What the load phases need: the merchant to book with and one logged-in customer per slot. */
	record Setup(String merchantId, List<String> customerIds, List<String> customerTokens) {
	}

	private final String base;
	private final HttpClient http;

	Api(String base) {
		this.base = base;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.executor(Executors.newVirtualThreadPerTaskExecutor())
			.build();
	}

	Response post(String path, String token, String json) {
		return post(path, token, json, null);
	}

	Response post(String path, String token, String json, String idempotencyKey) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body());
		}
		catch (java.io.IOException e) {
			return new Response(-1, e.toString());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Response(-1, e.toString());
		}
	}

	Response expect(int status, Response response, String what) {
		if (response.status() != status) {
			throw new IllegalStateException(what + ": expected " + status + ", got " + response.status() + " "
					+ response.body());
		}
		return response;
	}

	/** Operator login, Berlin service area, one merchant, then {@code customers} customers signed up in parallel. */
	Setup setUp(String adminEmail, String adminPassword, int customers) throws Exception {
		String operator = login(adminEmail, adminPassword);
		expect(201, post("/v1/service-areas", operator, """
				{"name":"Berlin","polygon":[[52.60,13.10],[52.60,13.70],[52.38,13.70],[52.38,13.10]]}"""),
				"service area");
		Response merchant = expect(201, post("/v1/merchants", operator, MERCHANT), "merchant");
		String merchantId = merchant.text("id");
		System.out.printf("  merchant %s (API key %s...)%n", merchantId, merchant.text("secret").substring(0, 6));
		List<String> ids = new ArrayList<>();
		List<String> tokens = new ArrayList<>();
		try (var pool = Executors.newFixedThreadPool(4)) {
			var futures = new ArrayList<java.util.concurrent.Future<String[]>>();
			for (int i = 0; i < customers; i++) {
				futures.add(pool.submit(this::customer));
			}
			for (var f : futures) {
				String[] idAndToken = f.get();
				ids.add(idAndToken[0]);
				tokens.add(idAndToken[1]);
			}
		}
		System.out.printf("  %d customers signed up and logged in%n", customers);
		return new Setup(merchantId, ids, tokens);
	}

	private String[] customer() {
		String email = "bench-" + UUID.randomUUID() + "@bench.returnit.local";
		String id = expect(201, post("/v1/customers", null, """
				{"email":"%s","password":"bench-password-1","name":"Bench Customer"}""".formatted(email)),
				"customer sign-up").text("id");
		return new String[] { id, login(email, "bench-password-1") };
	}

	private String login(String email, String password) {
		return expect(200, post("/v1/auth/token", null, """
				{"email":"%s","password":"%s","code":"%s"}""".formatted(email, password, Totp.currentCode())), "login")
			.text("accessToken");
	}

	/** The eligible request of the end-to-end tests: two items bought last week, picked up in two days. */
	static String booking(String merchantId) {
		Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		String purchased = Instant.now().minus(7, ChronoUnit.DAYS).toString();
		return """
				{"merchantId":"%s","pickup":{"address":"Torstrasse 1, 10119 Berlin","lat":52.5290,"lng":13.4010},\
				"window":{"start":"%s","end":"%s"},"items":[\
				{"sku":"SKU-JACKET","description":"A outerwear item","category":"outerwear","purchasedAt":"%s",\
				"valueCents":12900,"merchantOrderRef":"MO-1","tagsAttached":true},\
				{"sku":"SKU-SHIRT","description":"A tops item","category":"tops","purchasedAt":"%s",\
				"valueCents":2900,"merchantOrderRef":"MO-1","tagsAttached":false}]}"""
			.formatted(merchantId, start, start.plus(2, ChronoUnit.HOURS), purchased, purchased);
	}

	private static final String MERCHANT = """
			{"name":"Bench Outfitters","returnPolicy":{"windowDays":30,"excludedCategories":["underwear"],"maxItems":5,\
			"maxItemValueCents":100000,"rules":[{"name":"swimwear_tags",\
			"expression":"item.category != \\"swimwear\\" || item.tagsAttached",\
			"message":"Swimwear needs its hygiene tags attached."}]},\
			"hubs":[{"name":"Mitte hub","address":"Invalidenstr 1, Berlin","lat":52.5321,"lng":13.3849}]}""";
}
