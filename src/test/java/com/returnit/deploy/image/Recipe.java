package com.returnit.deploy.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The image recipe's shared inputs (deploy/image/recipe.env, jvm-options) and how a Dockerfile uses them: the
 * differences between the two, one sentence each, so that the Dockerfile and bin/image cannot drift apart.
 */
final class Recipe {

	static final Path DIR = Path.of("deploy/image");

	final Map<String, String> settings = new LinkedHashMap<>();
	final String jvmOptions;

	Recipe() {
		for (String line : read(DIR.resolve("recipe.env")).split("\n")) {
			if (!line.isBlank() && !line.startsWith("#")) {
				settings.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
			}
		}
		jvmOptions = read(DIR.resolve("jvm-options")).strip();
	}

	String get(String key) {
		return settings.get(key);
	}

	/** The image's process environment, as bin/image configures it. */
	Map<String, String> environment() {
		return Map.of("PATH", get("JAVA_HOME") + "/bin:/usr/bin:/bin", "JAVA_HOME", get("JAVA_HOME"),
				"JAVA_TOOL_OPTIONS", jvmOptions);
	}

	List<String> entrypoint() {
		return List.of(get("JAVA_HOME") + "/bin/java", get("MAIN_CLASS"));
	}

	List<String> healthCommand() {
		return List.of(get("JAVA_HOME") + "/bin/java", "-Xms8m", "-Xmx32m", "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1", "-cp", get("HEALTH_DIR"), get("HEALTH_CLASS"));
	}

	/** Where the Dockerfile's final image differs from this recipe (empty: in step). */
	List<String> drift(String dockerfile) {
		List<String> drift = new ArrayList<>();
		List<String[]> all = instructions(dockerfile);
		for (String script : List.of("make-base /rootfs", "make-runtime /runtime", "make-app-layers /returnit.jar /layers")) {
			if (all.stream().noneMatch(i -> i[0].equals("RUN") && i[1].endsWith("/recipe/" + script))) {
				drift.add("no stage runs deploy/image/" + script);
			}
		}
		if (all.stream().filter(i -> i[0].equals("COPY") && i[1].equals("deploy/image/ /recipe/")).count() != 3) {
			drift.add("not every stage copies deploy/image/ to /recipe/");
		}
		int last = 0;
		for (int i = 0; i < all.size(); i++) {
			if (all.get(i)[0].equals("FROM")) {
				last = i;
			}
		}
		List<String[]> image = all.subList(last, all.size());
		if (!image.get(0)[1].equals("scratch")) {
			drift.add("the final stage is not FROM scratch but " + image.get(0)[1]);
		}
		List<String> layers = new ArrayList<>(List.of("--from=base /rootfs/ /", "--from=runtime /runtime/ /"));
		for (String layer : get("BOOT_LAYERS").split(" ")) {
			layers.add("--from=app /layers/" + layer + "/ /");
		}
		List<String> copies = image.stream().filter(i -> i[0].equals("COPY")).map(i -> i[1]).toList();
		if (!copies.equals(layers)) {
			drift.add("layers " + copies + " instead of " + layers);
		}
		Map<String, String> env = new LinkedHashMap<>();
		image.stream().filter(i -> i[0].equals("ENV")).forEach(i -> {
			String[] pair = i[1].split("=", 2);
			env.put(pair[0], pair[1].replaceAll("^\"|\"$", ""));
		});
		if (!env.equals(environment())) {
			drift.add("ENV " + env + " instead of " + environment());
		}
		expect(drift, image, "USER", get("USER_ID") + ":" + get("USER_ID"));
		expect(drift, image, "WORKDIR", get("APP_DIR"));
		expect(drift, image, "EXPOSE", get("PORT") + "/tcp");
		expect(drift, image, "STOPSIGNAL", "SIGTERM");
		expect(drift, image, "ENTRYPOINT", json(entrypoint()));
		expect(drift, image, "HEALTHCHECK", "--interval=30s --timeout=10s --start-period=60s CMD " + json(healthCommand()));
		return drift;
	}

	private static void expect(List<String> drift, List<String[]> image, String instruction, String value) {
		List<String> found = image.stream().filter(i -> i[0].equals(instruction)).map(i -> i[1]).toList();
		if (!found.equals(List.of(value))) {
			drift.add(instruction + " " + found + " instead of " + value);
		}
	}

	/** Instruction and arguments, continuation lines joined, comments left out. */
	static List<String[]> instructions(String dockerfile) {
		List<String[]> instructions = new ArrayList<>();
		String joined = dockerfile.replaceAll("[ \\t]*\\\\\n\\s*", " ");
		for (String line : joined.split("\n")) {
			String trimmed = line.strip();
			if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
				String[] parts = trimmed.split("\\s+", 2);
				instructions.add(new String[] { parts[0].toUpperCase(), parts.length > 1 ? parts[1].strip() : "" });
			}
		}
		return instructions;
	}

	static String json(List<String> values) {
		return JsonMapper.builder().build().writeValueAsString(values).replace(",", ", ");
	}

	static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
