package com.returnit.tracking;

import static com.returnit.support.StreamClient.status;
import static com.returnit.support.StreamClient.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.ReturnItApplication;
import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.StreamClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Two nodes on one database behave as one: a subscriber on node 2 sees a change made through node 1. */
class TwoNodeStreamTests extends EndToEndTest {

	@Autowired
	EmbeddedPostgres database;

	@Test
	void aSubscriberOnTheSecondNodeSeesAChangeMadeOnTheFirst() throws Exception {
		var merchant = fixtures.merchant("Two Nodes");
		var customer = fixtures.customer();
		String orderId = fixtures.order(customer, merchant);

		try (ConfigurableApplicationContext node2 = secondNode()) {
			int port2 = ((WebServerApplicationContext) node2).getWebServer().getPort();
			assertThat(new Api(port2).get("/v1/orders/" + orderId, customer.token()).status())
				.as("a token issued by node 1 works on node 2").isEqualTo(200);
			try (var stream = StreamClient.connect(port2, customer.token(), "")) {
				stream.subscribe(orderId);
				stream.await(type("subscribed"), Duration.ofSeconds(10));

				api.post("/v1/orders/" + orderId + "/cancel", customer.token(), Map.of("reason", "via node 1"));

				assertThat(stream.await(status("cancelled"), Duration.ofSeconds(10)).get("data").get("reason")
					.asString()).isEqualTo("via node 1");
			}
		}
	}

	@Test
	void aPositionCommittedOnOneNodeIsKnownOnTheOtherAtOnceNotAtItsNextRefresh() throws Exception {
		var driver = fixtures.driver();
		UUID driverId = UUID.fromString(driver.id());
		Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);

		try (ConfigurableApplicationContext node2 = secondNode("--returnit.tracking.refresh-interval=1h")) {
			DriverLocator locatorOnNode2 = node2.getBean(DriverLocator.class);
			api.post("/v1/drivers/me/locations", driver.token(), Pings.of().at(52.5290, 13.4100, at.minusSeconds(5)).body());
			assertThat(locatorOnNode2.latest(driverId)).as("read from PostgreSQL, then cached on node 2")
				.map(Position::lat).hasValue(52.5290);

			api.post("/v1/drivers/me/locations", driver.token(), Pings.of().at(52.5300, 13.4100, at).body());

			await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(
					locatorOnNode2.latest(driverId))
				.hasValue(new Position(driverId, 52.5300, 13.4100, at)));
		}
	}

	private ConfigurableApplicationContext secondNode(String... extra) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--returnit.shutdown.drain-delay=0s",
				"--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
				"--spring.datasource.hikari.maximum-pool-size=5"));
		args.addAll(List.of(extra));
		return new SpringApplicationBuilder(ReturnItApplication.class).run(args.toArray(String[]::new));
	}
}
