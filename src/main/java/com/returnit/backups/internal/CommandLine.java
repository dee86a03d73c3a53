package com.returnit.backups.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code backup [--dir D]} and {@code restore [--dir D] [--file F] (--verify | --into NAME)}; any other
 * {@code --name=value} is a Spring property (e.g. {@code --spring.datasource.url=...}, {@code --returnit.data-dir=...}).
 */
record CommandLine(String command, @Nullable Path file, boolean verify, @Nullable String into,
		List<String> springArguments) {

	private static final Set<String> COMMANDS = Set.of("backup", "restore");
	private static final Map<String, String> AS_PROPERTY = Map.of("--dir", "--returnit.backup.dir");

	static boolean isCommand(String[] args) {
		return args.length > 0 && COMMANDS.contains(args[0]);
	}

	static CommandLine parse(String[] args) {
		List<String> spring = new ArrayList<>();
		Path file = null;
		boolean verify = false;
		String into = null;
		for (int i = 1; i < args.length; i++) {
			String arg = args[i];
			String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
			boolean takesValue = name.equals("--file") || name.equals("--into") || AS_PROPERTY.containsKey(name);
			String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
					: takesValue && i + 1 < args.length ? args[++i] : null;
			switch (name) {
				case "--verify" -> verify = true;
				case "--file" -> file = Path.of(required(name, value));
				case "--into" -> into = required(name, value);
				default -> spring.add(AS_PROPERTY.containsKey(name) ? AS_PROPERTY.get(name) + "=" + required(name, value)
						: arg);
			}
		}
		if (args[0].equals("restore") && verify == (into != null)) {
			throw new IllegalArgumentException("restore needs exactly one of --verify or --into NAME");
		}
		return new CommandLine(args[0], file, verify, into, spring);
	}

	private static String required(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " needs a value");
		}
		return value;
	}
}
