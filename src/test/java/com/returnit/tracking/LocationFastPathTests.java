package com.returnit.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Plain location pings are answered before the filter chain (ADR 0031); whatever is not plain gets the chain's own
 * answer, and nothing a client or an operator sees tells the two apart.
 */
class LocationFastPathTests extends EndToEndTest {

	private static final String PINGS = "/v1/drivers/me/locations";
	/** Headers that differ between any two answers, or belong to one endpoint. */
	private static final Set<String> PER_ANSWER = Set.of("date", "content-length", "content-type", "x-request-id",
			"ratelimit", "ratelimit-policy", "transfer-encoding", "connection", "keep-alive", "returnit-read-after");

	@Autowired
	MeterRegistry meters;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPlainPingIsAnsweredBeforeTheChainAndIsStoredWhenThe202Arrives() {
		Fixtures.Person driver = fixtures.driver();

		Api.Response response = counting("direct", () -> api.post(PINGS, driver.token(), Pings.of().at(52.52, 13.405, Instant.now()).body()));

		assertThat(response.status()).as(response.body().toString()).isEqualTo(202);
		assertThat(response.contentType()).isEqualTo("application/json");
		assertThat(response.body().toString()).isEqualTo("{\"accepted\":1,\"flagged\":0}");
		assertThat(jdbc.sql("SELECT count(*) FROM driver_pings WHERE driver_id = :d")
			.param("d", UUID.fromString(driver.id())).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void itsAnswerCarriesTheSameSecurityHeadersAsAnAnswerFromTheChain() {
		Fixtures.Person driver = fixtures.driver();

		Api.Response direct = counting("direct", () -> api.post(PINGS, driver.token(), Pings.of().at(52.52, 13.405, Instant.now()).body()));
		Api.Response chained = api.get("/v1/drivers/me/shift", driver.token());

		assertThat(headers(direct)).isEqualTo(headers(chained));
	}

	@Test
	void anInvalidPingGetsTheChainsProblemNamingTheField() {
		Fixtures.Person driver = fixtures.driver();

		Api.Response response = counting("chain", () -> api.post(PINGS, driver.token(), Pings.of().at(91, 13.405, Instant.now()).body()));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body().toString()).contains("pings[0].lat");
	}

	@Test
	void aBodyThatIsNotJsonGetsTheChainsProblem() {
		Api.Response response = counting("chain", () -> api.post(PINGS, fixtures.driver().token(), "{\"pings\": [{\"lat\": "));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void callersWhoAreNotDriversGetTheChainsRefusal() {
		Map<String, Object> body = Pings.of().at(52.52, 13.405, Instant.now()).body();

		assertThat(counting("chain", () -> api.post(PINGS, null, body)).status()).isEqualTo(401);
		assertThat(counting("chain", () -> api.post(PINGS, "eyJhbGciOiJSUzI1NiJ9.e30.c2ln", body)).status()).isEqualTo(401);
		assertThat(counting("chain", () -> api.post(PINGS, fixtures.customer().token(), body)).status()).isEqualTo(403);
		assertThat(counting("chain", () -> api.post(PINGS, fixtures.merchant("Pings Merchant").apiKey(), body)).status()).isEqualTo(403);
	}

	@Test
	void aPingWithAnIdempotencyKeyIsAnsweredByTheChainAndReplayedOnRetry() {
		Fixtures.Person driver = fixtures.driver();
		Map<String, Object> body = Pings.of().at(52.52, 13.405, Instant.now()).body();
		String key = UUID.randomUUID().toString();

		Api.Response first = counting("chain", () -> api.post(PINGS, driver.token(), body, "Idempotency-Key", key));
		Api.Response again = counting("chain", () -> api.post(PINGS, driver.token(), body, "Idempotency-Key", key));

		assertThat(first.status()).isEqualTo(202);
		assertThat(again.status()).isEqualTo(202);
		assertThat(again.body()).isEqualTo(first.body());
	}

	@Test
	void aBrowsersPingGetsTheChainsCorsAnswer() {
		Api.Response response = counting("chain", () -> api.post(PINGS, fixtures.driver().token(),
				Pings.of().at(52.52, 13.405, Instant.now()).body(), "Origin", ALLOWED_ORIGIN));

		assertThat(response.status()).isEqualTo(202);
		assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
	}

	@Test
	void pingsStillCountInTheRequestMetricTheAlertsRead() {
		Fixtures.Person driver = fixtures.driver();
		api.get("/v1/drivers/me/shift", driver.token());
		double before = pingsTimed("202");

		api.post(PINGS, driver.token(), Pings.of().at(52.52, 13.405, Instant.now()).body());

		// the request metric is recorded as the exchange completes, which may be a moment after the client has its answer
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(pingsTimed("202")).isEqualTo(before + 1));
		Meter other = meters.find("http.server.requests").tag("uri", "/v1/drivers/me/shift").meters().iterator().next();
		Meter ping = meters.find("http.server.requests").tag("uri", PINGS).tag("status", "202").timer();
		assertThat(tagKeys(ping)).isEqualTo(tagKeys(other));
	}

	private Api.Response counting(String path, Supplier<Api.Response> request) {
		double before = meters.counter("returnit.tracking.ping.requests", "path", path).count();
		Api.Response response = request.get();
		assertThat(meters.counter("returnit.tracking.ping.requests", "path", path).count())
			.as("requests on the %s path", path).isEqualTo(before + 1);
		return response;
	}

	private double pingsTimed(String status) {
		Timer timer = meters.find("http.server.requests").tag("uri", PINGS).tag("status", status).timer();
		return timer == null ? 0 : timer.count();
	}

	private static List<String> tagKeys(Meter meter) {
		return meter.getId().getTags().stream().map(Tag::getKey).sorted().toList();
	}

	private static Map<String, String> headers(Api.Response response) {
		return response.raw().headers().map().entrySet().stream()
			.filter(header -> !PER_ANSWER.contains(header.getKey().toLowerCase()))
			.collect(Collectors.toMap(header -> header.getKey().toLowerCase(), header -> String.join(", ", header.getValue()),
					(a, b) -> a, TreeMap::new));
	}
}
