package com.returnit.tracking;

import static com.returnit.support.StreamClient.status;
import static com.returnit.support.StreamClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.ReturnItApplication;
import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.StreamClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.Map;
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

	private ConfigurableApplicationContext secondNode() {
		return new SpringApplicationBuilder(ReturnItApplication.class).run("--server.port=0", "--returnit.shutdown.drain-delay=0s",
				"--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
				"--spring.datasource.hikari.maximum-pool-size=5");
	}
}
