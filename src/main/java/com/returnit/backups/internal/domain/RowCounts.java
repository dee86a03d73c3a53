package com.returnit.backups.internal.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Rows per table ({@code schema.table}), and how two such counts differ. */
public record RowCounts(Map<String, Long> tables) {

	/** One table whose count differs; a missing table counts -1. */
	public record Difference(String table, long expected, long actual) {
	}

	public RowCounts {
		tables = new TreeMap<>(tables);
	}

	public long total() {
		return tables.values().stream().mapToLong(Long::longValue).sum();
	}

	public List<Difference> compareWith(RowCounts actual) {
		List<Difference> differences = new ArrayList<>();
		TreeSet<String> names = new TreeSet<>(tables.keySet());
		names.addAll(actual.tables().keySet());
		for (String name : names) {
			long want = tables.getOrDefault(name, -1L);
			long got = actual.tables().getOrDefault(name, -1L);
			if (want != got) {
				differences.add(new Difference(name, want, got));
			}
		}
		return differences;
	}

	/** One line per table, {@code schema.table<TAB>rows}: the manifest stored beside a backup. */
	public String format() {
		StringBuilder text = new StringBuilder();
		tables.forEach((name, rows) -> text.append(name).append('\t').append(rows).append('\n'));
		return text.toString();
	}

	public static RowCounts parse(String text) {
		Map<String, Long> tables = new TreeMap<>();
		for (String line : text.split("\n")) {
			if (!line.isBlank()) {
				String[] parts = line.split("\t");
				tables.put(parts[0], Long.parseLong(parts[1].trim()));
			}
		}
		return new RowCounts(tables);
	}
}
