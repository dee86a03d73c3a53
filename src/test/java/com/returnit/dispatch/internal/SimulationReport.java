package com.returnit.dispatch.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The simulation's results as a Markdown table and a small SVG bar chart, one panel per measure. */
final class SimulationReport {

	private record Measure(String name, ToDoubleFunction<DispatchSimulation.Result> value) {
	}

	private static final List<Measure> MEASURES = List.of(
			new Measure("Total driver km", DispatchSimulation.Result::totalKm),
			new Measure("Mean lateness (min)", DispatchSimulation.Result::meanLate),
			new Measure("p95 lateness (min)", DispatchSimulation.Result::p95Late),
			new Measure("Never assigned", r -> r.unassigned()));

	private SimulationReport() {
	}

	static String table(SimulatedDay.Shape shape, Replay.Settings settings, List<DispatchSimulation.Result> all) {
		StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
				"Seed %d: %d drivers, %d orders over %d h; %.0f km/h, %d min service, batch every %d s, %d candidates per order; urgency %.2f km per minute over %d min.%n%n",
				shape.seed(), shape.drivers(), shape.orders(), shape.length().toHours(), settings.speedKmh(),
				settings.serviceTime().toMinutes(), settings.batchInterval().toSeconds(), settings.candidates(),
				settings.urgency().kmPerMinute(), settings.urgency().horizon().toMinutes()));
		md.append("| Policy | Assigned | Never assigned | Total driver km | km per pickup | Mean lateness (min) | p95 lateness (min) | On time |\n");
		md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
		for (DispatchSimulation.Result r : all) {
			md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.2f | %.1f | %.1f | %.1f%% |%n",
					label(r.policy()), r.assigned(), r.unassigned(), r.totalKm(),
					r.assigned() == 0 ? 0 : r.totalKm() / r.assigned(), r.meanLate(), r.p95Late(), 100 * r.onTimeShare()));
		}
		return md.toString();
	}

	private static String label(Replay.Policy policy) {
		return switch (policy) {
			case GREEDY -> "greedy";
			case BATCHED_DISTANCE_ONLY -> "batched, km";
			case BATCHED -> "batched, urgent";
		};
	}

	static void write(Path dir, String table, List<DispatchSimulation.Result> all) throws IOException {
		Files.createDirectories(dir);
		Files.writeString(dir.resolve("results.md"), "# Dispatch: greedy vs batched\n\n" + table);
		Files.writeString(dir.resolve("results.svg"), svg(all));
	}

	private static String svg(List<DispatchSimulation.Result> all) {
		int panelWidth = 240;
		int height = 240;
		String[] colours = { "#c0504d", "#4f81bd", "#9bbb59" };
		StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
				panelWidth * MEASURES.size(), height));
		for (int m = 0; m < MEASURES.size(); m++) {
			Measure measure = MEASURES.get(m);
			double max = all.stream().mapToDouble(measure.value()).max().orElse(1);
			int x0 = m * panelWidth;
			svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" text-anchor=\"middle\">%s</text>%n",
					x0 + panelWidth / 2, measure.name()));
			for (int p = 0; p < all.size(); p++) {
				double value = measure.value().applyAsDouble(all.get(p));
				double bar = max <= 0 ? 0 : 160 * value / max;
				int x = x0 + 20 + p * 70;
				svg.append(String.format(Locale.ROOT,
						"<rect x=\"%d\" y=\"%.1f\" width=\"50\" height=\"%.1f\" fill=\"%s\"/>"
								+ "<text x=\"%d\" y=\"%.1f\" text-anchor=\"middle\">%.1f</text>"
								+ "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
						x, 200 - bar, bar, colours[p % colours.length], x + 25, 196 - bar, value, x + 25, 218,
						label(all.get(p).policy())));
			}
		}
		return svg.append("</svg>\n").toString();
	}
}
