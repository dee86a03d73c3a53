package com.returnit.deploy.image;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An image built by {@code bin/image} from the packaged jar (these tests run after {@code package}, in failsafe) into
 * an OCI layout, and what its index, manifest and configuration say. The base and runtime come from the cache in
 * {@code RETURNIT_IMAGE_CACHE} (default {@code ~/.cache/returnit/image}), unless a test names a cache of its own.
 */
record BuiltImage(Path out, Duration took, String log) {

	static final JsonMapper JSON = JsonMapper.builder().build();
	static final Path PROJECT = Path.of("").toAbsolutePath();
	static final Path JAR = PROJECT.resolve("target/returnit.jar");

	private static BuiltImage shared;

	/** The image of target/image, built once per test run. */
	static synchronized BuiltImage shared() {
		assumeBuildable();
		if (shared == null) {
			shared = build(PROJECT.resolve("target/image"), Map.of(), List.of());
		}
		return shared;
	}

	/**
	 * bin/image and these tests need root (file ownership, unshare and mount) with mmdebstrap and umoci, which
	 * ./test.sh installs; elsewhere (a bare ./mvnw run as a user) they are skipped and say why.
	 */
	static void assumeBuildable() {
		assumeTrue("root".equals(System.getProperty("user.name")), "the image tests run as root (./test.sh in CI)");
		for (String tool : List.of("mmdebstrap", "umoci", "unshare")) {
			assumeTrue(java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
				.anyMatch(dir -> Files.isExecutable(Path.of(dir, tool))), tool + " is not installed (./test.sh installs it)");
		}
	}

	/**
	 * Runs bin/image into {@code out} with extra environment, behind a command prefix (e.g. setpriv), failing with its
	 * output if it fails.
	 */
	static BuiltImage build(Path out, Map<String, String> environment, List<String> prefix) {
		long started = System.nanoTime();
		Path log = out.resolveSibling(out.getFileName() + "-build.log");
		try {
			Files.createDirectories(out.getParent());
			List<String> command = new ArrayList<>(prefix);
			command.addAll(List.of(PROJECT.resolve("bin/image").toString(), "--jar", JAR.toString(), "--out",
					out.toString()));
			var builder = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true)
				.redirectOutput(log.toFile());
			builder.environment().putAll(environment);
			Process process = builder.start();
			if (!process.waitFor(10, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new AssertionError("bin/image took over 10 minutes: " + log);
			}
			String output = Files.readString(log, StandardCharsets.UTF_8);
			if (process.exitValue() != 0) {
				throw new AssertionError("bin/image failed (" + process.exitValue() + "):\n" + output);
			}
			System.out.println(output);
			return new BuiltImage(out, Duration.ofNanos(System.nanoTime() - started), output);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	Path layout() {
		return out.resolve("oci");
	}

	JsonNode blob(String digest) {
		return JSON.readTree(layout().resolve("blobs/sha256/" + digest.substring("sha256:".length())).toFile());
	}

	String manifestDigest() {
		return JSON.readTree(layout().resolve("index.json").toFile()).get("manifests").get(0).get("digest").asString();
	}

	JsonNode manifest() {
		return blob(manifestDigest());
	}

	JsonNode config() {
		return blob(manifest().get("config").get("digest").asString());
	}

	/** Each layer's digest (compressed) by the step of bin/image that made it, bottom to top. */
	Map<String, String> layerDigests() {
		List<String> steps = new ArrayList<>();
		for (JsonNode entry : config().get("history")) {
			if (!entry.path("empty_layer").asBoolean(false)) {
				steps.add(entry.get("created_by").asString());
			}
		}
		Map<String, String> digests = new TreeMap<>();
		JsonNode layers = manifest().get("layers");
		for (int i = 0; i < layers.size(); i++) {
			digests.put(i + " " + steps.get(i), layers.get(i).get("digest").asString());
		}
		return digests;
	}

	/** Bytes a registry stores and a node pulls (gzip), and bytes unpacked on disk (the layers' tars). */
	long compressedBytes() {
		long sum = manifest().get("config").get("size").asLong();
		for (JsonNode layer : manifest().get("layers")) {
			sum += layer.get("size").asLong();
		}
		return sum;
	}
}
