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
 * operator sees two drivers on shift (in an area of the test's own, near Brandenburg) and an order given to the first, drags the order onto the second (the
 * API then shows the second as its driver), is told when dropping it on the driver who has it already, gives it back
 * with the keyboard picker, opens a driver's day, and cancels the order with a reason. The browser part is
 * browser-tests/dispatch-console.test.mjs; this class gives it an operator, a customer and a shop.
 */
class DispatchConsoleBrowserTests extends WebJourneyTest {

	static final Path SCREENSHOT = Path.of("target/browser/dispatch-console.png");

	@Test
	void anOperatorReassignsAnOrderByDragAndDropAndByThePickerAndCancelsIt() throws Exception {
		String shop = "Spree Console Outfitters " + Long.toString(System.nanoTime(), 36);
		fixtures.merchant(shop);
		Fixtures.Person customer = fixtures.customer();
		new Areas(api, fixtures).openingInMinutes("Brandenburg console", 52.20, 12.50, 52.28, 12.60);
		Files.deleteIfExists(SCREENSHOT);

		int exit = BrowserRun.run(Duration.ofMinutes(4), Map.of("RETURNIT_BASE_URL", api.base(),
				"RETURNIT_OPERATOR_EMAIL", ADMIN_EMAIL, "RETURNIT_OPERATOR_PASSWORD", ADMIN_PASSWORD,
				"RETURNIT_OPERATOR_TOTP", ADMIN_TOTP_SECRET, "RETURNIT_CUSTOMER_EMAIL", customer.email(),
				"RETURNIT_CUSTOMER_PASSWORD", "customer-password-1", "RETURNIT_MERCHANT_QUERY", shop,
				"RETURNIT_PICKUP_LAT", "52.2400", "RETURNIT_PICKUP_LNG", "12.5500",
				"RETURNIT_SCREENSHOT_CONSOLE", SCREENSHOT.toAbsolutePath().toString()), "dispatch-console.test.mjs");

		assertThat(exit).as("node --test browser-tests/dispatch-console.test.mjs (output above)").isZero();
		assertThat(SCREENSHOT).isNotEmptyFile();
	}
}
