import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** A WebSocket subscriber of /v1/stream on one node, as the customer's app is. */
final class Stream implements AutoCloseable {

	private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
	private final WebSocket socket;

	Stream(String base, String token) {
		socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
			.header("Authorization", "Bearer " + token)
			.buildAsync(URI.create(base.replaceFirst("^http", "ws") + "/v1/stream"), new WebSocket.Listener() {
				private final StringBuilder partial = new StringBuilder();

				@Override
				public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
					partial.append(data);
					if (last) {
						messages.add(partial.toString());
						partial.setLength(0);
					}
					webSocket.request(1);
					return null;
				}
			})
			.orTimeout(10, TimeUnit.SECONDS).join();
	}

	void subscribe(String orderId) {
		socket.sendText("{\"action\":\"subscribe\",\"orderId\":\"" + orderId + "\"}", true).join();
	}

	/** Waits for a message matching the regular expression; false after the timeout. */
	boolean await(String regex, Duration timeout) throws InterruptedException {
		Pattern pattern = Pattern.compile(regex);
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			String next = messages.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			if (next != null && pattern.matcher(next).find()) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void close() {
		socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
	}
}
