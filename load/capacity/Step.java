import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One rung of the ramp: a Gatling run of the mixed scenarios at {@code users}, and what it measured. */
record Step(int users, double rps, double p50, double p95, double p99, long requests, long failed, String report,
		Sampler.Usage usage) {

	double errorPercent() {
		return requests == 0 ? 100 : 100.0 * failed / requests;
	}

	/** Whether the seeds' latency and error targets held at this step. */
	boolean withinTargets() {
		return requests > 0 && p50 < 150 && p95 < 800 && errorPercent() < 1;
	}

	/** Runs the step through the root Maven wrapper, echoing Gatling's progress lines, and parses its summary. */
	static Step run(List<String> command, int users, Sampler sampler) throws Exception {
		Process gatling = new ProcessBuilder(command).redirectErrorStream(true).start();
		sampler.start();
		List<String> lines = new ArrayList<>();
		try (BufferedReader out = new BufferedReader(new InputStreamReader(gatling.getInputStream(),
				StandardCharsets.UTF_8))) {
			for (String line; (line = out.readLine()) != null;) {
				lines.add(line);
				if (line.contains(" elapsed") || line.startsWith("Seed") || line.startsWith("Profile")
						|| line.contains("ERROR")) {
					System.out.println("    " + line.strip());
				}
			}
		}
		gatling.waitFor();
		Sampler.Usage usage = sampler.stop();
		String summary = String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		return new Step(users, number(summary, "mean throughput \\(rps\\)"), number(summary, "50th percentile \\(ms\\)"),
				number(summary, "95th percentile \\(ms\\)"), number(summary, "99th percentile \\(ms\\)"),
				(long) number(summary, "request count"), (long) ko(summary),
				find(summary, "file://(\\S+index\\.html)"), usage);
	}

	private static double number(String text, String label) {
		Matcher m = Pattern.compile("> (?:response time )?" + label + "\\s*\\|\\s*([\\d,.]+)").matcher(text);
		return m.find() ? Double.parseDouble(m.group(1).replace(",", "")) : -1;
	}

	private static double ko(String text) {
		Matcher m = Pattern.compile("> request count\\s*\\|[^|]*\\|[^|]*\\|\\s*([\\d,]+|-)").matcher(text);
		return !m.find() || m.group(1).equals("-") ? 0 : Double.parseDouble(m.group(1).replace(",", ""));
	}

	private static String find(String text, String regex) {
		Matcher m = Pattern.compile(regex).matcher(text);
		return m.find() ? m.group(1) : "";
	}
}
