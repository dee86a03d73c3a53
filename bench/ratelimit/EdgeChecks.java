import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** What a client refused by the load balancer sees, and that the stream's WebSocket upgrade is not counted there. */
final class EdgeChecks {

	record Check(boolean ok, String line) {
	}

	private EdgeChecks() {
	}

	/**
	 * The flooder's requests, one after the other, until the edge refuses one (it may be under the edge's limit just
	 * now: a held refusal slows a flooder to about the limit): 429 problem+json in the service's shape, Retry-After.
	 */
	static Check refusal(String base, String token) throws Exception {
		HttpResponse<String> answer = null;
		int sent = 0;
		while (sent < 5_000 && (answer == null || !answer.headers().firstValue("RateLimit").orElse("").contains("\"edge\""))) {
			answer = RateLimitBench.CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/v1/orders?limit=5"))
				.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			sent++;
		}
		String type = answer.headers().firstValue("Content-Type").orElse("");
		String retryAfter = answer.headers().firstValue("Retry-After").orElse("");
		String limit = answer.headers().firstValue("RateLimit").orElse("");
		String body = answer.body();
		boolean ok = answer.statusCode() == 429 && type.equals("application/problem+json") && !retryAfter.isEmpty()
				&& limit.contains("\"edge\"") && body.contains("\"status\":429") && body.contains("\"title\":\"Too Many Requests\"")
				&& body.contains("\"detail\":") && body.contains("\"instance\":");
		return new Check(ok, "the flooder's request %d after the phase: %d %s, Retry-After %s, RateLimit %s, %s".formatted(
				sent, answer.statusCode(), type, retryAfter, limit, body));
	}

	/** The flooder's WebSocket upgrade of /v1/stream reaches a node: opened, or refused by the service itself. */
	static Check streamUpgrade(String base, String token) throws Exception {
		try {
			WebSocket socket = RateLimitBench.CLIENT.newWebSocketBuilder().header("Authorization", "Bearer " + token)
				.buildAsync(URI.create(base.replaceFirst("^http", "ws") + "/v1/stream"), new WebSocket.Listener() {
				})
				.get(30, TimeUnit.SECONDS);
			socket.abort();
			return new Check(true, "the flooder's WebSocket upgrade of /v1/stream: opened by a node");
		}
		catch (ExecutionException e) {
			if (!(e.getCause() instanceof WebSocketHandshakeException refused)) {
				throw e;
			}
			var answer = refused.getResponse();
			boolean edge = answer.headers().firstValue("RateLimit").orElse("").contains("\"edge\"");
			return new Check(!edge, "the flooder's WebSocket upgrade of /v1/stream: %d from %s".formatted(
					answer.statusCode(), edge ? "the load balancer" : "a node (the service's own limit)"));
		}
	}
}
