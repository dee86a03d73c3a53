package com.returnit.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The CI/CD workflows (.github/workflows) are valid GitHub Actions workflows, checked offline against GitHub's schema
 * by action-validator (deploy/ci-check, npm; ./test.sh installs it), and do what they are for: test on every push
 * and pull request, build and push the image from main, deploy the production overlay on a tag after an approval.
 */
class WorkflowsTests {

	private static final Path CHECK = Path.of("deploy/ci-check/check-workflows");

	@TempDir
	Path temp;

	@Test
	void everyWorkflowMeetsGitHubsSchema() throws Exception {
		var check = check();
		assertThat(check.exit()).as(check.output()).isZero();
		assertThat(check.output()).contains("valid: .github/workflows/test.yml", "valid: .github/workflows/image.yml",
				"valid: .github/workflows/deploy.yml");
	}

	@Test
	void aBrokenWorkflowFailsTheCheck() throws Exception {
		Path broken = temp.resolve("test.yml");
		Files.writeString(broken, Recipe.read(Path.of(".github/workflows/test.yml"))
			.replace("timeout-minutes: 90", "timeout-minutes: ninety"));
		var check = check(broken.toString());
		assertThat(check.exit()).as(check.output()).isEqualTo(1);
		assertThat(check.output()).contains("INVALID: " + broken, "/jobs/test/timeout-minutes");
	}

	@Test
	void testRunsTheWholeSuiteOnEveryPushAndPullRequest() {
		Map<String, Object> workflow = workflow("test");
		assertThat(on(workflow)).containsKeys("push", "pull_request");
		assertThat(runs(workflow, "test")).contains("./test.sh");
	}

	@Test
	void imagePushesWhatBinImageBuiltForCommitsOfMainThatPassedTheTests() {
		Map<String, Object> workflow = workflow("image");
		assertThat(on(workflow).get("workflow_run")).isEqualTo(
				Map.of("workflows", List.of("test"), "types", List.of("completed"), "branches", List.of("main")));
		assertThat(job(workflow, "image").get("if")).isEqualTo("github.event.workflow_run.conclusion == 'success'");
		assertThat(runs(workflow, "image")).contains("bin/image --refresh-base", "skopeo copy", "docker://$repository:$tag");
	}

	@Test
	void deployAppliesTheProductionOverlayOnATagAfterTheProductionEnvironmentsApproval() {
		Map<String, Object> workflow = workflow("deploy");
		assertThat(on(workflow).get("push")).isEqualTo(Map.of("tags", List.of("v*")));
		assertThat(job(workflow, "production").get("environment")).asString().contains("name=production");
		assertThat(runs(workflow, "production")).contains("deploy/kubernetes/overlays/production",
				"kubectl apply -k \"$release\"", "kubectl rollout status");
	}

	private record Check(int exit, String output) {
	}

	private static Check check(String... files) throws IOException, InterruptedException {
		assumeTrue(Files.isExecutable(Path.of("deploy/ci-check/node_modules/.bin/action-validator")),
				"action-validator is not installed (npm ci --prefix deploy/ci-check; ./test.sh does it)");
		var command = new java.util.ArrayList<>(List.of(CHECK.toString()));
		command.addAll(List.of(files));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Check(process.exitValue(), output);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> workflow(String name) {
		return (Map<String, Object>) new Yaml().load(Recipe.read(Path.of(".github/workflows/" + name + ".yml")));
	}

	/** SnakeYAML (YAML 1.1) reads the key {@code on} as the boolean true. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> on(Map<String, Object> workflow) {
		return (Map<String, Object>) workflow.getOrDefault("on", workflow.get(Boolean.TRUE));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> job(Map<String, Object> workflow, String job) {
		return (Map<String, Object>) ((Map<String, Object>) workflow.get("jobs")).get(job);
	}

	@SuppressWarnings("unchecked")
	private static String runs(Map<String, Object> workflow, String job) {
		var steps = (List<Map<String, Object>>) job(workflow, job).get("steps");
		return String.join("\n", steps.stream().map(step -> String.valueOf(step.getOrDefault("run", ""))).toList());
	}
}
