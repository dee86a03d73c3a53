package com.returnit.operations;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.returnit.support.EndToEndTest;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The service as an operator runs it in production: JSON logs, spans exported to an OTLP receiver (a JDK HTTP server
 * here that keeps what it receives), alert e-mails to an SMTP server (GreenMail), a scrape token, and short clocks
 * for the alert rules. One context shared by the operations test classes, on its own database.
 */
@TestPropertySource(properties = { "returnit.test.database=operations", "spring.profiles.active=json-logs",
		"returnit.operations.scrape-token=" + OperationsTest.SCRAPE_TOKEN, "returnit.operations.slow-query=300ms",
		"returnit.operations.alerts.evaluate-every=300ms", "returnit.operations.alerts.pending-for=1s",
		"returnit.operations.history-flush=300ms", "returnit.operations.event-backlog.max=3",
		"returnit.operations.event-backlog.max-age=30s", "management.opentelemetry.tracing.export.schedule-delay=200ms",
		"returnit.operations.alerts.email-to=ops@test.returnit.local" })
public abstract class OperationsTest extends EndToEndTest {

	static final String SCRAPE_TOKEN = "scrape-token-for-tests-0123456789";

	/** Bodies of OTLP/HTTP trace exports (protobuf), as received. */
	static final List<byte[]> TRACE_EXPORTS = new CopyOnWriteArrayList<>();
	static final HttpServer OTLP = otlpReceiver();
	static final GreenMail SMTP = smtp();

	@DynamicPropertySource
	static void operationsProperties(DynamicPropertyRegistry registry) {
		registry.add("management.opentelemetry.tracing.export.otlp.endpoint",
				() -> "http://localhost:" + OTLP.getAddress().getPort() + "/v1/traces");
		registry.add("spring.mail.host", () -> "localhost");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
	}

	private static HttpServer otlpReceiver() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
			server.createContext("/v1/traces", exchange -> {
				TRACE_EXPORTS.add(exchange.getRequestBody().readAllBytes());
				exchange.sendResponseHeaders(200, -1);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static GreenMail smtp() {
		GreenMail mail = new GreenMail(new ServerSetup(0, "localhost", ServerSetup.PROTOCOL_SMTP));
		mail.start();
		return mail;
	}
}
