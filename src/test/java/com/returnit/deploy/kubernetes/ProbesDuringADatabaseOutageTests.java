package com.returnit.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.DatabaseSwitch;
import com.returnit.support.EndToEndTest;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * While the database is stopped, the Deployment's readiness path answers 503 (Kubernetes takes the pod out of the
 * Service) and its liveness path 200 (no restart, which would not help); both are back to 200 after the database is.
 * The same context as DatabaseOutageTests (same properties), so the suite starts it once.
 */
@TestPropertySource(properties = { "returnit.test.database=outage", "spring.datasource.hikari.connection-timeout=30000" })
class ProbesDuringADatabaseOutageTests extends EndToEndTest {

	@Value("${returnit.data-dir}")
	Path dataDir;

	@Test
	void duringADatabaseOutageTheReadinessProbeFailsAndTheLivenessProbeDoesNot() throws Exception {
		Container container = Manifests.render("production").one(Deployment.class).getSpec().getTemplate().getSpec()
			.getContainers().getFirst();
		String readiness = container.getReadinessProbe().getHttpGet().getPath();
		String liveness = container.getLivenessProbe().getHttpGet().getPath();
		assertThat(api.get(readiness, null).status()).isEqualTo(200);
		DatabaseSwitch database = DatabaseSwitch.of(dataDir);

		database.stop();
		try {
			Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
				.until(() -> api.get(readiness, null).status() == 503);
			assertThat(api.get(readiness, null).status()).as("still out while the database is").isEqualTo(503);
			assertThat(api.get(liveness, null).status()).isEqualTo(200);
			assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo(liveness);
		}
		finally {
			database.start();
		}
		Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
			.until(() -> api.get(readiness, null).status() == 200);
	}
}
