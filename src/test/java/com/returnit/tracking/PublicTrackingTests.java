package com.returnit.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import org.junit.jupiter.api.Test;

/** A customer shares an unguessable link; whoever holds it sees the pickup's progress without logging in. */
class PublicTrackingTests extends EndToEndTest {

	@Test
	void theOwnerGetsOneStableLinkThatShowsProgressWithoutALoginAndWithoutPersonalData() {
		var merchant = fixtures.merchant("Link Shop");
		var customer = fixtures.customer();
		String orderId = fixtures.order(customer, merchant);

		Api.Response link = api.get("/v1/orders/" + orderId + "/tracking-link", customer.token());
		assertThat(link.status()).isEqualTo(200);
		assertThat(link.text("token")).hasSizeGreaterThanOrEqualTo(32);
		assertThat(api.get("/v1/orders/" + orderId + "/tracking-link", merchant.apiKey()).text("token"))
			.as("one link per order").isEqualTo(link.text("token"));

		Api.Response shown = api.get("/v1/public/tracking/" + link.text("token"), null);
		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.text("status")).isEqualTo("scheduled");
		assertThat(shown.text("message")).isEqualTo("Looking for a driver");
		assertThat(shown.raw().body()).doesNotContain(customer.id(), customer.email(), "Torstrasse", merchant.id());

		Api.Response page = api.get(link.text("url"), null);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.raw().body()).as("the web app, whose tracking page reads /v1/public/tracking/{token}")
			.contains("<div id=\"root\"></div>");
	}

	@Test
	void strangersGetNoLinkAndGuessedTokensShowNothing() {
		var merchant = fixtures.merchant("Link Guard");
		String orderId = fixtures.order(fixtures.customer(), merchant);

		assertThat(api.get("/v1/orders/" + orderId + "/tracking-link", fixtures.customer().token()).status())
			.isEqualTo(404);
		assertThat(api.get("/v1/orders/" + orderId + "/tracking-link", null).status()).isEqualTo(401);
		Api.Response guessed = api.get("/v1/public/tracking/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", null);
		assertThat(guessed.status()).isEqualTo(404);
		assertThat(guessed.contentType()).startsWith("application/problem+json");
	}
}
