package com.returnit.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The rules the service evaluates itself are those Prometheus evaluates: same names, severities, thresholds, waits. */
class AlertRulesTests {

	private static final Pattern THRESHOLD = Pattern.compile(">\\s*([0-9.]+)\\s*$");
	private static final List<String> PROMETHEUS_ONLY = List.of("ServiceDown");

	@Test
	void everyInServiceRuleIsInAlertsYmlWithTheSameSeverityThresholdAndFor() throws IOException {
		Map<String, Map<String, Object>> prometheus = prometheusRules();
		List<AlertRule> inService = AlertRules.all();

		assertThat(inService).extracting(AlertRule::name)
			.containsExactlyInAnyOrderElementsOf(prometheus.keySet().stream().filter(n -> !PROMETHEUS_ONLY.contains(n))
				.toList());
		for (AlertRule rule : inService) {
			Map<String, Object> twin = prometheus.get(rule.name());
			assertThat(((Map<?, ?>) twin.get("labels")).get("severity")).as(rule.name()).isEqualTo(rule.severity());
			assertThat(duration(twin.get("for").toString())).as(rule.name()).isEqualTo(rule.pendingFor());
			String expr = twin.get("expr").toString().replaceAll("\\)\\s*and on.*", ")").replaceAll("\\)$", "");
			Matcher threshold = THRESHOLD.matcher(expr);
			assertThat(threshold.find()).as(rule.name() + ": " + expr).isTrue();
			assertThat(Double.parseDouble(threshold.group(1))).as(rule.name()).isEqualTo(rule.threshold());
			assertThat(((Map<?, ?>) twin.get("annotations")).get("summary")).as(rule.name()).isEqualTo(rule.summary());
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> prometheusRules() throws IOException {
		Map<String, Object> file = new Yaml().load(Files.readString(Path.of("deploy/prometheus/alerts.yml")));
		var rules = new java.util.LinkedHashMap<String, Map<String, Object>>();
		for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				rules.put(rule.get("alert").toString(), rule);
			}
		}
		return rules;
	}

	private static Duration duration(String promDuration) {
		return Duration.parse("PT" + promDuration.toUpperCase(java.util.Locale.ROOT));
	}
}
