package com.returnit.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The environment variables the service reads: a placeholder of application.yml ({@code ${RETURNIT_SCRAPE_TOKEN:}}),
 * a variable named in full in a settings table of the README (e.g. RETURNIT_REDIS_URL, bound by a
 * {@code @ConfigurationProperties} record that application.yml does not mention), or a name that Spring Boot's relaxed binding maps onto a property set in application.yml or declared in the
 * configuration metadata of a jar on the classpath (Spring Boot's own: spring.datasource.url, spring.flyway.*, ...).
 * The check is Spring's own mapping of an environment variable onto property names (RETURNIT_SHUTDOWN_DRAINDELAY
 * binds returnit.shutdown.drain-delay; RETURNIT_SHUTDOWN_DRAINDELAYS binds nothing).
 */
public final class ServiceSettings {

	private static final Pattern README_SETTING = Pattern.compile("(?m)^\\| (.*?) \\|");
	private static final Pattern VARIABLE = Pattern.compile("`([A-Z][A-Z0-9_]+)`");
	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
	/** What the JVM and the operating system read, not Spring. */
	private static final Set<String> PROCESS = Set.of("JAVA_TOOL_OPTIONS", "LD_LIBRARY_PATH", "TZ");

	private final Set<String> placeholders;
	private final Set<ConfigurationPropertyName> properties;

	private ServiceSettings(Set<String> placeholders, Set<ConfigurationPropertyName> properties) {
		this.placeholders = placeholders;
		this.properties = properties;
	}

	public static ServiceSettings load() {
		Path yaml = Path.of("src/main/resources/application.yml");
		try {
			Set<String> placeholders = new HashSet<>();
			Matcher matcher = PLACEHOLDER.matcher(Files.readString(yaml));
			while (matcher.find()) {
				placeholders.add(matcher.group(1));
			}
			Matcher row = README_SETTING.matcher(Files.readString(Path.of("README.md")));
			while (row.find()) {
				Matcher variable = VARIABLE.matcher(row.group(1));
				while (variable.find()) {
					placeholders.add(variable.group(1));
				}
			}
			Set<ConfigurationPropertyName> properties = new HashSet<>();
			for (PropertySource<?> source : new YamlPropertySourceLoader().load("application", new FileSystemResource(yaml))) {
				for (String name : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
					properties.add(ConfigurationPropertyName.adapt(name, '.'));
				}
			}
			JsonMapper json = JsonMapper.builder().build();
			for (URL url : Collections.list(ServiceSettings.class.getClassLoader()
				.getResources("META-INF/spring-configuration-metadata.json"))) {
				try (InputStream in = url.openStream()) {
					for (JsonNode property : json.readTree(in).path("properties")) {
						properties.add(ConfigurationPropertyName.adapt(property.path("name").asString(), '.'));
					}
				}
			}
			return new ServiceSettings(placeholders, properties);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Whether the service (or its JVM) reads this environment variable. */
	public boolean reads(String variable) {
		if (PROCESS.contains(variable) || placeholders.contains(variable)) {
			return true;
		}
		ConfigurationPropertySource env = ConfigurationPropertySource
			.from(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of(variable, "value")));
		return properties.stream().anyMatch(name -> env.getConfigurationProperty(name) != null);
	}

	/** Whether a property of this name (e.g. a configtree file's name, spring.datasource.password) binds anything. */
	public boolean readsProperty(String name) {
		return properties.contains(ConfigurationPropertyName.adapt(name, '.'));
	}

	public List<String> notRead(java.util.Collection<String> variables) {
		return variables.stream().filter(v -> !reads(v)).sorted().toList();
	}
}
