package com.returnit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.returnit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule domainCodeIsFreeOfSpring = noClasses().that()
		.resideInAPackage("..internal.domain..")
		.should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "tools.jackson..", "java.sql..")
		.because("domain logic stays plain Java; wiring lives in the module's internal configuration");

	@ArchTest
	static final ArchRule domainCodeReadsTimeFromAClock = noClasses().that()
		.resideInAPackage("..internal.domain..")
		.should().callMethod(java.time.Instant.class, "now")
		.because("time comes from an injected Clock");

	/**
	 * The OpenAPI document names a body's schema by its simple name: two records of one name in two modules would
	 * silently share one schema, and the web app's generated client would type one of them wrongly.
	 */
	@ArchTest
	static void theApisRecordsHaveNamesOfTheirOwn(JavaClasses classes) {
		Map<String, List<String>> byName = classes.stream()
			.filter(c -> c.isRecord() && c.getPackageName().contains(".internal") && c.getEnclosingClass().isPresent()
					&& c.getEnclosingClass().get().getSimpleName().matches(".*(Controller|Bodies|Views)"))
			.collect(Collectors.groupingBy(JavaClass::getSimpleName, Collectors.mapping(JavaClass::getName, Collectors.toList())));
		Map<String, List<String>> shared = new TreeMap<>(byName);
		shared.values().removeIf(names -> names.size() < 2);
		assertThat(shared).as("records of the API with the same simple name").isEmpty();
	}

	@ArchTest
	static final ArchRule noJpa = noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..")
		.because("SQL is written by people: Flyway, JdbcClient, no JPA");
}
