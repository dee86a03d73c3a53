package com.returnit.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Areas;
import com.returnit.support.BrowserRun;
import com.returnit.support.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dispatch console in a real headless Chromium, on the web journeys' running service ({@link WebJourneyTest}): an
 * operator sees two drivers on shift (in an area of the test's own, near Brandenburg) and an order given to the first,
 * drags the order onto the second (the API then shows the second as its driver), is told when dropping it on the
 * driver who has it already, gives it back with the keyboard picker, opens a driver's day, and cancels the order with
 * a reason; a driver who starts a shift meanwhile appears within seconds (the fleet's positions over the stream); then
 * the operator reshapes the test's area on the map and changes its opening hours. The browser part is
 * browser-tests/dispatch-console.test.mjs; this class gives it an operator, a customer and a shop. The driver's app
 * dropping a job dragged away on the console is in {@link DriverAppBrowserTests}, whose journey has all three faces.
 */
class DispatchConsoleBrowserTests extends WebJourneyTest {

	static final Path SCREENSHOT = Path.of("target/browser/dispatch-console.png");
	static final Path AREAS_SCREENSHOT = Path.of("target/browser/service-areas.png");

	@Test
	void anOperatorReassignsAnOrderByDragAndDropAndByThePickerCancelsItAndReshapesAnArea() throws Exception {
		String shop = "Spree Console Outfitters " + Long.toString(System.nanoTime(), 36);
		fixtures.merchant(shop);
		Fixtures.Person customer = fixtures.customer();
		String area = new Areas(api, fixtures).openingInMinutes("Brandenburg console", 52.20, 12.50, 52.28, 12.60);
		Files.deleteIfExists(SCREENSHOT);
		Files.deleteIfExists(AREAS_SCREENSHOT);

		Map<String, String> env = Map.ofEntries(Map.entry("RETURNIT_BASE_URL", api.base()),
				Map.entry("RETURNIT_OPERATOR_EMAIL", ADMIN_EMAIL), Map.entry("RETURNIT_OPERATOR_PASSWORD", ADMIN_PASSWORD),
				Map.entry("RETURNIT_OPERATOR_TOTP", ADMIN_TOTP_SECRET), Map.entry("RETURNIT_CUSTOMER_EMAIL", customer.email()),
				Map.entry("RETURNIT_CUSTOMER_PASSWORD", "customer-password-1"), Map.entry("RETURNIT_MERCHANT_QUERY", shop),
				Map.entry("RETURNIT_PICKUP_LAT", "52.2400"), Map.entry("RETURNIT_PICKUP_LNG", "12.5500"),
				Map.entry("RETURNIT_AREA_ID", area),
				Map.entry("RETURNIT_SCREENSHOT_CONSOLE", SCREENSHOT.toAbsolutePath().toString()),
				Map.entry("RETURNIT_SCREENSHOT_AREAS", AREAS_SCREENSHOT.toAbsolutePath().toString()));
		int exit = BrowserRun.run(Duration.ofMinutes(4), env, "dispatch-console.test.mjs");

		assertThat(exit).as("node --test browser-tests/dispatch-console.test.mjs (output above)").isZero();
		assertThat(SCREENSHOT).isNotEmptyFile();
		assertThat(AREAS_SCREENSHOT).isNotEmptyFile();
	}
}
