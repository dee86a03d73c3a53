import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Appends a run to the "## Location pings" section of docs/benchmarks.md, creating the file or the section when
 * absent, and leaving every other section (for example "## Bookings") as it is.
 */
public class AppendResult {

	static final String HEADING = "## Location pings";

	public static void main(String[] args) throws Exception {
		Path doc = Path.of(args[0]);
		String run = Files.readString(Path.of(args[1])).strip() + "\n";
		String text = Files.exists(doc) ? Files.readString(doc) : "# Benchmarks\n";
		int section = text.indexOf("\n" + HEADING + "\n");
		if (section < 0) {
			text = text.stripTrailing() + "\n\n" + HEADING + "\n\n" + intro() + "\n" + run;
		}
		else {
			int next = text.indexOf("\n## ", section + HEADING.length() + 1);
			int at = next < 0 ? text.length() : next + 1;
			String before = text.substring(0, at).stripTrailing() + "\n\n";
			text = before + run + (next < 0 ? "" : "\n" + text.substring(at));
		}
		Files.writeString(doc, text);
	}

	static String intro() {
		return """
				`bench/pings/run.sh` measures `POST /v1/drivers/me/locations` answered 202 (pings durable in PostgreSQL,
				written in batches by one writer, ADR 0007) against the raw rate of single-row INSERTs, each its own
				transaction, into the same table at the same concurrency. Aims: at least 5,000 pings/s at 1 ping per
				request, 30,000 pings/s at 10 per request on 2 cores, and at least twice the raw rate.
				""";
	}
}
