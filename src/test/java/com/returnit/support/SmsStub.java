package com.returnit.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Twilio's Messages API as a local HTTP server: checks basic auth, records each form it accepts, and answers 201,
 * or 503 for the first {@code failFirst} requests.
 */
public final class SmsStub implements AutoCloseable {

	public static final String SID = "AC0123456789";
	public static final String TOKEN = "twilio-test-token";

	/** A text message as Twilio received it. */
	public record Sms(String to, String from, String body) {
	}

	private final HttpServer server;
	private final List<Sms> accepted = new CopyOnWriteArrayList<>();
	private final AtomicInteger failFirst = new AtomicInteger();
	private final AtomicInteger refused = new AtomicInteger();

	public SmsStub() {
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		String expectedAuth = "Basic " + java.util.Base64.getEncoder()
			.encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
		server.createContext("/2010-04-01/Accounts/" + SID + "/Messages.json", exchange -> {
			try (exchange) {
				Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
				if (!expectedAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
					exchange.sendResponseHeaders(401, -1);
					return;
				}
				if (failFirst.getAndDecrement() > 0) {
					refused.incrementAndGet();
					exchange.sendResponseHeaders(503, -1);
					return;
				}
				accepted.add(new Sms(form.get("To"), form.get("From"), form.get("Body")));
				byte[] answer = "{\"sid\":\"SM1\",\"status\":\"queued\"}".getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(201, answer.length);
				exchange.getResponseBody().write(answer);
			}
		});
		server.start();
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	public void failNext(int times) {
		failFirst.set(times);
	}

	public int refused() {
		return refused.get();
	}

	public List<Sms> to(String phone) {
		return accepted.stream().filter(s -> s.to().equals(phone)).toList();
	}

	private static Map<String, String> form(String body) {
		Map<String, String> form = new HashMap<>();
		for (String pair : body.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return form;
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
