package com.returnit.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile and bin/image are one recipe: both run the scripts of deploy/image/ (the same module list, base
 * packages and Boot layers) and configure the image from the same settings (user, environment with the JVM options,
 * working directory, port, entrypoint, layer order). ImageRunsIT checks the configuration of the image bin/image built.
 */
class RecipesInStepTests {

	private final Recipe recipe = new Recipe();
	private final String dockerfile = Recipe.read(Path.of("Dockerfile"));

	@Test
	void theDockerfileBuildsTheImageFromTheSameScriptsAndSettingsAsBinImage() {
		assertThat(recipe.drift(dockerfile)).isEmpty();
	}

	@Test
	void aDockerfileThatDriftedIsCaught() {
		assertThat(recipe.drift(dockerfile.replace("USER 10001:10001", "USER 0:0")))
			.containsExactly("USER [0:0] instead of 10001:10001");
		assertThat(recipe.drift(dockerfile.replace("-XX:MaxRAMPercentage=75", "-XX:MaxRAMPercentage=90")))
			.singleElement().asString().startsWith("ENV {");
		String swapped = dockerfile.replace("COPY --from=app /layers/application/ /", "SWAP")
			.replace("COPY --from=app /layers/dependencies/ /", "COPY --from=app /layers/application/ /")
			.replace("SWAP", "COPY --from=app /layers/dependencies/ /");
		assertThat(recipe.drift(swapped)).singleElement().asString().startsWith("layers [");
		assertThat(recipe.drift(dockerfile.replace("RUN /recipe/make-runtime /runtime",
				"RUN jlink --add-modules java.base --output /runtime/opt/java")))
			.contains("no stage runs deploy/image/make-runtime /runtime");
	}

	@Test
	void binImageLinksAndLayersOnlyThroughTheSharedScripts() {
		String binImage = Recipe.read(Path.of("bin/image"));
		assertThat(binImage).contains("\"$RECIPE/make-base\"", "\"$RECIPE/make-runtime\"", "\"$RECIPE/make-app-layers\"")
			.doesNotContain("bin/jlink", "mmdebstrap --", "-Djarmode");
		assertThat(Recipe.read(Recipe.DIR.resolve("make-runtime"))).contains("java-modules", "JLINK_OPTIONS");
		assertThat(Recipe.read(Path.of(".dockerignore")).lines().toList())
			.as("the Docker build context").contains("*", "!deploy/image/", "!target/returnit.jar");
	}

	@Test
	void theModuleListNamesModulesOfTheJdk() {
		Set<String> jdk = ModuleFinder.ofSystem().findAll().stream().map(ModuleReference::descriptor)
			.map(d -> d.name()).collect(Collectors.toSet());
		List<String> modules = Arrays.stream(Recipe.read(Recipe.DIR.resolve("java-modules")).split("\n"))
			.filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
		assertThat(modules).contains("java.base", "java.sql", "jdk.unsupported").isSorted().doesNotHaveDuplicates();
		assertThat(jdk).containsAll(modules);
	}
}
