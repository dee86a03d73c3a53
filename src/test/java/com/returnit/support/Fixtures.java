package com.returnit.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.identity.internal.domain.Base32;
import com.returnit.identity.internal.domain.Totp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Sets up what a test needs through the public API: an operator, merchants, customers, drivers, requests. */
public final class Fixtures {

	/** A merchant as its creator sees it: id and its first API key. */
	public record MerchantRef(String id, String apiKey) {
	}

	/** A webhook endpoint as its merchant sees it when creating it: id and signing secret. */
	public record EndpointRef(String id, String secret) {
	}

	/** A signed-up, logged-in person. */
	public record Person(String id, String email, String token) {
	}

	private static final java.util.Set<String> AREA_DEFINED = java.util.concurrent.ConcurrentHashMap.newKeySet();
	private static final Map<String, OperatorToken> OPERATOR_TOKENS = new java.util.concurrent.ConcurrentHashMap<>();
	private static final Map<String, Long> LAST_STEP = new java.util.HashMap<>();

	private record OperatorToken(String token, Instant issuedAt) {
	}

	private final Api api;

	public Fixtures(Api api) {
		this.api = api;
	}

	/**
	 * The bootstrap operator's access token, logged in with password and TOTP code once per running service and
	 * reused for 10 minutes (a TOTP code is accepted only once, so logging in on every call would run out of codes).
	 */
	public String operatorToken() {
		// compute() holds the entry while one caller logs in: concurrent callers wait and share the token rather
		// than each spending a TOTP step (only one step of drift is accepted)
		return OPERATOR_TOKENS.compute(api.base(), (base, cached) -> {
			Instant now = Instant.now();
			if (cached != null && cached.issuedAt().isAfter(now.minus(10, ChronoUnit.MINUTES))) {
				return cached;
			}
			return new OperatorToken(login(EndToEndTest.ADMIN_EMAIL, EndToEndTest.ADMIN_PASSWORD,
					nextCode(EndToEndTest.ADMIN_TOTP_SECRET)), now);
		}).token();
	}

	public String login(String email, String password) {
		Api.Response response = api.post("/v1/auth/token", null, Map.of("email", email, "password", password));
		assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
		return response.text("accessToken");
	}

	/** Logs in with a password and a one-time code (TOTP or recovery code). */
	public String login(String email, String password, String code) {
		Api.Response response = api.post("/v1/auth/token", null,
				Map.of("email", email, "password", password, "code", code));
		assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
		return response.text("accessToken");
	}

	/**
	 * A TOTP code for this base32 secret that has not been handed out before in this JVM: the current step, else the
	 * next one (servers accept one step of drift), else it waits for the clock to move on.
	 */
	public static synchronized String nextCode(String base32Secret) {
		byte[] secret = Base32.decode(base32Secret);
		long current = Totp.step(Instant.now());
		long last = LAST_STEP.getOrDefault(base32Secret, 0L);
		while (last + 1 > current + 1) {
			sleep(Duration.ofMillis(200));
			current = Totp.step(Instant.now());
		}
		long step = Math.max(current, last + 1);
		LAST_STEP.put(base32Secret, step);
		return Totp.code(secret, step);
	}

	/** Enrols the logged-in person in TOTP: answers the enrolment (secret, recovery codes) and the new tokens. */
	public record TotpEnrolment(String secret, List<String> recoveryCodes, String accessToken) {
	}

	public TotpEnrolment enrolTotp(String token) {
		Api.Response started = api.post("/v1/auth/mfa/totp", token, "");
		assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
		String secret = started.text("secret");
		Api.Response confirmed = api.post("/v1/auth/mfa/totp/confirm", token, Map.of("code", nextCode(secret)));
		assertThat(confirmed.status()).as(confirmed.body().toString()).isEqualTo(200);
		return new TotpEnrolment(secret, started.body().get("recoveryCodes").valueStream().map(n -> n.asString()).toList(),
				confirmed.text("accessToken"));
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** Berlin, defined once per running service. */
	public void berlinServiceArea() {
		if (AREA_DEFINED.add(api.base())) {
			Api.Response response = api.post("/v1/service-areas", operatorToken(), Map.of("name", "Berlin",
					"polygon", List.of(List.of(52.60, 13.10), List.of(52.60, 13.70), List.of(52.38, 13.70),
							List.of(52.38, 13.10))));
			assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
		}
	}

	public MerchantRef merchant(String name) {
		berlinServiceArea();
		Api.Response response = api.post("/v1/merchants", operatorToken(), merchantBody(name));
		assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
		return new MerchantRef(response.text("id"), response.body().get("apiKey").get("secret").asString());
	}

	/** A merchant whose customers pay at booking ({@code billing: customer_pays}). */
	public MerchantRef customerPaidMerchant(String name) {
		berlinServiceArea();
		var body = new java.util.HashMap<>(merchantBody(name));
		body.put("billing", "customer_pays");
		Api.Response response = api.post("/v1/merchants", operatorToken(), body);
		assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
		return new MerchantRef(response.text("id"), response.body().get("apiKey").get("secret").asString());
	}

	/** The request paid with a card token, for merchants whose customers pay. */
	public static Map<String, Object> paidWith(Map<String, Object> request, String paymentMethod) {
		var copy = new java.util.HashMap<>(request);
		copy.put("paymentMethod", paymentMethod);
		return copy;
	}

	/** The assigned driver drives there and collects every item of the standard request. */
	public void pickUp(Person driver, String orderId) {
		Api.Response enRoute = api.post("/v1/orders/" + orderId + "/en-route", driver.token(), "");
		assertThat(enRoute.status()).as(enRoute.body().toString()).isEqualTo(200);
		Api.Response pickedUp = api.post("/v1/orders/" + orderId + "/pickup", driver.token(), Map.of("items", List.of(
				Map.of("sku", "SKU-JACKET", "verified", true, "condition", "used"),
				Map.of("sku", "SKU-SHIRT", "verified", true, "condition", "new"))));
		assertThat(pickedUp.status()).as(pickedUp.body().toString()).isEqualTo(200);
	}

	public static Map<String, Object> merchantBody(String name) {
		return Map.of("name", name,
				"returnPolicy", Map.of("windowDays", 30, "excludedCategories", List.of("underwear"), "maxItems", 5,
						"maxItemValueCents", 100_000,
						"rules", List.of(Map.of("name", "swimwear_tags",
								"expression", "item.category != \"swimwear\" || item.tagsAttached",
								"message", "Swimwear needs its hygiene tags attached."))),
				"hubs", List.of(Map.of("name", "Mitte hub", "address", "Invalidenstr 1, Berlin", "lat", 52.5321,
						"lng", 13.3849)));
	}

	/** The return policy of {@link #merchantBody}, changed to allow one item per return. */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> policyOfOneItem() {
		var policy = new java.util.HashMap<>((Map<String, Object>) merchantBody("any").get("returnPolicy"));
		policy.put("maxItems", 1);
		return policy;
	}

	/** A quote for {@link #request(String)}, asked of the given node. */
	public static Api.Response quote(Api on, Person customer, MerchantRef merchant) {
		return on.post("/v1/quotes", customer.token(), request(merchant.id()));
	}

	public Person customer() {
		String email = "customer-" + UUID.randomUUID() + "@test.returnit.local";
		Api.Response response = api.post("/v1/customers", null,
				Map.of("email", email, "password", "customer-password-1", "name", "Casey Customer"));
		assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
		return new Person(response.text("id"), email, login(email, "customer-password-1"));
	}

	public Person driver() {
		return driver("van", 40);
	}

	public Person driver(String vehicle, int capacityParcels) {
		String email = "driver-" + UUID.randomUUID() + "@test.returnit.local";
		Api.Response response = api.post("/v1/drivers", operatorToken(), Map.of("email", email, "password",
				"driver-password-12", "name", "Dee Driver", "vehicle",
				Map.of("type", vehicle, "capacityParcels", capacityParcels)));
		assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
		return new Person(response.text("id"), email, login(email, "driver-password-12"));
	}

	/** An eligible request: two items bought last week, picked up in Berlin the day after tomorrow. */
	public static Map<String, Object> request(String merchantId) {
		return request(merchantId, List.of(item("SKU-JACKET", "outerwear", 12_900, true),
				item("SKU-SHIRT", "tops", 2_900, false)));
	}

	public static Map<String, Object> request(String merchantId, List<Map<String, Object>> items) {
		Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		return Map.of("merchantId", merchantId,
				"pickup", Map.of("address", "Torstrasse 1, 10119 Berlin", "lat", 52.5290, "lng", 13.4010),
				"window", Map.of("start", start.toString(), "end", start.plus(2, ChronoUnit.HOURS).toString()),
				"items", items);
	}

	/** A request whose window starts in 15 minutes: inside the dispatch lead time, so it is dispatched at once. */
	public static Map<String, Object> requestSoon(String merchantId, List<Map<String, Object>> items) {
		Instant start = Instant.now().plus(15, ChronoUnit.MINUTES);
		var request = new java.util.HashMap<>(request(merchantId, items));
		request.put("window", Map.of("start", start.toString(), "end", start.plus(2, ChronoUnit.HOURS).toString()));
		return request;
	}

	/** Puts the driver on shift and reports one position. */
	public void onShiftAt(Person driver, double lat, double lng) {
		assertThat(api.post("/v1/drivers/me/shift/start", driver.token(), "").status()).isEqualTo(200);
		Api.Response ping = api.post("/v1/drivers/me/locations", driver.token(), Map.of("pings",
				List.of(Map.of("lat", lat, "lng", lng, "recordedAt", Instant.now().toString()))));
		assertThat(ping.status()).as(ping.body().toString()).isEqualTo(202);
	}

	/** The driver's first open offer, waiting for dispatch to make one. */
	public tools.jackson.databind.JsonNode awaitOffer(Person driver) {
		return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
			.pollInterval(java.time.Duration.ofMillis(200))
			.until(() -> api.get("/v1/drivers/me/offers", driver.token()).body().get("data"), data -> !data.isEmpty())
			.get(0);
	}

	public void offShift(Person driver) {
		api.post("/v1/drivers/me/shift/end", driver.token(), "");
	}

	public static Map<String, Object> item(String sku, String category, long valueCents, boolean tagsAttached) {
		return Map.of("sku", sku, "description", "A " + category + " item", "category", category,
				"purchasedAt", Instant.now().minus(7, ChronoUnit.DAYS).toString(), "valueCents", valueCents,
				"merchantOrderRef", "MO-1", "tagsAttached", tagsAttached);
	}

	public static Map<String, Object> withCustomer(Map<String, Object> request, String email) {
		var copy = new java.util.HashMap<>(request);
		copy.put("customer", Map.of("name", "Morgan Merchantcustomer", "email", email, "phone", "+49 30 1234567"));
		return copy;
	}

	/** Books the standard two items for this customer, both bought under the merchant's order {@code ref}. */
	public String order(Person customer, MerchantRef merchant, String ref) {
		List<Map<String, Object>> items = List.of(item("SKU-JACKET", "outerwear", 12_900, true),
				item("SKU-SHIRT", "tops", 2_900, false)).stream().map(item -> {
					Map<String, Object> copy = new java.util.HashMap<>(item);
					copy.put("merchantOrderRef", ref);
					return copy;
				}).toList();
		Api.Response booked = api.post("/v1/orders", customer.token(), request(merchant.id(), items));
		assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
		return booked.text("id");
	}

	/** Books an eligible order for this customer and answers its id. */
	public String order(Person customer, MerchantRef merchant) {
		Api.Response response = api.post("/v1/orders", customer.token(), request(merchant.id()));
		assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
		return response.text("id");
	}

	/** Registers a webhook endpoint of the merchant for these event types ("*" for all). */
	public EndpointRef webhookEndpoint(MerchantRef merchant, String url, String... events) {
		Api.Response response = api.post("/v1/webhook-endpoints", merchant.apiKey(),
				Map.of("url", url, "events", List.of(events)));
		assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
		return new EndpointRef(response.text("id"), response.text("secret"));
	}

	/** A member of a merchant's staff, logged in with password and TOTP code. */
	public record Member(String id, String email, String password, String totpSecret, List<String> recoveryCodes,
			String token) {
	}

	/** The password every member made by {@link #member} has. */
	public static final String MEMBER_PASSWORD = "member-password-1";

	private static final java.util.regex.Pattern INVITATION_LINK = java.util.regex.Pattern
		.compile("http://localhost:8080/merchant/invitations/([A-Za-z0-9_-]+)");

	/**
	 * A new member of the merchant with this role: invited by {@code inviterToken} (an operator's or an admin's), the
	 * link read from the notifications outbox, accepted, TOTP enrolled, and logged in with a code.
	 */
	public Member member(org.springframework.jdbc.core.simple.JdbcClient jdbc, String merchantId, String inviterToken,
			String role) {
		String email = role + "-" + UUID.randomUUID() + "@staff.test.returnit.local";
		Api.Response invited = api.post("/v1/merchants/" + merchantId + "/invitations", inviterToken,
				Map.of("email", email, "role", role));
		assertThat(invited.status()).as(invited.body().toString()).isEqualTo(201);
		Api.Response accepted = api.post("/v1/public/merchant-invitations/" + invitationToken(jdbc, email) + "/accept",
				null, Map.of("password", MEMBER_PASSWORD, "name", "Sam " + role));
		assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(201);
		TotpEnrolment enrolment = enrolTotp(accepted.text("accessToken"));
		String token = login(email, MEMBER_PASSWORD, nextCode(enrolment.secret()));
		String id = jdbc.sql("SELECT id FROM accounts WHERE lower(email) = lower(:email)").param("email", email)
			.query(String.class).single();
		return new Member(id, email, MEMBER_PASSWORD, enrolment.secret(), enrolment.recoveryCodes(), token);
	}

	/** The token of the newest invitation emailed to this address, as the mail server gets it from the outbox. */
	public static String invitationToken(org.springframework.jdbc.core.simple.JdbcClient jdbc, String email) {
		String body = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15))
			.until(() -> jdbc.sql("""
					SELECT body FROM notification_messages
					WHERE lower(recipient) = lower(:email) AND template = 'merchant_invitation' AND channel = 'email'
					ORDER BY created_at DESC, id DESC LIMIT 1""").param("email", email).query(String.class).optional(),
					java.util.Optional::isPresent)
			.orElseThrow();
		java.util.regex.Matcher matcher = INVITATION_LINK.matcher(body);
		assertThat(matcher.find()).as(body).isTrue();
		return matcher.group(1);
	}
}
