package com.returnit.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.BrowserRun;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The operations page in a real headless Chromium: an operator logs in and sees orders by status, the drivers on shift
 * on the map of the service areas, the last hour of requests, alerts and backlogs, and a booking arrive live. The
 * browser part is browser-tests/operations-page.test.mjs; this class prepares the orders and the driver through the
 * API and hands the browser what it needs to book one more order itself. Then the operator opens the feature flags
 * (/ops/flags), rolls a flag out to 1% and the customers, raises it to 50% and kills it.
 */
class OperationsPageBrowserTests extends EndToEndTest {

	static final Path SCREENSHOT = Path.of("target/browser/ops.png");
	static final Path FLAGS_SCREENSHOT = Path.of("target/browser/ops-flags.png");

	private Fixtures.Person driver;

	@AfterEach
	void driverGoesHome() {
		if (driver != null) {
			fixtures.offShift(driver);
		}
	}

	@Test
	void anOperatorSeesTheWholeServiceAndABookingArrivingLiveAndRollsOutAFlag() throws Exception {
		var merchant = fixtures.merchant("Ops Page Shop");
		var customer = fixtures.customer();
		fixtures.order(customer, merchant);
		driver = fixtures.driver();
		fixtures.onShiftAt(driver, 52.50, 13.35);
		Files.deleteIfExists(SCREENSHOT);
		Files.deleteIfExists(FLAGS_SCREENSHOT);

		int exit = BrowserRun.run("operations-page.test.mjs", Map.of("RETURNIT_BASE_URL", api.base(),
				"RETURNIT_OPERATOR_EMAIL", ADMIN_EMAIL, "RETURNIT_OPERATOR_PASSWORD", ADMIN_PASSWORD,
				"RETURNIT_OPERATOR_CODE", Fixtures.nextCode(ADMIN_TOTP_SECRET),
				"RETURNIT_CUSTOMER_TOKEN", customer.token(),
				"RETURNIT_BOOKING", Api.JSON.writeValueAsString(Fixtures.request(merchant.id())),
				"RETURNIT_SCREENSHOT", SCREENSHOT.toAbsolutePath().toString(),
				"RETURNIT_FLAGS_SCREENSHOT", FLAGS_SCREENSHOT.toAbsolutePath().toString()));

		assertThat(exit).as("node --test browser-tests/operations-page.test.mjs (output above)").isZero();
		assertThat(SCREENSHOT).isNotEmptyFile();
		assertThat(FLAGS_SCREENSHOT).isNotEmptyFile();
	}
}
