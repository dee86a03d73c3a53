package com.returnit.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.deploy.ServiceSettings;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.convert.DurationStyle;

/**
 * Each overlay of deploy/kubernetes as {@code kubectl kustomize} renders it: every object read by fabric8's typed
 * model of its kind (an unknown field fails), applied to fabric8's mock API server, and the invariants a deployment
 * depends on (docs/deploying.md): probes on the actuator's probe paths (KubernetesProbesTests calls them), grace
 * periods longer than the service's drain (ADR 0018's numbers, read from application.yml), the autoscaler and the
 * disruption budget on the Deployment, selectors that match, and only settings the service reads.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesManifestsTests {

	static KubernetesClient client;

	static final Map<String, String> POD_LABELS = Map.of("app.kubernetes.io/name", "returnit",
			"app.kubernetes.io/component", "api");

	@ParameterizedTest
	@ValueSource(strings = { "dev", "production" })
	void everyObjectIsReadByItsTypedModelWithoutAnUnknownField(String overlay) {
		Manifests manifests = Manifests.render(overlay);

		assertThat(manifests.objects()).extracting(HasMetadata::getKind).containsExactlyInAnyOrder("ServiceAccount",
				"ConfigMap", "Service", "PersistentVolumeClaim", "Deployment", "CronJob", "HorizontalPodAutoscaler",
				"Ingress", "NetworkPolicy", "PodDisruptionBudget", "ServiceMonitor", "PrometheusRule");
		assertThat(manifests.objects()).filteredOn(o -> !(o instanceof GenericKubernetesResource))
			.extracting(HasMetadata::getKind).doesNotContain("ServiceMonitor", "PrometheusRule").hasSize(10);
		assertThat(manifests.objects()).flatExtracting(Manifests::unknownFields).isEmpty();
		assertThat(manifests.objects()).extracting(o -> o.getMetadata().getNamespace()).containsOnly(
				overlay.equals("production") ? "returnit" : "returnit-dev");
	}

	@Test
	void aFieldTheModelDoesNotKnowIsFound() {
		List<HasMetadata> objects = Manifests.parse("""
				apiVersion: apps/v1
				kind: Deployment
				metadata: {name: typo}
				spec:
				  template:
				    spec:
				      containers: [{name: x, image: x, readinessProbes: {}}]
				      terminationGracePeriod: 30
				""");
		assertThat(Manifests.unknownFields(objects.getFirst())).containsExactlyInAnyOrder(
				"Deployment typo: spec.template.spec.containers[0].readinessProbes",
				"Deployment typo: spec.template.spec.terminationGracePeriod");
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "production" })
	void theMockApiServerAcceptsEveryObjectAndEveryReferenceResolvesThere(String overlay) {
		Manifests manifests = Manifests.render(overlay);
		String namespace = manifests.objects().getFirst().getMetadata().getNamespace();
		for (HasMetadata object : manifests.objects()) {
			if (object instanceof GenericKubernetesResource custom) {
				client.genericKubernetesResources(customResource(custom.getKind())).inNamespace(namespace)
					.resource(custom).create();
			}
			else {
				client.resource(object).inNamespace(namespace).create();
			}
		}
		var apps = client.apps().deployments().inNamespace(namespace);
		HorizontalPodAutoscaler hpa = client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(namespace)
			.withName("returnit").get();
		assertThat(apps.withName(hpa.getSpec().getScaleTargetRef().getName()).get()).as("the HPA's target").isNotNull();
		Deployment deployment = apps.withName("returnit").get();
		PodSpec pod = deployment.getSpec().getTemplate().getSpec();
		assertThat(client.serviceAccounts().inNamespace(namespace).withName(pod.getServiceAccountName()).get())
			.isInstanceOf(ServiceAccount.class);
		for (String configMap : configMapsReferenced(pod)) {
			assertThat(client.configMaps().inNamespace(namespace).withName(configMap).get()).as(configMap).isNotNull();
		}
		CronJob backup = client.batch().v1().cronjobs().inNamespace(namespace).withName("returnit-backup").get();
		String claim = backup.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getVolumes().stream()
			.filter(v -> v.getPersistentVolumeClaim() != null).findFirst().orElseThrow().getPersistentVolumeClaim()
			.getClaimName();
		assertThat(client.persistentVolumeClaims().inNamespace(namespace).withName(claim).get())
			.isInstanceOf(PersistentVolumeClaim.class);
		Ingress ingress = client.network().v1().ingresses().inNamespace(namespace).withName("returnit").get();
		for (IngressBackend backend : ingress.getSpec().getRules().stream()
			.flatMap(r -> r.getHttp().getPaths().stream()).map(p -> p.getBackend()).toList()) {
			Service service = client.services().inNamespace(namespace).withName(backend.getService().getName()).get();
			assertThat(service).as("the Ingress's backend").isNotNull();
			assertThat(service.getSpec().getPorts()).extracting(p -> p.getName())
				.contains(backend.getService().getPort().getName());
		}
		assertThat(client.genericKubernetesResources(customResource("ServiceMonitor")).inNamespace(namespace).list()
			.getItems()).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "production" })
	void everySelectorMatchesTheDeploymentsPods(String overlay) {
		Manifests manifests = Manifests.render(overlay);
		Deployment deployment = manifests.one(Deployment.class);
		Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();

		assertThat(podLabels).containsAllEntriesOf(POD_LABELS);
		assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
		Service service = manifests.one(Service.class);
		assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
		assertThat(podLabels).containsAllEntriesOf(manifests.one(PodDisruptionBudget.class).getSpec().getSelector()
			.getMatchLabels());
		assertThat(podLabels).containsAllEntriesOf(manifests.one(NetworkPolicy.class).getSpec().getPodSelector()
			.getMatchLabels());
		assertThat(deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints())
			.allSatisfy(spread -> assertThat(podLabels).containsAllEntriesOf(spread.getLabelSelector().getMatchLabels()))
			.extracting(spread -> spread.getTopologyKey()).contains("topology.kubernetes.io/zone");
		// the backup job's pods fall under the NetworkPolicy too (no traffic in), but never behind the Service
		Map<String, String> backupLabels = manifests.one(CronJob.class).getSpec().getJobTemplate().getSpec()
			.getTemplate().getMetadata().getLabels();
		assertThat(backupLabels).containsAllEntriesOf(manifests.one(NetworkPolicy.class).getSpec().getPodSelector()
			.getMatchLabels());
		assertThat(backupLabels).doesNotContainEntry("app.kubernetes.io/component", "api");

		@SuppressWarnings("unchecked")
		Map<String, Object> monitor = (Map<String, Object>) manifests.custom("ServiceMonitor").getAdditionalProperties()
			.get("spec");
		@SuppressWarnings("unchecked")
		Map<String, String> monitored = (Map<String, String>) ((Map<String, Object>) monitor.get("selector"))
			.get("matchLabels");
		assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(monitored);
		@SuppressWarnings("unchecked")
		Map<String, Object> endpoint = ((List<Map<String, Object>>) monitor.get("endpoints")).getFirst();
		assertThat(service.getSpec().getPorts()).extracting(p -> p.getName()).contains((String) endpoint.get("port"));
		assertThat(endpoint.get("path")).isEqualTo("/actuator/prometheus");
		assertThat(service.getMetadata().getName()).as("job=\"returnit\", as alerts.yml's ServiceDown expects")
			.isEqualTo("returnit");
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "production" })
	void theAutoscalerScalesTheDeploymentOnCpuAndP95LatencyAndCoolsDownForFiveMinutes(String overlay) {
		Manifests manifests = Manifests.render(overlay);
		HorizontalPodAutoscaler hpa = manifests.one(HorizontalPodAutoscaler.class);
		Deployment deployment = manifests.one(Deployment.class);

		assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
		assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
		assertThat(deployment.getSpec().getReplicas()).as("the HPA owns the count").isNull();
		assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(overlay.equals("production") ? 2 : 1);
		assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(overlay.equals("production") ? 50 : 3);
		MetricSpec cpu = hpa.getSpec().getMetrics().stream().filter(m -> m.getType().equals("Resource")).findFirst()
			.orElseThrow();
		assertThat(cpu.getResource().getName()).isEqualTo("cpu");
		assertThat(cpu.getResource().getTarget().getAverageUtilization()).isEqualTo(70);
		MetricSpec latency = hpa.getSpec().getMetrics().stream().filter(m -> m.getType().equals("Pods")).findFirst()
			.orElseThrow();
		assertThat(latency.getPods().getMetric().getName()).isEqualTo(PrometheusAdapterRulesTests.METRIC);
		assertThat(latency.getPods().getTarget().getAverageValue().getNumericalAmount()).isEqualByComparingTo("0.8");
		assertThat(hpa.getSpec().getBehavior().getScaleDown().getStabilizationWindowSeconds()).isEqualTo(300);
		// CPU utilization is a share of the request: every container must ask for CPU
		assertThat(deployment.getSpec().getTemplate().getSpec().getContainers())
			.allSatisfy(c -> assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "production" })
	void aStoppingPodOutlastsTheLoadBalancersDeregistrationAndTheServicesDrain(String overlay) {
		Manifests manifests = Manifests.render(overlay);
		PodSpec pod = manifests.one(Deployment.class).getSpec().getTemplate().getSpec();
		Container container = pod.getContainers().getFirst();
		ServiceYaml service = ServiceYaml.load();
		Duration drain = settingOrDefault(manifests, "RETURNIT_SHUTDOWN_DRAINDELAY", service.get("returnit.shutdown.drain-delay"));
		Duration phase = service.get("spring.lifecycle.timeout-per-shutdown-phase");
		Duration preStop = Duration.ofSeconds(container.getLifecycle().getPreStop().getSleep().getSeconds());

		// ADR 0018: load balancers are given the drain delay (5 s) to stop sending; the pause comes before SIGTERM
		assertThat(drain).isEqualTo(Duration.ofSeconds(5));
		assertThat(preStop).isGreaterThan(drain);
		assertThat(Duration.ofSeconds(pod.getTerminationGracePeriodSeconds()))
			.as("preStop %s + drain %s + graceful shutdown %s", preStop, drain, phase)
			.isGreaterThan(preStop.plus(drain).plus(phase));
		assertThat(manifests.one(PodDisruptionBudget.class).getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "production" })
	void podsRunAsUser10001OnAReadOnlyRootWithOnlyTmpWritable(String overlay) {
		Manifests manifests = Manifests.render(overlay);
		List<PodSpec> pods = List.of(manifests.one(Deployment.class).getSpec().getTemplate().getSpec(),
				manifests.one(CronJob.class).getSpec().getJobTemplate().getSpec().getTemplate().getSpec());
		for (PodSpec pod : pods) {
			assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
			assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
			assertThat(pod.getAutomountServiceAccountToken()).isFalse();
			for (Container container : Stream.concat(pod.getContainers().stream(), pod.getInitContainers().stream()).toList()) {
				assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(container.getName()).isTrue();
				assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
				assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
				assertThat(container.getResources().getLimits()).as(container.getName()).containsKey("memory");
			}
		}
		Container api = pods.getFirst().getContainers().getFirst();
		assertThat(api.getImage()).startsWith("ghcr.io/returnit/returnit:");
		assertThat(api.getVolumeMounts()).extracting(m -> m.getMountPath()).containsExactly("/tmp");
		assertThat(pods.getFirst().getVolumes()).allSatisfy(v -> assertThat(v.getEmptyDir()).isNotNull());
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "production" })
	void onlyTheIngressControllerAndPrometheusMayConnect(String overlay) {
		NetworkPolicy policy = Manifests.render(overlay).one(NetworkPolicy.class);

		assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
		assertThat(policy.getSpec().getIngress()).hasSize(1);
		List<NetworkPolicyPeer> from = policy.getSpec().getIngress().getFirst().getFrom();
		assertThat(from).extracting(peer -> peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"))
			.containsExactly("ingress-nginx", "monitoring");
		assertThat(from).allSatisfy(peer -> assertThat(peer.getPodSelector()).isNotNull());
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "production" })
	void theStreamHasItsOwnIngressPathWithHourLongTimeouts(String overlay) {
		Ingress ingress = Manifests.render(overlay).one(Ingress.class);

		assertThat(ingress.getSpec().getRules().getFirst().getHttp().getPaths()).extracting(p -> p.getPath())
			.contains("/v1/stream", "/");
		assertThat(ingress.getMetadata().getAnnotations()).containsEntry("nginx.ingress.kubernetes.io/proxy-read-timeout", "3600")
			.containsEntry("nginx.ingress.kubernetes.io/proxy-send-timeout", "3600");
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "production" })
	void everyConfigMapAndSecretKeyIsASettingTheServiceReads(String overlay) {
		Manifests manifests = Manifests.render(overlay);
		List<String> variables = new ArrayList<>();
		manifests.all(ConfigMap.class).forEach(map -> variables.addAll(map.getData().keySet()));
		List<PodSpec> pods = List.of(manifests.one(Deployment.class).getSpec().getTemplate().getSpec(),
				manifests.one(CronJob.class).getSpec().getJobTemplate().getSpec().getTemplate().getSpec());
		for (PodSpec pod : pods) {
			for (Container container : pod.getContainers()) {
				for (EnvVar env : container.getEnv()) {
					variables.add(env.getName());
					if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
						assertThat(env.getValueFrom().getSecretKeyRef().getKey()).as("secret key of " + env.getName())
							.isEqualTo(env.getName());
					}
				}
			}
		}

		assertThat(variables).hasSizeGreaterThan(15);
		assertThat(ServiceSettings.load().notRead(variables)).as("set, but read by nobody").isEmpty();
		assertThat(ServiceSettings.load().notRead(List.of("RETURNIT_SHUTDOWN_DRAINDELAYS", "SPRING_DATASOURCE_URLS")))
			.as("the check can fail").hasSize(2);
	}

	@Test
	void productionBringsNoSecretOfItsOwnAndRunsTheImageOfThisVersion() throws Exception {
		Manifests manifests = Manifests.render("production");

		assertThat(manifests.objects()).extracting(HasMetadata::getKind).doesNotContain("Secret");
		String version = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("pom.xml")))
			.replaceAll("(?s).*?<artifactId>returnit</artifactId>\\s*<version>([^<]+)</version>.*", "$1");
		assertThat(manifests.one(Deployment.class).getSpec().getTemplate().getSpec().getContainers().getFirst().getImage())
			.isEqualTo("ghcr.io/returnit/returnit:" + version);
	}

	private static Set<String> configMapsReferenced(PodSpec pod) {
		return pod.getContainers().stream().flatMap(c -> c.getEnvFrom().stream())
			.map(e -> e.getConfigMapRef() == null ? null : e.getConfigMapRef().getName()).filter(Objects::nonNull)
			.collect(java.util.stream.Collectors.toSet());
	}

	private static Duration settingOrDefault(Manifests manifests, String variable, Duration fallback) {
		return manifests.all(ConfigMap.class).stream().map(map -> map.getData().get(variable)).filter(Objects::nonNull)
			.findFirst().map(DurationStyle::detectAndParse).orElse(fallback);
	}

	static ResourceDefinitionContext customResource(String kind) {
		return new ResourceDefinitionContext.Builder().withGroup("monitoring.coreos.com").withVersion("v1")
			.withKind(kind).withPlural(kind.toLowerCase() + "s").withNamespaced(true).build();
	}

	/** Durations set in src/main/resources/application.yml. */
	record ServiceYaml(Map<String, Object> flat) {

		static ServiceYaml load() {
			try {
				var sources = new org.springframework.boot.env.YamlPropertySourceLoader().load("application",
						new org.springframework.core.io.FileSystemResource("src/main/resources/application.yml"));
				Map<String, Object> flat = new java.util.HashMap<>();
				for (var source : sources) {
					var enumerable = (org.springframework.core.env.EnumerablePropertySource<?>) source;
					for (String name : enumerable.getPropertyNames()) {
						flat.putIfAbsent(name, enumerable.getProperty(name));
					}
				}
				return new ServiceYaml(flat);
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}

		Duration get(String name) {
			try {
				return DurationStyle.detectAndParse(String.valueOf(flat.get(name)));
			}
			catch (DateTimeParseException | IllegalArgumentException e) {
				throw new AssertionError(name + " in application.yml: " + flat.get(name), e);
			}
		}
	}
}
