package com.returnit.demo;

import com.returnit.identity.TotpCodes;
import com.returnit.merchants.Hub;
import com.returnit.merchants.Merchant;
import com.returnit.merchants.Merchants;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The demo in motion: simulated drivers go on shift, take offers, collect and deliver, while the demo customer books
 * a return every so often, in a window with a seat left as the booking page offers them, so a newcomer sees orders
 * flow. Everything goes through the public HTTP API.
 */
@Component
@ConditionalOnBooleanProperty("returnit.demo.enabled")
class DemoFleet {

	private static final Logger log = LoggerFactory.getLogger(DemoFleet.class);
	private static final List<String[]> CATALOG = List.of(new String[] { "JKT-RAIN", "Rain jacket", "outerwear" },
			new String[] { "BT-HIKE", "Hiking boots", "footwear" }, new String[] { "TNT-2P", "Two-person tent", "camping" },
			new String[] { "FLC-GRY", "Fleece pullover", "tops" }, new String[] { "PK-30L", "Day pack 30 l", "bags" });

	private final Merchants merchants;
	private final Environment environment;
	private final int drivers;
	private final Duration bookingInterval;
	private final double speedUp;
	private final Random random = new Random(42);
	private ExecutorService threads;

	DemoFleet(Merchants merchants, Environment environment, @Value("${returnit.demo.drivers:4}") int drivers,
			@Value("${returnit.demo.booking-interval:PT45S}") Duration bookingInterval,
			@Value("${returnit.demo.speed-up:4}") double speedUp) {
		this.merchants = merchants;
		this.environment = environment;
		this.drivers = drivers;
		this.bookingInterval = bookingInterval;
		this.speedUp = speedUp;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		Merchant merchant = merchants.findByName(DemoData.MERCHANT).orElseThrow();
		Hub hub = merchant.hubs().getFirst();
		DemoClient api = new DemoClient("http://localhost:" + environment.getProperty("local.server.port", "8080"));
		String operator = api.login(DemoData.OPERATOR_EMAIL, DemoData.PASSWORD,
				TotpCodes.at(DemoData.OPERATOR_TOTP_SECRET, java.time.Instant.now()));
		threads = Executors.newVirtualThreadPerTaskExecutor();
		// the person's driver (already there after a restart: the 409 is fine)
		api.post("/v1/drivers", operator, Map.of("email", DemoData.DRIVER_EMAIL, "password", DemoData.PASSWORD, "name",
				"Robin Demo-Driver", "vehicle", Map.of("type", "van", "capacityParcels", 30)));
		for (int i = 1; i <= drivers; i++) {
			String email = "driver" + i + "@demo.returnit.local";
			api.post("/v1/drivers", operator, Map.of("email", email, "password", DemoData.PASSWORD, "name",
					"Demo Driver " + i, "vehicle", Map.of("type", i % 3 == 0 ? "cargo_bike" : "van", "capacityParcels", 30)));
			threads.submit(new SimulatedDriver(api, email, DemoData.PASSWORD, near(hub, 0.03), hubs(), speedUp, i));
		}
		threads.submit(() -> bookForever(api, merchant, hub));
		log.info("Demo fleet: {} simulated drivers on shift, a demo booking every {} s", drivers,
				bookingInterval.toSeconds());
	}

	/** The first hub of each demo merchant: a customer's booking with either is delivered to its own merchant. */
	private Map<String, SimulatedDriver.Hub> hubs() {
		Map<String, SimulatedDriver.Hub> hubs = new java.util.HashMap<>();
		for (String name : List.of(DemoData.MERCHANT, DemoData.CUSTOMER_PAID_MERCHANT)) {
			merchants.findByName(name).ifPresent(merchant -> {
				Hub hub = merchant.hubs().getFirst();
				hubs.put(merchant.id().toString(), new SimulatedDriver.Hub(hub.id().toString(), hub.lat(), hub.lng()));
			});
		}
		return hubs;
	}

	private void bookForever(DemoClient api, Merchant merchant, Hub hub) {
		String customer = api.login(DemoData.CUSTOMER_EMAIL, DemoData.PASSWORD);
		Instant loggedIn = Instant.now();
		while (!Thread.currentThread().isInterrupted()) {
			if (Instant.now().isAfter(loggedIn.plusSeconds(600))) {
				customer = api.login(DemoData.CUSTOMER_EMAIL, DemoData.PASSWORD);
				loggedIn = Instant.now();
			}
			double[] at = near(hub, 0.02);
			JsonNode window = availableWindow(api, customer, merchant, at);
			if (window != null) {
				api.post("/v1/orders", customer, booking(merchant, at, window));
			}
			try {
				Thread.sleep(bookingInterval);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * A random window with a seat left within the next two days, as the booking page would offer it (GET /v1/slots);
	 * null when there is none.
	 */
	private @Nullable JsonNode availableWindow(DemoClient api, String customer, Merchant merchant, double[] at) {
		DemoClient.Answer slots = api.get("/v1/slots?merchantId=" + merchant.id() + "&lat=" + at[0] + "&lng=" + at[1]
				+ "&to=" + Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS), customer);
		if (slots.status() != 200) {
			log.warn("Demo fleet: GET /v1/slots answered {}", slots.status());
			return null;
		}
		List<JsonNode> open = slots.body().path("data").valueStream()
			.filter(slot -> slot.path("remaining").isNull() || slot.path("remaining").asInt() > 0)
			.toList();
		return open.isEmpty() ? null : open.get(random.nextInt(open.size()));
	}

	private Map<String, Object> booking(Merchant merchant, double[] at, JsonNode window) {
		List<Map<String, Object>> items = new ArrayList<>();
		for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
			String[] product = CATALOG.get(random.nextInt(CATALOG.size()));
			items.add(Map.of("sku", product[0] + "-" + i, "description", product[1], "category", product[2],
					"purchasedAt", Instant.now().minus(5, ChronoUnit.DAYS).toString(), "valueCents", 4_900 + 1_000 * i));
		}
		return Map.of("merchantId", merchant.id().toString(),
				"pickup", Map.of("address", "Demo street " + (1 + random.nextInt(200)) + ", Berlin", "lat", at[0], "lng", at[1]),
				"window", Map.of("start", window.get("start").asString(), "end", window.get("end").asString()),
				"items", items);
	}

	private double[] near(Hub hub, double spread) {
		return new double[] { hub.lat() + (random.nextDouble() - 0.5) * spread,
				hub.lng() + (random.nextDouble() - 0.5) * spread * 1.6 };
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		if (threads != null) {
			threads.shutdownNow();
		}
	}
}
