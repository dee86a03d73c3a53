package com.returnit.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.returnit.ReturnItApplication;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Nodes keep no state of their own: a second node on the same database sees the positions and shifts written
 * through the first, the latest position at once and the nearby-drivers index within seconds. Played out in Auckland.
 */
class SecondNodeTests extends EndToEndTest {

	private static final double LAT = -36.8485;
	private static final double LNG = 174.7633;

	@Autowired
	EmbeddedPostgres postgres;

	@Test
	void aSecondNodeSeesWhatDriversSentToTheFirst() {
		Fixtures.Person person = fixtures.driver();
		UUID driver = UUID.fromString(person.id());
		api.post("/v1/drivers/me/shift/start", person.token(), Map.of());

		try (ConfigurableApplicationContext second = secondNode()) {
			DriverLocator there = second.getBean(DriverLocator.class);
			assertThat(there.latest(driver)).isEmpty();

			ping(person, LAT, LNG, Instant.now().minusSeconds(30));

			assertThat(there.latest(driver)).map(Position::lat).hasValue(LAT);
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(there.nearestOnShift(LAT, LNG, 5,
					Set.of())).extracting(d -> d.position().driverId()).containsExactly(driver));

			ping(person, LAT + 0.005, LNG, Instant.now());
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(there.latest(driver)).map(Position::lat).hasValue(LAT + 0.005));

			api.post("/v1/drivers/me/shift/end", person.token(), Map.of());
			assertThat(there.onShift(driver)).isFalse();
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(there.nearestOnShift(LAT, LNG, 5, Set.of())).isEmpty());
		}
	}

	private void ping(Fixtures.Person driver, double lat, double lng, Instant at) {
		assertThat(api.post("/v1/drivers/me/locations", driver.token(), Pings.of().at(lat, lng, at).body()).status())
			.isEqualTo(202);
	}

	private ConfigurableApplicationContext secondNode() {
		return new SpringApplicationBuilder(ReturnItApplication.class).run("--server.port=0", "--returnit.shutdown.drain-delay=0s",
				"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
				"--returnit.admin.email=" + ADMIN_EMAIL, "--returnit.admin.password=" + ADMIN_PASSWORD,
				"--returnit.admin.totp-secret=" + ADMIN_TOTP_SECRET);
	}
}
