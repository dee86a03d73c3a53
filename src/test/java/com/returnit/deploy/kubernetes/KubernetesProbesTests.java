package com.returnit.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.EndToEndTest;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

/**
 * The paths the production Deployment's probes call (as rendered by kubectl kustomize) answer 200 on the running
 * service, without credentials, as the kubelet calls them.
 */
class KubernetesProbesTests extends EndToEndTest {

	@Test
	void theStartupLivenessAndReadinessProbesOfTheDeploymentAnswer200OnARunningService() {
		Container container = Manifests.render("production").one(Deployment.class).getSpec().getTemplate().getSpec()
			.getContainers().getFirst();

		for (var probe : java.util.List.of(container.getStartupProbe(), container.getLivenessProbe(),
				container.getReadinessProbe())) {
			assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
			assertThat(api.get(probe.getHttpGet().getPath(), null).status()).as(probe.getHttpGet().getPath())
				.isEqualTo(200);
		}
		assertThat(container.getPorts()).singleElement().satisfies(port -> {
			assertThat(port.getName()).isEqualTo("http");
			assertThat(port.getContainerPort()).isEqualTo(8080);
		});
		assertThat(api.get("/actuator/health/nothing-here", null).status()).as("a wrong path would not answer 200")
			.isEqualTo(404);
	}
}
