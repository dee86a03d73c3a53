package com.returnit.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.returnit.deploy.Commands;
import com.returnit.deploy.ServiceSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/compose/compose.yaml as Compose itself reads it ({@code docker-compose config}: Debian's docker-compose,
 * installed by ./test.sh; it validates the file against the Compose schema without a Docker daemon), and what a
 * deployment depends on: a health check on every service, named volumes for every service's data, no secret value in
 * the file, and only settings the service reads.
 */
class ComposeFileTests {

	static final String FILE = "deploy/compose/compose.yaml";
	static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|API_KEY)(__FILE)?$");

	static Map<String, Object> config;

	@BeforeAll
	static void render() {
		config = new Yaml().load(Commands.succeed(List.of("docker-compose", "-f", FILE, "config")));
	}

	@Test
	void theFileIsValidComposeWithTheWholeStack() {
		assertThat(services().keySet()).containsExactlyInAnyOrder("returnit-1", "returnit-2", "haproxy", "postgres",
				"postgres-replica", "redis", "prometheus", "alertmanager", "grafana");
		assertThat(service("returnit-1").get("image")).isEqualTo(service("returnit-2").get("image"));
	}

	@Test
	void theNodesRunTheImageOfThisVersion() throws Exception {
		String version = Files.readString(Path.of("pom.xml"))
			.replaceAll("(?s).*?<artifactId>returnit</artifactId>\\s*<version>([^<]+)</version>.*", "$1");
		assertThat(service("returnit-1").get("image")).isEqualTo("ghcr.io/returnit/returnit:" + version);
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyServiceHasAHealthCheckAndKeepsItsDataInANamedVolume() {
		services().forEach((name, service) -> {
			Map<String, Object> health = (Map<String, Object>) service.get("healthcheck");
			assertThat(health).as(name).isNotNull();
			assertThat((List<String>) health.get("test")).as(name).first().isEqualTo("CMD");
		});
		Map<String, Object> volumes = (Map<String, Object>) config.get("volumes");
		for (String stateful : List.of("postgres", "postgres-replica", "redis", "prometheus", "alertmanager", "grafana")) {
			List<String> mounts = (List<String>) service(stateful).get("volumes");
			assertThat(mounts).as(stateful).anySatisfy(mount -> assertThat(volumes).containsKey(mount.split(":")[0]));
		}
		assertThat(service("returnit-1").get("read_only")).isEqualTo(true);
	}

	@Test
	@SuppressWarnings("unchecked")
	void noSecretValueIsInTheFileTheyComeFromSecretFilesThatAreNotCommitted() throws Exception {
		services().forEach((name, service) -> {
			Map<String, Object> environment = (Map<String, Object>) service.getOrDefault("environment", Map.of());
			environment.forEach((key, value) -> {
				if (SECRET_NAME.matcher(key).matches()) {
					assertThat(key).as(name + ": a secret as a value").endsWith("_FILE");
					assertThat(String.valueOf(value)).startsWith("/run/secrets/");
				}
			});
		});
		Map<String, Map<String, Object>> secrets = (Map<String, Map<String, Object>>) config.get("secrets");
		assertThat(secrets).isNotEmpty().allSatisfy((name, secret) -> assertThat((String) secret.get("file"))
			.endsWith("/deploy/compose/secrets/" + name));
		assertThat(Files.readAllLines(Path.of("deploy/compose/.gitignore"))).contains("secrets/");
		String make = Files.readString(Path.of("deploy/compose/make-secrets.sh"));
		assertThat(secrets.keySet()).allSatisfy(name -> assertThat(make).contains(name));
	}

	@Test
	@SuppressWarnings("unchecked")
	void theNodesGetOnlySettingsTheServiceReadsAndTheirSecretsAsPropertiesOfAConfigTree() {
		ServiceSettings settings = ServiceSettings.load();
		for (String node : List.of("returnit-1", "returnit-2")) {
			Map<String, Object> environment = (Map<String, Object>) service(node).get("environment");
			assertThat(settings.notRead(environment.keySet())).as(node).isEmpty();
			assertThat(environment).containsEntry("SPRING_CONFIG_IMPORT", "optional:configtree:/run/secrets/");
			List<String> targets = new ArrayList<>();
			for (Map<String, Object> secret : (List<Map<String, Object>>) service(node).get("secrets")) {
				targets.add((String) secret.get("target"));
			}
			assertThat(targets).contains("spring.datasource.password", "returnit.operations.scrape-token")
				.allSatisfy(target -> assertThat(settings.readsProperty(target)).as(target).isTrue());
		}
		assertThat(settings.readsProperty("returnit.operations.scrape-tokens")).as("the check can fail").isFalse();
	}

	@Test
	void theBalancerIsBinClustersAndProxiesTheStream() throws Exception {
		String cluster = Files.readString(Path.of("bin/cluster"));
		List<String> lines = Files.readAllLines(Path.of("deploy/compose/haproxy/haproxy.cfg")).stream()
			.map(String::strip).toList();
		for (String line : List.of("balance leastconn", "option httpchk GET /actuator/health/readiness",
				"http-check expect status 200", "default-server inter 1s fastinter 500ms downinter 500ms fall 3 rise 2 slowstart 3m",
				"timeout tunnel 1h", "timeout client 65s", "timeout server 65s", "retries 2", "option redispatch 1",
				"acl edge_stream path /v1/stream")) {
			assertThat(lines).as("compose's haproxy.cfg").contains(line);
			assertThat(cluster).as("bin/cluster").contains(line);
		}
		assertThat(lines).contains("server node1 returnit-1:8080 check resolvers docker init-addr last,libc,none");
	}

	@Test
	@SuppressWarnings("unchecked")
	void theNodesHealthCheckIsTheImagesReadinessProbe() throws Exception {
		List<String> test = (List<String>) ((Map<String, Object>) service("returnit-1").get("healthcheck")).get("test");
		String java = "/opt/java";
		String health = "/opt/returnit/health";
		Path recipe = Path.of("deploy/image/recipe.env");
		if (Files.exists(recipe)) { // the image's recipe (bin/image, Dockerfile): where it puts the JVM and the probe
			for (String line : Files.readAllLines(recipe)) {
				java = line.startsWith("JAVA_HOME=") ? line.substring(10) : java;
				health = line.startsWith("HEALTH_DIR=") ? line.substring(11) : health;
			}
		}
		assertThat(test).startsWith("CMD", java + "/bin/java").containsSubsequence("-cp", health, "HealthProbe")
			.endsWith("/actuator/health/readiness");
	}

	@Test
	void haproxyAcceptsTheBalancersConfiguration(@TempDir Path dir) throws Exception {
		assumeTrue(Commands.run(List.of("sh", "-c", "command -v haproxy")).exit() == 0,
				"haproxy is not installed (bin/cluster installs it: apt-get install haproxy)");
		Path config = dir.resolve("haproxy.cfg");
		Files.writeString(config, Files.readString(Path.of("deploy/compose/haproxy/haproxy.cfg"))
			.replace("/usr/local/etc/haproxy/503.http", Path.of("deploy/compose/haproxy/503.http").toAbsolutePath().toString()));
		Commands.Result check = Commands.run(List.of("haproxy", "-c", "-f", config.toString()));
		assertThat(check.exit()).as(check.err()).isZero();
		assertThat(check.out() + check.err()).contains("Configuration file is valid");
	}

	@SuppressWarnings("unchecked")
	static Map<String, Map<String, Object>> services() {
		return (Map<String, Map<String, Object>>) config.get("services");
	}

	static Map<String, Object> service(String name) {
		return services().get(name);
	}
}
