package com.returnit.support;

import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The service with the outside world in the test's hands: a clock the test moves ({@link #CLOCK}, following real time
 * before each test until moved) and a Nominatim geocoder stub ({@link #GEOCODER}, serving before each test). One second Spring
 * context and database ({@code controlled-world}) for every subclass that adds nothing to this configuration.
 * Dispatch is off: nothing moves orders but the test.
 */
@Import(ControlledWorldTest.World.class)
@TestPropertySource(properties = { "returnit.test.database=controlled-world", "returnit.dispatch.enabled=false",
		"returnit.test.reuse-grace=15s",
		"returnit.geocoder.provider=nominatim", "returnit.geocoder.timeout=1s",
		"returnit.geocoder.user-agent=ReturnIt/test (ops@returnit.local)", "returnit.geocoder.max-requests-per-second=0",
		// the geocoder's circuit opens after 3 failures of the last 4 calls, so that a test sees it open
		"resilience4j.circuitbreaker.instances.geocoder.sliding-window-size=4",
		"resilience4j.circuitbreaker.instances.geocoder.minimum-number-of-calls=3",
		"resilience4j.circuitbreaker.instances.geocoder.wait-duration-in-open-state=30s" })
public abstract class ControlledWorldTest extends EndToEndTest {

	public static final MutableClock CLOCK = new MutableClock(Instant.now());
	public static final GeocoderStub GEOCODER = GeocoderStub.start(GeocoderStub.Dialect.NOMINATIM);

	@TestConfiguration
	static class World {

		@Bean
		@Primary
		Clock manualClock() {
			return CLOCK;
		}
	}

	@DynamicPropertySource
	static void geocoder(DynamicPropertyRegistry registry) {
		registry.add("returnit.geocoder.url", GEOCODER::url);
	}

	/** Real time until the test moves the clock (logins with one-time codes during set-up see the codes' time). */
	@BeforeEach
	void realTimeAndAServingGeocoder() {
		CLOCK.followRealTime();
		GEOCODER.reset();
	}
}
