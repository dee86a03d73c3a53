package com.returnit.support;

import com.returnit.ReturnItApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second ReturnIt node in the test JVM: its own Spring context and web server on a free port, over the shared
 * embedded PostgreSQL of {@link EndToEndTest} and with the same operator and settings, as a second process would be.
 */
public final class SecondNode implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private SecondNode(ConfigurableApplicationContext context) {
		this.context = context;
	}

	public static SecondNode start(EmbeddedPostgres database, String... extra) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--returnit.shutdown.drain-delay=0s",
				"--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
				"--spring.datasource.hikari.maximum-pool-size=5", "--returnit.admin.email=" + EndToEndTest.ADMIN_EMAIL,
				"--returnit.admin.password=" + EndToEndTest.ADMIN_PASSWORD,
				"--returnit.admin.totp-secret=" + EndToEndTest.ADMIN_TOTP_SECRET, "--returnit.dispatch.offer-timeout=4s",
				"--returnit.webhooks.allowed-hosts=127.0.0.1",
				// as the shared test context: a reused refresh token revokes its family at once
				"--returnit.security.tokens.reuse-grace=0s"));
		args.addAll(List.of(extra));
		return new SecondNode(new SpringApplicationBuilder(ReturnItApplication.class).run(args.toArray(String[]::new)));
	}

	/** The HTTP client of this node, as a client behind the balancer would reach it. */
	public Api api() {
		return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
	}

	/** A bean of this node, e.g. its MeterRegistry. */
	public <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	@Override
	public void close() {
		context.close();
	}
}
