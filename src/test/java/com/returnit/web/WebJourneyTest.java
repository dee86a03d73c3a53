package com.returnit.web;

import com.returnit.support.EndToEndTest;
import com.returnit.support.GeocoderStub;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The one running service every face's browser journeys share (customer, driver, merchant): a context of its own,
 * because the pages need what the shared one has not: a geocoder (a Nominatim on loopback whose gazetteer includes
 * Leipzig), the service's 15 s refresh-token grace (pages reload mid-request), and offers that last long enough for a
 * person in a browser to read and accept one; its email goes to 127.0.0.1 on {@link #SMTP_PORT}, where the merchant
 * portal's journey listens for the invitation it sends (with nobody listening, the outbox keeps retrying, as it would
 * with any mail server down).
 */
@TestPropertySource(properties = { "returnit.test.database=browser", "returnit.geocoder.provider=nominatim",
		"returnit.test.reuse-grace=15s", "returnit.geocoder.max-requests-per-second=0",
		"returnit.test.offer-timeout=30s" })
abstract class WebJourneyTest extends EndToEndTest {

	static final GeocoderStub GEOCODER = GeocoderStub.start(GeocoderStub.Dialect.NOMINATIM);

	/** A port free when the service starts; the journey that reads email listens on it. */
	static final int SMTP_PORT = freePort();

	@DynamicPropertySource
	static void geocoder(DynamicPropertyRegistry registry) {
		registry.add("returnit.geocoder.url", GEOCODER::url);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	private static int freePort() {
		try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
