import java.util.List;
import java.util.Locale;

/** A hand-written SVG: throughput bars on the left, p50/p99 bars per phase on the right with the p99 aim. */
final class Chart {

	private static final int HEIGHT = 360;
	private static final int TOP = 50;
	private static final int BOTTOM = 300;

	private Chart() {
	}

	static String svg(Latencies.Summary http, Latencies.Summary raw, Latencies.Summary half, int clients,
			double aimMs) {
		StringBuilder s = new StringBuilder();
		s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"760\" height=\"").append(HEIGHT)
			.append("\" font-family=\"sans-serif\" font-size=\"12\">\n")
			.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
		text(s, 20, 24, "Booking benchmark, " + clients + " clients, "
				+ Runtime.getRuntime().availableProcessors() + " cores", "bold", "start");
		double maxRate = Math.max(http.perSecond(), raw.perSecond()) * 1.15;
		text(s, 150, TOP - 8, "bookings/s (saturated)", "normal", "middle");
		axis(s, 60, 250);
		bar(s, 80, 60, http.perSecond(), maxRate, "#3b6fb6", "%.0f", "HTTP");
		bar(s, 160, 60, raw.perSecond(), maxRate, "#9aa5b1", "%.0f", "raw JDBC");
		double maxMs = Math.max(aimMs, List.of(http.p99(), raw.p99(), half.p99()).stream()
			.mapToDouble(Double::doubleValue).max().orElse(aimMs)) * 1.15;
		text(s, 540, TOP - 8, "latency ms: p50 (light) and p99 (dark)", "normal", "middle");
		axis(s, 330, 730);
		String[] names = { "HTTP saturated", "raw saturated", "HTTP at half rate" };
		Latencies.Summary[] phases = { http, raw, half };
		for (int i = 0; i < phases.length; i++) {
			int x = 350 + i * 130;
			bar(s, x, 45, phases[i].p50(), maxMs, "#a9c4e8", "%.1f", null);
			bar(s, x + 50, 45, phases[i].p99(), maxMs, "#1f4e8c", "%.1f", null);
			text(s, x + 47, BOTTOM + 18, names[i], "normal", "middle");
		}
		double aimY = y(aimMs, maxMs);
		s.append(String.format(Locale.ROOT,
				"<line x1=\"330\" x2=\"730\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#c0392b\" stroke-dasharray=\"6 4\"/>\n",
				aimY, aimY));
		text(s, 730, HEIGHT - 16, String.format(Locale.ROOT, "red dashes: aim p99 <= %.0f ms at half rate", aimMs),
				"normal", "end");
		text(s, 20, HEIGHT - 16, String.format(Locale.ROOT, "HTTP/raw = %.2f (aim >= 0.5)",
				http.perSecond() / raw.perSecond()), "normal", "start");
		return s.append("</svg>\n").toString();
	}

	private static void bar(StringBuilder s, int x, int width, double value, double max, String colour,
			String format, String label) {
		double top = y(value, max);
		s.append(String.format(Locale.ROOT,
				"<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"/>\n", x, top, width,
				BOTTOM - top, colour));
		text(s, x + width / 2.0, top - 4, String.format(Locale.ROOT, format, value), "normal", "middle");
		if (label != null) {
			text(s, x + width / 2.0, BOTTOM + 18, label, "normal", "middle");
		}
	}

	private static void axis(StringBuilder s, int from, int to) {
		s.append(String.format("<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n", from, to,
				BOTTOM, BOTTOM));
	}

	private static double y(double value, double max) {
		return BOTTOM - (BOTTOM - TOP) * Math.min(value, max) / max;
	}

	private static void text(StringBuilder s, double x, double y, String content, String weight, String anchor) {
		s.append(String.format(Locale.ROOT,
				"<text x=\"%.1f\" y=\"%.1f\" font-weight=\"%s\" text-anchor=\"%s\">%s</text>\n", x, y, weight, anchor,
				content.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")));
	}
}
