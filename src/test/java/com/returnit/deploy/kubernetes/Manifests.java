package com.returnit.deploy.kubernetes;

import com.returnit.deploy.Commands;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.Yaml;

/**
 * The objects of one Kustomize overlay as {@code kubectl kustomize} renders them, each read into fabric8's typed model
 * of its kind (ServiceMonitor and PrometheusRule, custom resources, as {@link GenericKubernetesResource}). A field the
 * model does not know (a typo, a field of another API version) lands in the model's additionalProperties, which
 * {@link #unknownFields} finds anywhere in the object.
 */
record Manifests(String overlay, List<HasMetadata> objects) {

	static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

	/** Each overlay rendered once per test run (kubectl is a process per call); parsed anew for each caller. */
	private static final Map<String, String> RENDERED = new java.util.concurrent.ConcurrentHashMap<>();

	/** {@code KUBECTL=/path/to/kubectl} renders with another kubectl (e.g. Debian's 1.20, kustomize v2.0.3). */
	static Manifests render(String overlay) {
		String kubectl = Optional.ofNullable(System.getenv("KUBECTL")).orElse("kubectl");
		String yaml = RENDERED.computeIfAbsent(overlay,
				o -> Commands.succeed(List.of(kubectl, "kustomize", "deploy/kubernetes/overlays/" + o)));
		return new Manifests(overlay, parse(yaml));
	}

	static List<HasMetadata> parse(String yaml) {
		List<HasMetadata> objects = new ArrayList<>();
		for (Object document : new Yaml().loadAll(yaml)) {
			if (document != null) {
				objects.add(SERIALIZATION.convertValue(document, HasMetadata.class));
			}
		}
		return objects;
	}

	<T extends HasMetadata> List<T> all(Class<T> type) {
		return objects.stream().filter(type::isInstance).map(type::cast).toList();
	}

	<T extends HasMetadata> T one(Class<T> type) {
		List<T> found = all(type);
		if (found.size() != 1) {
			throw new AssertionError(overlay + ": expected one " + type.getSimpleName() + ", found " + found.size());
		}
		return found.getFirst();
	}

	GenericKubernetesResource custom(String kind) {
		return objects.stream().filter(o -> o instanceof GenericKubernetesResource && kind.equals(o.getKind()))
			.map(GenericKubernetesResource.class::cast).findFirst()
			.orElseThrow(() -> new AssertionError(overlay + ": no " + kind));
	}

	/** Paths of fields that the typed model did not know, e.g. {@code Deployment returnit: spec.template.spec.foo}. */
	static List<String> unknownFields(HasMetadata object) {
		List<String> unknown = new ArrayList<>();
		if (!(object instanceof GenericKubernetesResource)) {
			walk(object, "", unknown);
		}
		return unknown.stream().map(path -> object.getKind() + " " + object.getMetadata().getName() + ": " + path)
			.toList();
	}

	private static void walk(Object value, String path, List<String> unknown) {
		if (path.chars().filter(c -> c == '.').count() > 30) {
			throw new IllegalStateException("too deep: " + path);
		}
		if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
				|| value instanceof Enum<?>) {
			return;
		}
		if (value instanceof Map<?, ?> map) {
			map.forEach((k, v) -> walk(v, path + "." + k, unknown));
			return;
		}
		if (value instanceof Collection<?> list) {
			int i = 0;
			for (Object item : list) {
				walk(item, path + "[" + i++ + "]", unknown);
			}
			return;
		}
		if (!value.getClass().getName().startsWith("io.fabric8.")) {
			return;
		}
		for (Method getter : value.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
					|| getter.getDeclaringClass() == Object.class || !getter.getName().startsWith("get")) {
				continue;
			}
			Object field = invoke(getter, value);
			String name = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
			if (name.equals("additionalProperties") && field instanceof Map<?, ?> extra) {
				extra.keySet().forEach(key -> unknown.add((path + "." + key).substring(1)));
			}
			else if (!(value instanceof GenericKubernetesResource)) {
				walk(field, path + "." + name, unknown);
			}
		}
	}

	private static Object invoke(Method getter, Object target) {
		try {
			return getter.invoke(target);
		}
		catch (IllegalAccessException | InvocationTargetException e) {
			return null;
		}
	}
}
