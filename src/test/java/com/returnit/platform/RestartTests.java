package com.returnit.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.ReturnItApplication;
import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import com.returnit.support.TestDirectories;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded database keeps its data on disk: a stopped and restarted service has lost nothing. */
class RestartTests {

	@Test
	void ordersAccountsAndSigningKeysSurviveARestart() throws Exception {
		Path dataDir = TestDirectories.create("restart");
		String orderId;
		String customerToken;
		String orderBody;
		try (var first = start(dataDir)) {
			Api api = new Api(port(first));
			Fixtures fixtures = new Fixtures(api);
			var merchant = fixtures.merchant("Survivor");
			var customer = fixtures.customer();
			customerToken = customer.token();
			orderId = fixtures.order(customer, merchant);
			orderBody = api.get("/v1/orders/" + orderId, customerToken).raw().body();
		}

		try (var second = start(dataDir)) {
			Api api = new Api(port(second));
			Api.Response order = api.get("/v1/orders/" + orderId, customerToken);

			assertThat(order.status()).as("the token signed before the restart is still valid").isEqualTo(200);
			assertThat(order.raw().body()).isEqualTo(orderBody);
			assertThat(new Fixtures(api).operatorToken()).isNotBlank();
		}
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(ReturnItApplication.class).run("--server.port=0",
				"--returnit.data-dir=" + dataDir, "--returnit.shutdown.drain-delay=0s", "--returnit.admin.email=" + EndToEndTest.ADMIN_EMAIL,
				"--returnit.admin.password=" + EndToEndTest.ADMIN_PASSWORD,
				"--returnit.admin.totp-secret=" + EndToEndTest.ADMIN_TOTP_SECRET);
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}
}
