package com.returnit.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** Every operation of the service's own OpenAPI document: its parameters and body schema, references resolved. */
final class ApiOperations {

	record Parameter(String name, String in, JsonNode schema, boolean required) {
	}

	record Operation(String method, String path, List<Parameter> parameters, JsonNode body) {

		boolean hasBody() {
			return !body.isMissingNode();
		}

		String name() {
			return method + " " + path;
		}
	}

	private final JsonNode document;

	ApiOperations(JsonNode document) {
		this.document = document;
	}

	List<Operation> all() {
		List<Operation> operations = new ArrayList<>();
		for (var path : document.get("paths").properties()) {
			for (var entry : path.getValue().properties()) {
				String method = entry.getKey().toUpperCase(Locale.ROOT);
				if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
					continue;
				}
				JsonNode operation = entry.getValue();
				List<Parameter> parameters = new ArrayList<>();
				for (JsonNode parameter : operation.path("parameters")) {
					JsonNode resolved = resolve(parameter);
					parameters.add(new Parameter(resolved.get("name").asString(), resolved.get("in").asString(),
							resolve(resolved.path("schema")), resolved.path("required").asBoolean(false)));
				}
				JsonNode body = operation.path("requestBody").path("content").path("application/json").path("schema");
				operations.add(new Operation(method, path.getKey(), parameters, body.isMissingNode() ? body : resolve(body)));
			}
		}
		return operations;
	}

	/** Follows a {@code $ref} to its component (once; nested references are followed where they are used). */
	JsonNode resolve(JsonNode node) {
		JsonNode ref = node.get("$ref");
		if (ref == null) {
			return node;
		}
		JsonNode target = document;
		for (String part : ref.asString().substring(2).split("/")) {
			target = target.path(part);
		}
		return resolve(target);
	}
}
