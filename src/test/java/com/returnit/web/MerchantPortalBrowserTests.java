package com.returnit.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.BrowserRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The merchant portal in a real headless Chromium, on the web journeys' running service ({@link WebJourneyTest}): an
 * operator invites a merchant admin (the email arrives at the journey's own mail server), who accepts, enrols TOTP,
 * changes a rule and sees the preview refuse an item with the rule's message, saves, creates an API key and a webhook
 * endpoint on a local receiver, sends a test event and sees it in the log, creates a return link a customer then uses,
 * and finds that return in the list, the CSV export and the statement; a support member cannot open Developers or
 * Billing, and the API refuses them. The browser part is browser-tests/merchant-portal.test.mjs, which makes its own
 * merchant, area, driver and customer.
 */
class MerchantPortalBrowserTests extends WebJourneyTest {

	static final Path SHOTS = Path.of("target/browser");

	@Test
	void anInvitedAdminRunsReturnsInThePortalAndASupportMemberCannotReachDevelopersOrBilling() throws Exception {
		Map<String, String> env = new HashMap<>();
		env.put("RETURNIT_BASE_URL", api.base());
		env.put("RETURNIT_OPERATOR_TOKEN", fixtures.operatorToken());
		env.put("RETURNIT_SMTP_PORT", Integer.toString(SMTP_PORT));
		for (String shot : List.of("OVERVIEW", "RULES", "DEVELOPERS")) {
			Path path = SHOTS.resolve("merchant-" + shot.toLowerCase(Locale.ROOT) + ".png");
			Files.deleteIfExists(path);
			env.put("RETURNIT_SCREENSHOT_" + shot, path.toAbsolutePath().toString());
		}

		int exit = BrowserRun.run(Duration.ofMinutes(5), env, "merchant-portal.test.mjs");

		assertThat(exit).as("node --test browser-tests/merchant-portal.test.mjs (output above)").isZero();
		assertThat(SHOTS.resolve("merchant-overview.png")).isNotEmptyFile();
		assertThat(SHOTS.resolve("merchant-rules.png")).isNotEmptyFile();
		assertThat(SHOTS.resolve("merchant-developers.png")).isNotEmptyFile();
	}
}
