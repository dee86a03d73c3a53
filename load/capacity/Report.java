import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** target/capacity/index.html: the curve as an inline SVG, the knee, the saturated resource and the projection. */
final class Report {

	private Report() {
	}

	static Path write(Path dir, List<Step> steps, Knee knee, Projection p, String context) throws Exception {
		Files.createDirectories(dir);
		StringBuilder html = new StringBuilder("""
				<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ReturnIt capacity</title>
				<style>body{font:15px system-ui,sans-serif;max-width:960px;margin:2em auto;color:#222}
				table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}
				.bad{color:#b00}.ok{color:#070}</style></head><body><h1>ReturnIt capacity</h1>
				""");
		html.append("<p>").append(esc(context)).append("</p>");
		html.append(svg(steps, knee));
		html.append("<h2>Knee</h2><p>");
		html.append(knee.knee() == null ? "No step stayed within the targets."
				: f("The knee is at <b>%d users, %.1f requests/s</b> (p50 %.0f ms, p95 %.0f ms, %.2f%% errors).",
						knee.knee().users(), knee.knee().rps(), knee.knee().p50(), knee.knee().p95(),
						knee.knee().errorPercent()));
		html.append(f(" Saturation: %s.</p><h2>Saturated resource: %s</h2><ul>", esc(knee.why()),
				esc(knee.resource())));
		knee.resources().forEach(r -> html.append("<li>").append(esc(r)).append("</li>"));
		html.append("</ul><h2>Steps</h2><table><tr><th>users</th><th>req/s</th><th>p50 ms</th><th>p95 ms</th>"
				+ "<th>p99 ms</th><th>errors</th><th>machine cores</th><th>service cores</th><th>PostgreSQL cores</th>"
				+ "<th>Hikari active/pending</th><th>lock waits</th><th>GC</th><th>Gatling report</th></tr>");
		for (Step s : steps) {
			Sampler.Usage u = s.usage();
			html.append(f("<tr class=\"%s\"><td>%d</td><td>%.1f</td><td>%.0f</td><td>%.0f</td><td>%.0f</td>"
					+ "<td>%.2f%%</td><td>%.2f</td><td>%.2f</td><td>%.2f</td><td>%.1f / %.1f</td><td>%.2f</td>"
					+ "<td>%.1f%%</td><td><a href=\"file://%s\">report</a></td></tr>", s.withinTargets() ? "ok" : "bad",
					s.users(), s.rps(), s.p50(), s.p95(), s.p99(), s.errorPercent(), u.machineCores(),
					u.serviceCores(), u.postgresCores(), u.hikariActive(), u.hikariPending(), u.lockWaits(),
					100 * u.gcPauseShare(), esc(s.report())));
		}
		html.append("</table><h2>What the seeds' targets need</h2><table>");
		html.append(f("<tr><th>10,000 requests/min (%.0f req/s), by the knee of this machine</th><td>%d node(s) of %d cores</td></tr>",
				p.targetRps(), p.nodes(), p.nodeCores()));
		html.append(f("<tr><th>20,000 concurrent users of this mix (%.0f req/s)</th><td>%d node(s) of %d cores = %d"
				+ " cores</td></tr>", p.usersRps(), p.usersNodes(), p.nodeCores(), p.usersNodes() * p.nodeCores()));
		html.append(f("<tr><th>by CPU actually used (%.0f req/s per core)</th><td>10,000 req/min: %.1f cores;"
				+ " 20,000 users: %.0f cores (service and PostgreSQL together)</td></tr>", p.rpsPerCore(),
				p.coresFor(p.targetRps()), p.coresFor(p.usersRps())));
		html.append(f("<tr><th>PostgreSQL primary</th><td>%.1f cores</td></tr>", p.dbCores()));
		html.append(f("<tr><th>database growth</th><td>%.0f bytes/request, %.1f GB per 30 days at 10,000 req/min"
				+ "</td></tr></table><p>Targets per node: p50 &lt; 150 ms, p95 &lt; 800 ms, &lt; 1%% errors.</p>",
				p.bytesPerRequest(), p.dbGbPerMonth()));
		html.append("<h3>Assumptions</h3><ul>");
		p.assumptions().forEach(a -> html.append("<li>").append(esc(a)).append("</li>"));
		html.append("</ul></body></html>\n");
		Path index = dir.resolve("index.html");
		Files.writeString(index, html);
		return index;
	}

	/** Throughput (blue, left axis) and p95 (red, right axis) against users; the 800 ms line and the knee. */
	static String svg(List<Step> steps, Knee knee) {
		int w = 760, h = 320, left = 60, right = 60, top = 20, bottom = 40;
		double maxRps = steps.stream().mapToDouble(Step::rps).max().orElse(1) * 1.1;
		double maxP95 = Math.max(1000, steps.stream().mapToDouble(Step::p95).max().orElse(1) * 1.1);
		int n = steps.size();
		StringBuilder svg = new StringBuilder(f("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
				+ " font-size=\"12\"><rect width=\"100%%\" height=\"100%%\" fill=\"#fff\"/>", w, h));
		svg.append(f("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>", left, h - bottom, w - right,
				h - bottom));
		double y800 = top + (h - top - bottom) * (1 - 800 / maxP95);
		svg.append(f("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#c33\" stroke-dasharray=\"4 4\"/>"
				+ "<text x=\"%d\" y=\"%.1f\" fill=\"#c33\">p95 800 ms</text>", left, y800, w - right, y800, w - right - 70,
				y800 - 4));
		StringBuilder rps = new StringBuilder();
		StringBuilder p95 = new StringBuilder();
		for (int i = 0; i < n; i++) {
			Step s = steps.get(i);
			double x = left + (n == 1 ? 0.5 : (double) i / (n - 1)) * (w - left - right);
			double yr = top + (h - top - bottom) * (1 - s.rps() / maxRps);
			double yp = top + (h - top - bottom) * (1 - Math.min(s.p95(), maxP95) / maxP95);
			rps.append(f("%.1f,%.1f ", x, yr));
			p95.append(f("%.1f,%.1f ", x, yp));
			svg.append(f("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>", x, h - bottom + 15, s.users()));
			svg.append(f("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#25c\"/><text x=\"%.1f\" y=\"%.1f\" fill=\"#25c\">"
					+ "%.0f</text>", x, yr, x + 4, yr - 4, s.rps()));
			svg.append(f("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#c33\"/>", x, yp));
			if (s == knee.knee()) {
				svg.append(f("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#070\" stroke-width=\"2\"/>"
						+ "<text x=\"%.1f\" y=\"%d\" fill=\"#070\">knee</text>", x, top, x, h - bottom, x + 4, top + 12));
			}
		}
		svg.append(f("<polyline points=\"%s\" fill=\"none\" stroke=\"#25c\" stroke-width=\"2\"/>", rps));
		svg.append(f("<polyline points=\"%s\" fill=\"none\" stroke=\"#c33\" stroke-width=\"2\"/>", p95));
		svg.append(f("<text x=\"%d\" y=\"%d\" fill=\"#25c\">req/s (max %.0f)</text>", 5, top - 5, maxRps));
		svg.append(f("<text x=\"%d\" y=\"%d\" fill=\"#c33\" text-anchor=\"end\">p95 ms (top %.0f)</text>", w - 5,
				top - 5, maxP95));
		svg.append(f("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">concurrent users</text></svg>", w / 2, h - 5));
		return svg.toString();
	}

	private static String f(String format, Object... args) {
		return String.format(Locale.ROOT, format, args);
	}

	private static String esc(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}
}
