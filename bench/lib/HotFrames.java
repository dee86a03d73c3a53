import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording's CPU samples went, for the samples whose stack contains {@code include} and not
 * {@code exclude}: the hottest leaf methods (self time) and the hottest methods anywhere on the stack (inclusive
 * time), as shares of those samples.
 * <pre>java bench/lib/HotFrames.java service.jfr CoyoteAdapter Argon2 [top]</pre>
 */
public class HotFrames {

	public static void main(String[] args) throws Exception {
		String include = args[1];
		String exclude = args.length > 2 ? args[2] : "\u0000";
		int top = args.length > 3 ? Integer.parseInt(args[3]) : 30;
		Map<String, Integer> self = new HashMap<>();
		Map<String, Integer> inclusive = new HashMap<>();
		int samples = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
			if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
				continue;
			}
			List<RecordedFrame> frames = event.getStackTrace().getFrames();
			List<String> names = frames.stream()
				.map(f -> f.getMethod().getType().getName() + "." + f.getMethod().getName())
				.toList();
			if (names.stream().noneMatch(n -> n.contains(include)) || names.stream().anyMatch(n -> n.contains(exclude))) {
				continue;
			}
			samples++;
			self.merge(names.getFirst(), 1, Integer::sum);
			Set<String> seen = new HashSet<>(names);
			seen.forEach(n -> inclusive.merge(n, 1, Integer::sum));
		}
		System.out.printf("%d samples with %s and without %s%n", samples, include, exclude);
		print("self", self, samples, top);
		print("inclusive", inclusive, samples, top * 2);
	}

	private static void print(String title, Map<String, Integer> counts, int samples, int top) {
		System.out.println("-- " + title);
		counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
			.forEach(e -> System.out.printf("%5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, samples), e.getKey()));
	}
}
