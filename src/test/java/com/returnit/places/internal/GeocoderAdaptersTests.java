package com.returnit.places.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.returnit.support.GeocoderStub;
import com.returnit.support.GeocoderStub.Dialect;
import com.returnit.support.GeocoderStub.Mode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Both adapters against a real HTTP server speaking each provider's format exactly: Nominatim's string coordinates
 * and error object, Photon's GeoJSON with [lng, lat]; a provider that hangs, fails or answers HTML is unavailable
 * within the timeout.
 */
class GeocoderAdaptersTests {

	private static final Duration TIMEOUT = Duration.ofMillis(800);
	private static final GeocoderStub NOMINATIM = GeocoderStub.start(Dialect.NOMINATIM);
	private static final GeocoderStub PHOTON = GeocoderStub.start(Dialect.PHOTON);

	@BeforeEach
	void serving() {
		NOMINATIM.reset();
		PHOTON.reset();
	}

	@AfterAll
	static void stop() {
		NOMINATIM.close();
		PHOTON.close();
	}

	@Test
	void nominatimIsAskedForJsonV2WithTheUserAgentAndItsStringCoordinatesBecomeNumbers() {
		List<Place> found = nominatim(List.of()).search("Pariser Platz", 5);

		assertThat(found).containsExactly(
				new Place("Brandenburger Tor, Pariser Platz 1, 10117 Berlin, Deutschland", 52.5162746, 13.3777041));
		GeocoderStub.Request asked = NOMINATIM.requests().getFirst();
		assertThat(asked.path()).isEqualTo("/search");
		assertThat(asked.query()).containsEntry("q", "Pariser Platz").containsEntry("format", "jsonv2")
			.containsEntry("limit", "5").containsEntry("addressdetails", "0").doesNotContainKey("countrycodes");
		assertThat(asked.userAgent()).isEqualTo("ReturnIt/test (ops@returnit.local)");
	}

	@Test
	void nominatimIsLimitedToTheConfiguredCountries() {
		assertThat(nominatim(List.of("at")).search("Stephansplatz", 5)).extracting(Place::label)
			.containsExactly("Stephansdom, Stephansplatz 3, 1010 Wien, Österreich");
		assertThat(NOMINATIM.requests().getFirst().query()).containsEntry("countrycodes", "at");
		assertThat(nominatim(List.of("de")).search("Stephansplatz", 5)).isEmpty();
	}

	@Test
	void nominatimReversesAPositionAndAnswersNothingWhereItFindsNothing() {
		assertThat(nominatim(List.of()).reverse(52.52901, 13.40102)).contains(
				new Place("Torstraße 1, 10119 Berlin, Deutschland", 52.529, 13.401));
		assertThat(NOMINATIM.requests().getFirst().query()).containsEntry("lat", "52.52901")
			.containsEntry("lon", "13.40102").containsEntry("format", "jsonv2");

		assertThat(nominatim(List.of()).reverse(0.0001, -0.0001)).isEmpty();
		assertThat(NOMINATIM.requests().getLast().query()).as("plain decimals, never 1.0E-4")
			.containsEntry("lat", "0.0001").containsEntry("lon", "-0.0001");
	}

	@Test
	void photonsGeoJsonCoordinatesAreLongitudeFirst() {
		List<Place> found = photon(List.of()).search("Pariser Platz", 5);

		assertThat(found).containsExactly(
				new Place("Brandenburger Tor, Pariser Platz 1, 10117 Berlin, Deutschland", 52.5162746, 13.3777041));
		assertThat(PHOTON.requests().getFirst().path()).isEqualTo("/api");
		assertThat(PHOTON.requests().getFirst().query()).containsEntry("q", "Pariser Platz").containsEntry("limit", "5");
		assertThat(PHOTON.requests().getFirst().userAgent()).isEqualTo("ReturnIt/test (ops@returnit.local)");
	}

	@Test
	void photonLabelsAreBuiltFromItsPropertiesAndItsAnswersFilteredByCountry() {
		List<Place> found = photon(List.of("de")).search("Torstraße Berlin", 5);

		assertThat(found).extracting(Place::label)
			.containsExactly("Torstraße 1, 10119 Berlin, Deutschland", "Torstraße 140, 10119 Berlin, Deutschland");
		assertThat(PHOTON.requests().getFirst().query()).as("more asked for, as some may be dropped")
			.containsEntry("limit", "15");
		assertThat(photon(List.of("de")).search("Stephansplatz", 5)).isEmpty();
		assertThat(photon(List.of("at", "de")).search("Stephansplatz", 5)).hasSize(1);
	}

	@Test
	void photonReversesAPosition() {
		assertThat(photon(List.of()).reverse(48.2084, 16.3731))
			.contains(new Place("Stephansdom, Stephansplatz 3, 1010 Wien, Österreich", 48.2084, 16.3731));
		assertThat(PHOTON.requests().getFirst().path()).isEqualTo("/reverse");
		assertThat(PHOTON.requests().getFirst().query()).containsEntry("lat", "48.2084").containsEntry("lon", "16.3731");
		assertThat(photon(List.of()).reverse(10, 10)).isEmpty();
	}

	@Test
	void aHangingProviderIsUnavailableWithinTheTimeout() {
		for (GeocoderStub stub : List.of(NOMINATIM, PHOTON)) {
			stub.mode(Mode.HANG);
			Geocoder geocoder = stub == NOMINATIM ? nominatim(List.of()) : photon(List.of());
			long started = System.nanoTime();

			assertThatThrownBy(() -> geocoder.search("Torstraße 1", 5)).isInstanceOf(ProviderUnavailable.class)
				.hasMessageContaining("no answer within 800 ms");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(TIMEOUT.minusMillis(50),
					TIMEOUT.plusMillis(700));
		}
	}

	@Test
	void aProviderAnsweringAnErrorOrSomethingElseThanJsonIsUnavailable() {
		NOMINATIM.mode(Mode.FAIL);
		assertThatThrownBy(() -> nominatim(List.of()).search("Torstraße", 5)).isInstanceOf(ProviderUnavailable.class)
			.hasMessageContaining("500");
		PHOTON.mode(Mode.GARBAGE);
		assertThatThrownBy(() -> photon(List.of()).reverse(52.529, 13.401)).isInstanceOf(ProviderUnavailable.class);
	}

	@Test
	void nothingListeningIsUnavailableToo() {
		Geocoder nowhere = new NominatimGeocoder(new ProviderHttp(URI.create("http://127.0.0.1:9"), "ReturnIt/test",
				TIMEOUT), List.of());

		assertThatThrownBy(() -> nowhere.search("Torstraße", 5)).isInstanceOf(ProviderUnavailable.class);
	}

	private static Geocoder nominatim(List<String> countries) {
		return new NominatimGeocoder(http(NOMINATIM), countries);
	}

	private static Geocoder photon(List<String> countries) {
		return new PhotonGeocoder(http(PHOTON), countries);
	}

	private static ProviderHttp http(GeocoderStub stub) {
		return new ProviderHttp(URI.create(stub.url()), "ReturnIt/test (ops@returnit.local)", TIMEOUT);
	}
}
