package com.returnit.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.returnit.deploy.Commands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/kubernetes/base/prometheusrule.yaml is deploy/prometheus/alerts.yml (one source of truth) wrapped in a
 * PrometheusRule: this test fails when the committed file differs from what alerts.yml gives, and writes it anew with
 * {@code RETURNIT_UPDATE_PROMETHEUS_RULE=1 ./mvnw -Dtest=PrometheusRuleTests test}.
 */
class PrometheusRuleTests {

	static final Path ALERTS = Path.of("deploy/prometheus/alerts.yml");
	static final Path RULE = Path.of("deploy/kubernetes/base/prometheusrule.yaml");

	static String generate(String alerts) {
		String rules = alerts.lines().dropWhile(line -> line.startsWith("#") || line.isBlank())
			.map(line -> line.isEmpty() ? line : "  " + line).collect(Collectors.joining("\n", "", "\n"));
		return """
				# GENERATED from deploy/prometheus/alerts.yml: do not edit. After changing alerts.yml run
				#   RETURNIT_UPDATE_PROMETHEUS_RULE=1 ./mvnw -Dtest=PrometheusRuleTests test
				# The same rules as Prometheus without the Operator loads them (deploy/prometheus/prometheus.yml).
				apiVersion: monitoring.coreos.com/v1
				kind: PrometheusRule
				metadata:
				  name: returnit
				spec:
				""" + rules;
	}

	@Test
	void theCommittedPrometheusRuleIsGeneratedFromAlertsYml() throws Exception {
		String expected = generate(Files.readString(ALERTS));
		if (System.getenv("RETURNIT_UPDATE_PROMETHEUS_RULE") != null) {
			Files.writeString(RULE, expected);
		}
		assertThat(Files.readString(RULE)).as("%s is stale: RETURNIT_UPDATE_PROMETHEUS_RULE=1 ./mvnw -Dtest=PrometheusRuleTests test", RULE)
			.isEqualTo(expected);
	}

	@Test
	@SuppressWarnings("unchecked")
	void theRenderedRuleCarriesExactlyTheAlertsOfAlertsYmlAndPromtoolAcceptsThem(@TempDir Path dir) throws Exception {
		Map<String, Object> alerts = new Yaml().load(Files.readString(ALERTS));
		for (String overlay : List.of("dev", "production")) {
			Map<String, Object> spec = (Map<String, Object>) Manifests.render(overlay).custom("PrometheusRule")
				.getAdditionalProperties().get("spec");
			assertThat(spec).as(overlay).isEqualTo(alerts);
			assertThat((List<?>) spec.get("groups")).hasSizeGreaterThanOrEqualTo(4);
		}

		assumeTrue(Commands.run(List.of("sh", "-c", "command -v promtool")).exit() == 0,
				"promtool is not installed (apt-get install prometheus; ./test.sh does it)");
		Path rules = dir.resolve("rules.yml");
		Map<String, Object> spec = (Map<String, Object>) Manifests.render("production").custom("PrometheusRule")
			.getAdditionalProperties().get("spec");
		Files.writeString(rules, new Yaml().dump(spec));
		assertThat(Commands.succeed(List.of("promtool", "check", "rules", rules.toString()))).contains("SUCCESS");
	}
}
