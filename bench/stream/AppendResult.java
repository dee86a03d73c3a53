import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Appends a run to the "## Live stream" section of docs/benchmarks.md, creating the file or the section when
 * absent, and leaving every other section (for example "## Bookings") as it is.
 */
public class AppendResult {

	static final String HEADING = "## Live stream";

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
				`bench/stream/run.sh` connects WebSocket subscribers to `/v1/stream` on one node (operator token, each
				subscribed to one order with an assigned driver) while the drivers ping at a fixed rate, and measures
				delivery latency = time the client receives a `driver.position` message minus the ping's `recordedAt`
				(`data.at`; client and service share the clock). Aim (product issue): 5,000 concurrent subscribers,
				delivery p95 <= 500 ms, heap per connection stated (service heap used after a full GC, with minus
				without the subscribers, divided by their number). Positions are pushed by a 1 s feed (ADR 10), so a
				position waits up to a second for the next tick by design.
				""";
	}
}
