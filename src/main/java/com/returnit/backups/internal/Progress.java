package com.returnit.backups.internal;

import java.util.function.Consumer;

/** Turns pg_dump's and pg_restore's --verbose lines into "[3/25] public.orders" progress; errors pass through. */
final class Progress implements Consumer<String> {

	private final Consumer<String> out;
	private final int total;
	private final String marker;
	private int done;

	Progress(Consumer<String> out, int total, String marker) {
		this.out = out;
		this.total = total;
		this.marker = marker;
	}

	@Override
	public void accept(String line) {
		int at = line.indexOf(marker);
		if (at >= 0) {
			done++;
			out.accept("  [" + done + "/" + total + "] " + line.substring(at + marker.length()).replace("\"", ""));
		}
		else if (line.contains("error") || line.contains("warning")) {
			out.accept("  " + line);
		}
	}
}
