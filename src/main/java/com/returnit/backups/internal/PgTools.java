package com.returnit.backups.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * pg_dump and pg_restore of a major version at least the server's (pg_dump refuses a newer server): from
 * {@code returnit.backup.pg-bin}, else {@code ~/.cache/returnit/pg18/bin} (where {@code bin/pg-tools} builds them),
 * else the PATH.
 */
final class PgTools {

	private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");

	private final Path bin;

	private PgTools(Path bin) {
		this.bin = bin;
	}

	static PgTools find(@Nullable Path configured, int serverMajor) throws IOException {
		List<Path> candidates = new ArrayList<>();
		if (configured != null) {
			candidates.add(configured);
		}
		candidates.add(Path.of(System.getProperty("user.home"), ".cache", "returnit", "pg18", "bin"));
		Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).filter(p -> !p.isBlank()).map(Path::of)
			.forEach(candidates::add);
		for (Path dir : candidates) {
			if (Files.isExecutable(dir.resolve("pg_dump")) && Files.isExecutable(dir.resolve("pg_restore"))
					&& major(dir.resolve("pg_dump")).orElse(0) >= serverMajor) {
				return new PgTools(dir);
			}
		}
		throw new IOException("no pg_dump/pg_restore of PostgreSQL " + serverMajor + " or later found (looked in "
				+ candidates.subList(0, Math.min(2, candidates.size())) + " and the PATH); run bin/pg-tools, "
				+ "or set returnit.backup.pg-bin");
	}

	String describe() {
		return bin + " (" + run(List.of(bin.resolve("pg_dump").toString(), "--version")).trim() + ")";
	}

	/** Runs pg_dump or pg_restore, handing each line it prints (with --verbose: each table) to {@code progress}. */
	void run(String tool, List<String> arguments, DatabaseTarget target, Consumer<String> progress) throws IOException {
		List<String> command = new ArrayList<>(List.of(bin.resolve(tool).toString()));
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(target.environment());
		Process process = builder.start();
		List<String> tail = new ArrayList<>();
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				progress.accept(line);
				tail.add(line);
				if (tail.size() > 20) {
					tail.removeFirst();
				}
			}
		}
		try {
			int exit = process.waitFor();
			if (exit != 0) {
				throw new IOException(tool + " failed (exit " + exit + "):\n" + String.join("\n", tail));
			}
		}
		catch (InterruptedException e) {
			process.destroy();
			Thread.currentThread().interrupt();
			throw new IOException(tool + " interrupted", e);
		}
	}

	private static Optional<Integer> major(Path tool) {
		Matcher matcher = VERSION.matcher(run(List.of(tool.toString(), "--version")));
		return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
	}

	private static String run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor();
			return out;
		}
		catch (IOException e) {
			return "";
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return "";
		}
	}
}
