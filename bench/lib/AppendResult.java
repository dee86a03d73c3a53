import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Appends a benchmark run to its section of docs/benchmarks.md, creating the file or the section (with its
 * introduction) when absent, and leaving every other section as it is.
 *
 * <p>Arguments: the document, the run's markdown, the section heading (e.g. "## Live stream"), and the file holding
 * the section's introduction.
 */
public class AppendResult {

	public static void main(String[] args) throws Exception {
		Path doc = Path.of(args[0]);
		String run = Files.readString(Path.of(args[1])).strip() + "\n";
		String heading = args[2];
		String text = Files.exists(doc) ? Files.readString(doc) : "# Benchmarks\n";
		int section = text.indexOf("\n" + heading + "\n");
		if (section < 0) {
			String intro = Files.readString(Path.of(args[3])).strip() + "\n";
			text = text.stripTrailing() + "\n\n" + heading + "\n\n" + intro + "\n" + run;
		}
		else {
			int next = text.indexOf("\n## ", section + heading.length() + 1);
			int at = next < 0 ? text.length() : next + 1;
			String before = text.substring(0, at).stripTrailing() + "\n\n";
			text = before + run + (next < 0 ? "" : "\n" + text.substring(at));
		}
		Files.writeString(doc, text);
	}
}
