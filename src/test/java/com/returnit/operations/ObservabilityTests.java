package com.returnit.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.support.Api;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What an operator's tools receive: Prometheus metrics behind the scrape token, JSON log lines that carry the trace
 * and request ids, an access line per request, slow queries with their statement, and spans at the OTLP endpoint.
 */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTests extends OperationsTest {

	@Autowired
	DataSource dataSource;

	@Test
	void prometheusMayScrapeWithTheTokenAndNobodyWithout() {
		assertThat(api.get("/actuator/prometheus", null).status()).isEqualTo(401);
		assertThat(api.get("/actuator/prometheus", "not-the-token").status()).isEqualTo(401);
		assertThat(api.get("/actuator/prometheus", fixtures.operatorToken()).status())
			.as("not even an operator's login: only the scrape token").isEqualTo(401);
		assertThat(api.get("/actuator/prometheus", SCRAPE_TOKEN).status()).isEqualTo(200);
	}

	@Test
	void metricsCoverRequestsPerRouteBookingsDriversOffersPoolJvmAndDatabase() {
		var merchant = fixtures.merchant("Metrics Shop");
		var customer = fixtures.customer();
		String order = fixtures.order(customer, merchant);
		api.get("/v1/orders/" + order, customer.token());
		var driver = fixtures.driver();
		fixtures.onShiftAt(driver, 52.52, 13.40);
		try {
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				String metrics = scrape();
				assertThat(metrics)
					.contains("http_server_requests_seconds_bucket{application=\"returnit\"")
					.containsPattern("http_server_requests_seconds_count\\{.*method=\"GET\".*uri=\"/v1/orders/\\{id\\}\"")
					.containsPattern("(?m)^returnit_bookings_total\\{application=\"returnit\"} [1-9]")
					.containsPattern("(?m)^returnit_drivers_on_shift\\{application=\"returnit\"} [1-9]")
					.containsPattern("returnit_orders\\{application=\"returnit\",status=\"scheduled\"} [1-9]")
					.contains("returnit_tracking_pings_written_total", "returnit_dispatch_offers_total",
							"hikaricp_connections_active", "jvm_memory_used_bytes", "process_cpu_usage",
							"returnit_db_size_bytes", "returnit_db_commits_total", "returnit_events_backlog",
							"disk_free_bytes");
			});
		}
		finally {
			fixtures.offShift(driver);
		}
	}

	@Test
	void everyLogLineIsJsonWithTraceAndRequestIdAndEachRequestHasAnAccessLine(CapturedOutput output) {
		String token = fixtures.operatorToken();
		// a trace the caller did not sample (flags 00): not recorded, yet its id is on every line of the request
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		Api.Response response = api.send("GET", "/v1/service-areas", token, null, "X-Request-Id", "req-observability-1",
				"traceparent", "00-" + traceId + "-00f067aa0ba902b7-00");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("X-Request-Id")).isEqualTo("req-observability-1");

		JsonNode access = await().atMost(Duration.ofSeconds(5))
			.until(() -> jsonLines(output).filter(l -> "req-observability-1".equals(l.path("requestId").asString(null)))
				.filter(l -> "returnit.access".equals(l.path("log").path("logger").asString(null))).findFirst()
				.orElse(null), line -> line != null);
		assertThat(access.path("message").asString()).startsWith("GET /v1/service-areas 200 ").contains(" ms operator:");
		assertThat(access.path("http").path("route").asString()).isEqualTo("/v1/service-areas");
		assertThat(access.path("principal").asString()).startsWith("operator:");
		assertThat(access.path("traceId").asString()).isEqualTo(traceId);
		assertThat(access.path("spanId").asString()).hasSize(16);

		// a request that brings no trace (most do) gets one of its own, sampled or not, on its lines too
		api.send("GET", "/v1/service-areas", token, null, "X-Request-Id", "req-observability-2");
		JsonNode own = await().atMost(Duration.ofSeconds(5))
			.until(() -> jsonLines(output).filter(l -> "req-observability-2".equals(l.path("requestId").asString(null)))
				.filter(l -> "returnit.access".equals(l.path("log").path("logger").asString(null))).findFirst()
				.orElse(null), line -> line != null);
		assertThat(own.path("traceId").asString()).matches("[0-9a-f]{32}").isNotEqualTo(traceId);
	}

	@Test
	void aQuerySlowerThanTheThresholdIsLoggedAsAWarningWithItsStatement(CapturedOutput output) {
		JdbcClient.create(dataSource).sql("SELECT pg_sleep(0.4) AS slow_query_for_the_test").query(String.class).list();

		JsonNode warning = await().atMost(Duration.ofSeconds(5))
			.until(() -> jsonLines(output).filter(l -> l.path("message").asString("").startsWith("Slow query"))
				.filter(l -> l.path("message").asString("").contains("slow_query_for_the_test")).findFirst().orElse(null),
					line -> line != null);
		assertThat(warning.path("log").path("level").asString()).isEqualTo("WARN");
		assertThat(warning.path("db").path("statement").asString()).isEqualTo("SELECT pg_sleep(0.4) AS slow_query_for_the_test");
	}

	@Test
	void spansOfARequestTheCallerSampledArriveAtTheConfiguredOtlpEndpoint() {
		// one request in ten is sampled by the service; a caller's sampled traceparent (flags 01) always is
		String token = fixtures.operatorToken();
		String unsampled = "5bf92f3577b34da6a3ce929d0e0e4737";
		api.send("GET", "/v1/service-areas", token, null, "traceparent", "00-" + unsampled + "-00f067aa0ba902b7-00");
		String sampled = "0af7651916cd43dd8448eb211c80319c";
		api.send("GET", "/v1/service-areas", token, null, "traceparent", "00-" + sampled + "-b7ad6b7169203331-01");

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(exports())
			.anySatisfy(body -> assertThat(body).contains("returnit").contains("/v1/service-areas")
				.contains(traceIdBytes(sampled))));
		assertThat(exports()).as("the trace its caller did not sample, sent first").noneMatch(
				body -> body.contains(traceIdBytes(unsampled)));
	}

	private static Stream<String> exports() {
		return TRACE_EXPORTS.stream().map(body -> new String(body, StandardCharsets.ISO_8859_1));
	}

	/** A trace id as OTLP's protobuf carries it: 16 raw bytes. */
	private static String traceIdBytes(String hex) {
		return new String(java.util.HexFormat.of().parseHex(hex), StandardCharsets.ISO_8859_1);
	}

	private String scrape() {
		Api.Response response = api.get("/actuator/prometheus", SCRAPE_TOKEN);
		assertThat(response.status()).isEqualTo(200);
		return response.raw().body();
	}

	private static Stream<JsonNode> jsonLines(CapturedOutput output) {
		List<JsonNode> lines = output.getOut().lines().filter(l -> l.startsWith("{")).map(l -> {
			try {
				return Api.JSON.readTree(l);
			}
			catch (RuntimeException e) {
				return null;
			}
		}).filter(n -> n != null).toList();
		return lines.stream();
	}
}
