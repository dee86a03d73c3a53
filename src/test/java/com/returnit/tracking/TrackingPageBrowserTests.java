package com.returnit.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.support.Api;
import com.returnit.support.BrowserRun;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The public tracking page in a real headless Chromium: what someone holding the link sees for a fresh order, for a
 * driver on the way and for a wrong link. The browser part is browser-tests/tracking-page.test.mjs, run with node;
 * this class books the orders through the API and fails if node, its packages or the browser are missing.
 */
class TrackingPageBrowserTests extends EndToEndTest {

	private static final double PICKUP_LAT = 52.5290;
	private static final double PICKUP_LNG = 13.4010;
	static final Path SCREENSHOT = Path.of("target/browser/tracking.png");

	private Fixtures.Person driver;
	private Fixtures.Person customer;
	private String enRouteOrder;

	@AfterEach
	void driverGoesHomeAndTheOrderIsCancelled() {
		if (enRouteOrder != null) {
			api.post("/v1/orders/" + enRouteOrder + "/cancel", customer.token(), Map.of("reason", "test over"));
		}
		if (driver != null) {
			fixtures.offShift(driver);
		}
	}

	@Test
	void someoneWithTheLinkSeesTheStatusTheArrivalAndTheDriverOnTheMap() throws Exception {
		var merchant = fixtures.merchant("Browser Shop");
		customer = fixtures.customer();
		String scheduledToken = trackingToken(fixtures.order(customer, merchant));
		driver = fixtures.driver();
		fixtures.onShiftAt(driver, PICKUP_LAT + 0.01, PICKUP_LNG);
		enRouteOrder = bookSoon(merchant);
		acceptOffer(driver);
		assertThat(api.post("/v1/orders/" + enRouteOrder + "/en-route", driver.token(), "").status()).isEqualTo(200);
		String enRouteToken = trackingToken(enRouteOrder);
		Files.deleteIfExists(SCREENSHOT);

		int exit = whileTheDriverKeepsPinging(() -> BrowserRun.run("tracking-page.test.mjs", Map.of(
				"RETURNIT_BASE_URL", api.base(), "RETURNIT_SCHEDULED_TOKEN", scheduledToken,
				"RETURNIT_EN_ROUTE_TOKEN", enRouteToken, "RETURNIT_SCREENSHOT", SCREENSHOT.toAbsolutePath().toString())));

		assertThat(exit).as("node --test browser-tests/tracking-page.test.mjs (output above)").isZero();
		assertThat(SCREENSHOT).isNotEmptyFile();
	}

	/** Pings twice a second, as the driver app does, so the position stays fresh (tests call it stale after 3 s). */
	private int whileTheDriverKeepsPinging(Browser browser) throws Exception {
		try (var pinger = Executors.newSingleThreadScheduledExecutor()) {
			pinger.scheduleAtFixedRate(() -> ping(PICKUP_LAT + 0.0097, PICKUP_LNG), 0, 500, TimeUnit.MILLISECONDS);
			try {
				return browser.run();
			}
			finally {
				pinger.shutdownNow();
			}
		}
	}

	@FunctionalInterface
	private interface Browser {

		int run() throws IOException, InterruptedException;
	}

	private String bookSoon(Fixtures.MerchantRef merchant) {
		Api.Response booked = api.post("/v1/orders", customer.token(), Fixtures.requestSoon(merchant.id(),
				List.of(Fixtures.item("SKU-JACKET", "tops", 1_000, true))));
		assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
		return booked.text("id");
	}

	private void acceptOffer(Fixtures.Person driver) {
		JsonNode offer = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
			.until(() -> api.get("/v1/drivers/me/offers", driver.token()).body().get("data"), data -> !data.isEmpty())
			.get(0);
		assertThat(api.post("/v1/offers/" + offer.get("id").asString() + "/accept", driver.token(), "").status())
			.isEqualTo(200);
	}

	private String trackingToken(String orderId) {
		Api.Response link = api.get("/v1/orders/" + orderId + "/tracking-link", customer.token());
		assertThat(link.status()).isEqualTo(200);
		return link.text("token");
	}

	private void ping(double lat, double lng) {
		api.post("/v1/drivers/me/locations", driver.token(),
				Map.of("pings", List.of(Map.of("lat", lat, "lng", lng, "recordedAt", Instant.now().toString()))));
	}
}
