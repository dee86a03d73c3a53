package com.returnit.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.Areas;
import com.returnit.support.BrowserRun;
import com.returnit.support.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The customer's web app in a real headless Chromium, on the web journeys' running service ({@link WebJourneyTest}):
 * the whole journey of a new customer, bookings that go wrong (an ineligible item, declined cards, a window filling up), a driver gone quiet, and
 * a shop's return link. The browser parts are browser-tests/customer-*.test.mjs, run in one node process; this class
 * prepares what they need through the API: shops, areas with schedules, drivers on shift, a return link.
 */
class CustomerAppBrowserTests extends WebJourneyTest {

	static final Path SHOTS = Path.of("target/browser");
	private static final String CUSTOMER_PASSWORD = "customer-password-1";
	private static final String DRIVER_PASSWORD = "driver-password-12";

	private static final double LEIPZIG_LAT = 51.33790;
	private static final double LEIPZIG_LNG = 12.38070;

	private final List<Fixtures.Person> onShift = new ArrayList<>();

	@AfterEach
	void driversGoHome() {
		onShift.forEach(fixtures::offShift);
	}

	@Test
	void customersBookPayWatchAndManageTheirReturnsInTheBrowser() throws Exception {
		Map<String, String> env = new HashMap<>();
		env.put("RETURNIT_BASE_URL", api.base());
		String suffix = Long.toString(System.nanoTime(), 36);
		Fixtures.MerchantRef shop = fixtures.merchant("Alpine Browser Outfitters " + suffix);
		Fixtures.MerchantRef paying = fixtures.customerPaidMerchant("Nordic Browser Knitwear " + suffix);
		env.put("RETURNIT_MERCHANT", "Alpine Browser Outfitters " + suffix);
		env.put("RETURNIT_MERCHANT_ID", shop.id());
		env.put("RETURNIT_PAYING_MERCHANT", "Nordic Browser Knitwear " + suffix);

		env.putAll(journeyInLeipzig());
		env.putAll(aCustomer("RETURNIT_CUSTOMER"));
		env.putAll(aWindowWithOneSeatInDresden());
		env.putAll(aDriverGoneQuietInHamburg(shop));
		env.putAll(aReturnLink(shop, "Alpine Browser Outfitters " + suffix));
		env.putAll(aCustomerWithTwoFactorAuthentication());
		for (String shot : List.of("REVIEW", "ORDER", "ACCOUNT")) {
			Path path = SHOTS.resolve("customer-" + shot.toLowerCase(Locale.ROOT) + ".png");
			Files.deleteIfExists(path);
			env.put("RETURNIT_SCREENSHOT_" + shot, path.toAbsolutePath().toString());
		}

		int exit = BrowserRun.run(Duration.ofMinutes(8), env, "customer-journey.test.mjs", "customer-booking.test.mjs",
				"customer-live.test.mjs");

		assertThat(exit).as("node --test browser-tests/customer-*.test.mjs (output above)").isZero();
		assertThat(SHOTS.resolve("customer-review.png")).isNotEmptyFile();
		assertThat(SHOTS.resolve("customer-order.png")).isNotEmptyFile();
		assertThat(SHOTS.resolve("customer-account.png")).isNotEmptyFile();
	}

	/**
	 * Leipzig, where the geocoder stub finds Augustusplatz: an area whose first window starts in about ten minutes
	 * (inside dispatch's lead time, so the booked order is offered at once), and a driver on shift nearby.
	 */
	private Map<String, String> journeyInLeipzig() {
		areas().openingInMinutes("Leipzig browser", 51.30, 12.30, 51.40, 12.45);
		Fixtures.Person driver = fixtures.driver();
		fixtures.onShiftAt(driver, LEIPZIG_LAT + 0.01, LEIPZIG_LNG);
		onShift.add(driver);
		return Map.of("RETURNIT_ADDRESS_QUERY", "Augustusplatz", "RETURNIT_DRIVER_EMAIL", driver.email(),
				"RETURNIT_DRIVER_PASSWORD", DRIVER_PASSWORD);
	}

	/** Dresden: every window has one seat; one customer's saved address is there, another customer books too. */
	private Map<String, String> aWindowWithOneSeatInDresden() {
		String area = areas().box("Dresden browser", 51.00, 13.65, 51.10, 13.85);
		areas().schedule(area, "Europe/Berlin", LocalTime.of(0, 0), LocalTime.of(23, 0), 60, 1, 0);
		Map<String, String> env = new HashMap<>(aCustomer("RETURNIT_FULL"));
		String token = fixtures.login(env.get("RETURNIT_FULL_EMAIL"), CUSTOMER_PASSWORD);
		Api.Response saved = api.post("/v1/customers/me/addresses", token,
				Map.of("label", "Home", "address", "Prager Strasse 2, 01069 Dresden", "lat", 51.0450, "lng", 13.7380));
		assertThat(saved.status()).as(saved.body().toString()).isIn(200, 201);
		env.put("RETURNIT_FULL_LAT", "51.0450");
		env.put("RETURNIT_FULL_LNG", "13.7380");
		env.put("RETURNIT_RIVAL_TOKEN", fixtures.customer().token());
		return env;
	}

	/** An order in Hamburg whose driver is on the way but sent one position, now older than the stale limit (3 s). */
	private Map<String, String> aDriverGoneQuietInHamburg(Fixtures.MerchantRef shop) throws InterruptedException {
		areas().box("Hamburg browser", 53.45, 9.85, 53.65, 10.15);
		Fixtures.Person customer = fixtures.customer();
		Fixtures.Person driver = fixtures.driver();
		fixtures.onShiftAt(driver, 53.5600, 9.9900);
		onShift.add(driver);
		Instant start = Instant.now().plus(15, ChronoUnit.MINUTES);
		Api.Response booked = api.post("/v1/orders", customer.token(), Map.of("merchantId", shop.id(),
				"pickup", Map.of("address", "Jungfernstieg 1, 20354 Hamburg", "lat", 53.5530, "lng", 9.9930),
				"window", Map.of("start", start.toString(), "end", start.plus(2, ChronoUnit.HOURS).toString()),
				"items", List.of(Fixtures.item("SKU-BOOTS", "footwear", 9_900, true))));
		assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
		String orderId = booked.text("id");
		String offer = fixtures.awaitOffer(driver).get("id").asString();
		assertThat(api.post("/v1/offers/" + offer + "/accept", driver.token(), "").status()).isEqualTo(200);
		assertThat(api.post("/v1/orders/" + orderId + "/en-route", driver.token(), "").status()).isEqualTo(200);
		Thread.sleep(4_000);
		return Map.of("RETURNIT_STALE_EMAIL", customer.email(), "RETURNIT_STALE_PASSWORD", CUSTOMER_PASSWORD,
				"RETURNIT_STALE_ORDER", orderId);
	}

	/** The shop's return link for an order of two items, made out to a customer who has no account. */
	private Map<String, String> aReturnLink(Fixtures.MerchantRef shop, String shopName) {
		String email = "link-" + System.nanoTime() + "@test.returnit.local";
		Api.Response link = api.post("/v1/return-sessions", shop.apiKey(), Map.of(
				"customer", Map.of("name", "Lena Link", "email", email),
				"merchantOrderRef", "AO-" + System.nanoTime() % 100_000,
				"items", List.of(linkItem("JKT-77", "Rain jacket", "outerwear", 12_900),
						linkItem("BT-12", "Hiking boots", "footwear", 15_900))));
		assertThat(link.status()).as(link.body().toString()).isEqualTo(201);
		return Map.of("RETURNIT_LINK_TOKEN", link.text("token"), "RETURNIT_LINK_MERCHANT", shopName,
				"RETURNIT_LINK_EMAIL", email);
	}

	private Map<String, String> aCustomerWithTwoFactorAuthentication() {
		Fixtures.Person customer = fixtures.customer();
		Fixtures.TotpEnrolment enrolment = fixtures.enrolTotp(customer.token());
		return Map.of("RETURNIT_TOTP_EMAIL", customer.email(), "RETURNIT_TOTP_PASSWORD", CUSTOMER_PASSWORD,
				"RETURNIT_TOTP_SECRET", enrolment.secret());
	}

	private Map<String, String> aCustomer(String prefix) {
		Fixtures.Person customer = fixtures.customer();
		return Map.of(prefix + "_EMAIL", customer.email(), prefix + "_PASSWORD", CUSTOMER_PASSWORD);
	}

	private Areas areas() {
		return new Areas(api, fixtures);
	}

	private static Map<String, Object> linkItem(String sku, String description, String category, long valueCents) {
		return Map.of("sku", sku, "description", description, "category", category,
				"purchasedAt", Instant.now().minus(6, ChronoUnit.DAYS).toString(), "valueCents", valueCents,
				"tagsAttached", true);
	}
}
