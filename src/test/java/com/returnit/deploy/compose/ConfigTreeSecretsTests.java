package com.returnit.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.yaml.snakeyaml.Yaml;

/**
 * The Compose nodes get their secrets as files in /run/secrets named after a property, and
 * SPRING_CONFIG_IMPORT=optional:configtree:/run/secrets/: here the same import over a folder laid out as Compose lays
 * it (one file per secret target of compose.yaml), read by Spring Boot with the service's application.yml, sets those
 * properties over application.yml's defaults.
 */
class ConfigTreeSecretsTests {

	@Configuration(proxyBeanMethods = false)
	static class Nothing {
	}

	@Test
	@SuppressWarnings("unchecked")
	void theSecretFilesComposeMountsSetTheServicesPropertiesOverApplicationYml(@TempDir Path secrets) throws Exception {
		Map<String, Object> compose = new Yaml().load(Files.readString(Path.of(ComposeFileTests.FILE)));
		List<Map<String, String>> mounted = (List<Map<String, String>>) ((Map<String, Object>) compose.get("x-returnit"))
			.get("secrets");
		for (Map<String, String> secret : mounted) {
			Files.writeString(secrets.resolve(secret.get("target")), "value-of-" + secret.get("source") + "\n");
		}

		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Nothing.class)
			.web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
			.run("--spring.config.import=optional:configtree:" + secrets + "/")) {
			Environment environment = context.getEnvironment();
			assertThat(mounted).hasSizeGreaterThanOrEqualTo(4);
			for (Map<String, String> secret : mounted) {
				assertThat(environment.getProperty(secret.get("target"), String.class)).as(secret.get("target"))
					.isEqualTo("value-of-" + secret.get("source"));
			}
			// application.yml's own default, ${RETURNIT_SCRAPE_TOKEN:}, is what the secret replaces
			assertThat(environment.getProperty("returnit.operations.scrape-token")).isEqualTo("value-of-scrape_token");
		}
	}
}
