package com.returnit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
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

	@ArchTest
	static final ArchRule noJpa = noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..")
		.because("SQL is written by people: Flyway, JdbcClient, no JPA");
}
