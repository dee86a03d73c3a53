import java.util.HashMap;
import java.util.Map;

/** {@code --name=value} arguments. */
final class Options {

	private final Map<String, String> values = new HashMap<>();

	static Options parse(String[] args) {
		Options options = new Options();
		for (String arg : args) {
			int eq = arg.indexOf('=');
			if (arg.startsWith("--") && eq > 2) {
				options.values.put(arg.substring(2, eq), arg.substring(eq + 1));
			}
		}
		return options;
	}

	String get(String name) {
		String value = values.get(name);
		if (value == null) {
			throw new IllegalArgumentException("--" + name + "= is required");
		}
		return value;
	}

	boolean has(String name) {
		return values.containsKey(name);
	}

	int integer(String name, int otherwise) {
		return values.containsKey(name) ? Integer.parseInt(values.get(name)) : otherwise;
	}
}
