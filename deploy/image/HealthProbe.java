import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The image's health check, for runtimes that run a command (Docker's HEALTHCHECK, Compose): exits 0 when the
 * service's readiness endpoint answers 200, else 1. The image has no shell or curl; Kubernetes probes over HTTP.
 *
 * Argument: the actuator path (default /actuator/health/readiness). The port is SERVER_PORT (default 8080).
 */
public final class HealthProbe {

	public static void main(String[] args) {
		String path = args.length > 0 ? args[0] : "/actuator/health/readiness";
		String port = System.getenv().getOrDefault("SERVER_PORT", "8080");
		try {
			var connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
			connection.setConnectTimeout(2000);
			connection.setReadTimeout(3000);
			int status = connection.getResponseCode();
			System.out.println(path + " " + status);
			System.exit(status == 200 ? 0 : 1);
		}
		catch (Exception e) {
			System.out.println(path + " unreachable: " + e);
			System.exit(1);
		}
	}
}
