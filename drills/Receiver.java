import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A merchant's webhook receiver on 127.0.0.1: answers 204 and remembers each event (by webhook-id) it was sent. */
final class Receiver implements AutoCloseable {

	private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"([^\"]+)\"");
	private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");

	/** webhook-id -> "type orderId" */
	final Map<String, String> events = new ConcurrentHashMap<>();
	/** "type orderId" pairs received */
	final Set<String> orderEvents = ConcurrentHashMap.newKeySet();
	final AtomicInteger requests = new AtomicInteger();
	private final HttpServer server;

	Receiver() {
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		server.createContext("/", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			requests.incrementAndGet();
			String key = first(TYPE, body) + " " + first(ORDER_ID, body);
			events.put(String.valueOf(exchange.getRequestHeaders().getFirst("webhook-id")), key);
			orderEvents.add(key);
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
	}

	private static String first(Pattern pattern, String body) {
		Matcher m = pattern.matcher(body);
		return m.find() ? m.group(1) : "?";
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
