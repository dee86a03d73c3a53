package com.returnit.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.returnit.deploy.Commands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The prometheus-adapter rule behind the autoscaler's latency metric: it serves the name the HPA asks for, from the
 * histogram the service exports, and its query (templates filled in as the adapter fills them for one pod) is PromQL
 * that promtool accepts.
 */
class PrometheusAdapterRulesTests {

	static final String METRIC = "http_server_requests_p95_seconds";

	@Test
	@SuppressWarnings("unchecked")
	void theAdapterServesTheHpasLatencyMetricFromTheServicesHistogramWithAQueryPromtoolAccepts(@TempDir Path dir)
			throws Exception {
		Map<String, Object> values = new Yaml().load(Files.readString(Path.of("deploy/kubernetes/prometheus-adapter/values.yaml")));
		List<Map<String, Object>> rules = (List<Map<String, Object>>) ((Map<String, Object>) values.get("rules")).get("custom");
		Map<String, Object> rule = rules.getFirst();

		assertThat(((Map<String, Object>) rule.get("name")).get("as")).isEqualTo(METRIC);
		assertThat((String) rule.get("seriesQuery")).startsWith("http_server_requests_seconds_bucket{application=\"returnit\"");
		String query = ((String) rule.get("metricsQuery")).replace("<<.Series>>", "http_server_requests_seconds_bucket")
			.replace("<<.LabelMatchers>>", "namespace=\"returnit\",pod=\"returnit-1\"").replace("<<.GroupBy>>", "pod");
		assertThat(query).startsWith("histogram_quantile(0.95,").doesNotContain("<<");

		assumeTrue(Commands.run(List.of("sh", "-c", "command -v promtool")).exit() == 0,
				"promtool is not installed (apt-get install prometheus; ./test.sh does it)");
		Path file = dir.resolve("adapter.yml");
		Files.writeString(file, new Yaml().dump(Map.of("groups", List.of(Map.of("name", "adapter", "rules",
				List.of(Map.of("record", "pod:" + METRIC, "expr", query)))))));
		Commands.succeed(List.of("promtool", "check", "rules", file.toString()));

		// the query over two pods' histograms: a slow one (every request between 0.5 and 1 s, p95 interpolated to
		// 0.975 s) and a fast one whose health checks are slow (not counted: the HPA must not scale on probes)
		Path test = dir.resolve("adapter.test.yml");
		Files.writeString(test, """
				rule_files: [adapter.yml]
				evaluation_interval: 1m
				tests:
				  - interval: 1m
				    input_series:
				      - series: 'http_server_requests_seconds_bucket{application="returnit",namespace="returnit",pod="returnit-1",uri="/v1/orders",le="0.5"}'
				        values: '0+0x10'
				      - series: 'http_server_requests_seconds_bucket{application="returnit",namespace="returnit",pod="returnit-1",uri="/v1/orders",le="1.0"}'
				        values: '0+60x10'
				      - series: 'http_server_requests_seconds_bucket{application="returnit",namespace="returnit",pod="returnit-1",uri="/v1/orders",le="+Inf"}'
				        values: '0+60x10'
				      - series: 'http_server_requests_seconds_bucket{application="returnit",namespace="returnit",pod="returnit-2",uri="/v1/orders",le="0.5"}'
				        values: '0+60x10'
				      - series: 'http_server_requests_seconds_bucket{application="returnit",namespace="returnit",pod="returnit-2",uri="/v1/orders",le="1.0"}'
				        values: '0+60x10'
				      - series: 'http_server_requests_seconds_bucket{application="returnit",namespace="returnit",pod="returnit-2",uri="/v1/orders",le="+Inf"}'
				        values: '0+60x10'
				      - series: 'http_server_requests_seconds_bucket{application="returnit",namespace="returnit",pod="returnit-2",uri="/actuator/health/readiness",le="0.5"}'
				        values: '0+0x10'
				      - series: 'http_server_requests_seconds_bucket{application="returnit",namespace="returnit",pod="returnit-2",uri="/actuator/health/readiness",le="1.0"}'
				        values: '0+0x10'
				      - series: 'http_server_requests_seconds_bucket{application="returnit",namespace="returnit",pod="returnit-2",uri="/actuator/health/readiness",le="+Inf"}'
				        values: '0+600x10'
				    promql_expr_test:
				      - expr: pod:http_server_requests_p95_seconds
				        eval_time: 5m
				        exp_samples:
				          - labels: 'pod:http_server_requests_p95_seconds{pod="returnit-1"}'
				            value: 0.975
				          - labels: 'pod:http_server_requests_p95_seconds{pod="returnit-2"}'
				            value: 0.475
				""");
		Files.writeString(file, new Yaml().dump(Map.of("groups", List.of(Map.of("name", "adapter", "rules",
				List.of(Map.of("record", "pod:" + METRIC, "expr", podQuery(rule))))))));
		assertThat(Commands.succeed(List.of("promtool", "test", "rules", test.toString()))).contains("SUCCESS");
	}

	/** The rule's query as the adapter runs it for the pods of namespace returnit, grouped by pod. */
	private static String podQuery(Map<String, Object> rule) {
		return ((String) rule.get("metricsQuery")).replace("<<.Series>>", "http_server_requests_seconds_bucket")
			.replace("<<.LabelMatchers>>", "namespace=\"returnit\",pod=~\"returnit-.*\"").replace("<<.GroupBy>>", "pod");
	}
}
