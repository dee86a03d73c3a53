package com.returnit.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Areas;
import com.returnit.support.BrowserRun;
import com.returnit.support.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole journey in real headless Chromiums on the shared running service, three people at once: a driver
 * on a phone-sized app signs in, turns on offers as notifications, starts a shift and drives (the test moves the
 * browser's position), loses the connection for 30 s of driving and comes back (every position stored once, in
 * order), leaves the app and gets the offer as a Web Push (the service's real push, signed and encrypted, received by
 * a push service on 127.0.0.1 that checks and decrypts it and hands it to the app's service worker, which shows the
 * notification), takes the offer, is given a second job that a dispatcher on the console drags onto another driver
 * (the app drops it at once), works the pickup proof offline and hands the parcels over at the hub; the customer's
 * order page and the console show each step live. A driver with two-factor authentication is asked for the code. The
 * browser part is browser-tests/driver-app.test.mjs, on the web journeys' service ({@link WebJourneyTest}); this class
 * gives it an operator, a customer, a shop, and a service area of its own near Potsdam (away from every other test's
 * drivers) whose first window starts in minutes, so the booking is offered at once.
 */
class DriverAppBrowserTests extends WebJourneyTest {

	static final Path SHOTS = Path.of("target/browser");

	@Test
	void aDriverWorksAWholeShiftInTheBrowserThroughADeadSpotToTheHub() throws Exception {
		String suffix = Long.toString(System.nanoTime(), 36);
		String shop = "Havel Driver Outfitters " + suffix;
		fixtures.merchant(shop);
		Fixtures.Person customer = fixtures.customer();
		new Areas(api, fixtures).openingInMinutes("Potsdam driver app", 52.30, 13.00, 52.37, 13.09);

		Map<String, String> env = new HashMap<>();
		env.put("RETURNIT_BASE_URL", api.base());
		env.put("RETURNIT_OPERATOR_EMAIL", ADMIN_EMAIL);
		env.put("RETURNIT_OPERATOR_PASSWORD", ADMIN_PASSWORD);
		env.put("RETURNIT_OPERATOR_TOTP_SECRET", ADMIN_TOTP_SECRET);
		env.put("RETURNIT_CUSTOMER_EMAIL", customer.email());
		env.put("RETURNIT_CUSTOMER_PASSWORD", "customer-password-1");
		env.put("RETURNIT_MERCHANT_QUERY", shop);
		env.put("RETURNIT_PICKUP_LAT", "52.3350");
		env.put("RETURNIT_PICKUP_LNG", "13.0450");
		env.put("RETURNIT_PICKUP_ADDRESS", "Am Neuen Markt 1, 14467 Potsdam");
		// the suite's service asks a road router (EndToEndTest.ROUTER): the job's map shows the way by road
		env.put("RETURNIT_ROAD_ROUTES", "true");
		for (String shot : List.of("OFFER", "PROOF")) {
			Path path = SHOTS.resolve("driver-" + shot.toLowerCase(java.util.Locale.ROOT) + ".png");
			Files.deleteIfExists(path);
			env.put("RETURNIT_SCREENSHOT_" + shot, path.toAbsolutePath().toString());
		}

		int exit = BrowserRun.run(Duration.ofMinutes(6), env, "driver-app.test.mjs");

		assertThat(exit).as("node --test browser-tests/driver-app.test.mjs (output above)").isZero();
		assertThat(SHOTS.resolve("driver-offer.png")).isNotEmptyFile();
		assertThat(SHOTS.resolve("driver-proof.png")).isNotEmptyFile();
	}
}
