package com.returnit.security.fuzz;

import com.returnit.support.Api;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random requests derived from the OpenAPI document: every operation, path and query parameters drawn from real
 * ids (both tenants') and garbage, bodies built from the schema and then often spoiled (wrong types, missing or
 * unknown fields, extreme values, broken JSON, wrong content type).
 */
final class RequestGenerator {

	record Operation(String method, String path, JsonNode spec) {
	}

	record FuzzRequest(String operation, String method, String path, String body, String contentType) {
	}

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
	private static final List<String> GARBAGE = List.of("", "x", "-1", "0", "99999999999999999999", "null", "true",
			"%00", "..%2F..%2Fetc%2Fpasswd", "' OR '1'='1", "<script>alert(1)</script>", "\u00e9\u4e2d\ud83d\ude00",
			"a".repeat(5000), "2026-13-45T99:99:99Z", "NaN", "1e309", "00000000-0000-0000-0000-000000000000");

	private final JsonNode doc;
	private final List<Operation> operations;
	private final List<String> ids;

	RequestGenerator(JsonNode doc, List<String> ids, java.util.Set<String> excluded) {
		this.doc = doc;
		this.ids = ids;
		this.operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
				String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
				if (!excluded.contains(method + " " + path.getKey())) {
					operations.add(new Operation(method, path.getKey(), op.getValue()));
				}
			}
		}
	}

	List<Operation> operations() {
		return operations;
	}

	FuzzRequest next(Random random) {
		Operation op = operations.get(random.nextInt(operations.size()));
		String path = op.path();
		StringBuilder query = new StringBuilder();
		for (JsonNode parameter : op.spec().path("parameters")) {
			String name = parameter.get("name").asString();
			String value = parameterValue(random, schema(parameter.path("schema")));
			if ("path".equals(parameter.get("in").asString())) {
				path = path.replace("{" + name + "}", encodePath(value));
			}
			else if (random.nextInt(3) > 0) {
				query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(encode(value));
			}
		}
		if (random.nextInt(20) == 0) {
			query.append(query.isEmpty() ? "?" : "&").append("unknown=").append(encode(pick(random, GARBAGE)));
		}
		JsonNode bodySchema = op.spec().at("/requestBody/content/application~1json/schema");
		if (bodySchema.isMissingNode()) {
			return new FuzzRequest(op.method() + " " + op.path(), op.method(), path + query,
					random.nextInt(10) == 0 ? "{\"x\":1}" : null, "application/json");
		}
		return body(random, op.method() + " " + op.path(), op.method(), path + query, value(random, schema(bodySchema), 0));
	}

	private FuzzRequest body(Random random, String operation, String method, String path, JsonNode valid) {
		String json = Api.JSON.writeValueAsString(spoil(random, valid, 0));
		return switch (random.nextInt(12)) {
			case 0 -> new FuzzRequest(operation, method, path, json.substring(0, random.nextInt(Math.max(1, json.length()))), "application/json");
			case 1 -> new FuzzRequest(operation, method, path, json, "text/plain");
			case 2 -> new FuzzRequest(operation, method, path, null, "application/json");
			case 3 -> new FuzzRequest(operation, method, path, "[" + json + "]", "application/json");
			case 4 -> new FuzzRequest(operation, method, path, Api.JSON.writeValueAsString(valid), "application/json");
			default -> new FuzzRequest(operation, method, path, json, "application/json");
		};
	}

	/** A copy with one spoiled value now and then, at any depth. */
	private JsonNode spoil(Random random, JsonNode node, int depth) {
		if (random.nextInt(4) == 0) {
			return junk(random);
		}
		if (node instanceof ObjectNode object) {
			ObjectNode copy = object.deepCopy();
			List<String> names = new ArrayList<>(copy.propertyNames());
			for (String name : names) {
				int roll = random.nextInt(10);
				if (roll == 0) {
					copy.remove(name);
				}
				else if (roll == 1) {
					copy.set(name, junk(random));
				}
				else if (depth < 4) {
					copy.set(name, spoil(random, copy.get(name), depth + 1));
				}
			}
			if (random.nextInt(15) == 0) {
				copy.put("unexpected", "field");
			}
			return copy;
		}
		if (node instanceof ArrayNode array && depth < 4 && !array.isEmpty()) {
			ArrayNode copy = array.deepCopy();
			int i = random.nextInt(copy.size());
			copy.set(i, spoil(random, copy.get(i), depth + 1));
			return copy;
		}
		return node;
	}

	private JsonNode junk(Random random) {
		return switch (random.nextInt(9)) {
			case 0 -> NODES.nullNode();
			case 1 -> NODES.numberNode(random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE);
			case 2 -> NODES.numberNode(-random.nextInt(1000));
			case 3 -> NODES.numberNode(1e300 * (random.nextBoolean() ? 1 : -1));
			case 4 -> NODES.booleanNode(random.nextBoolean());
			case 5 -> NODES.arrayNode().add(NODES.stringNode(pick(random, GARBAGE)));
			case 6 -> NODES.objectNode().put("x", pick(random, GARBAGE));
			case 7 -> NODES.stringNode(pick(random, ids));
			default -> NODES.stringNode(pick(random, GARBAGE));
		};
	}

	private JsonNode value(Random random, JsonNode schema, int depth) {
		JsonNode resolved = schema(schema);
		if (resolved.has("oneOf") || resolved.has("anyOf")) {
			JsonNode options = resolved.has("oneOf") ? resolved.get("oneOf") : resolved.get("anyOf");
			return value(random, options.get(random.nextInt(options.size())), depth);
		}
		if (resolved.has("enum")) {
			return resolved.get("enum").get(random.nextInt(resolved.get("enum").size()));
		}
		String type = type(resolved);
		return switch (type) {
			case "object" -> object(random, resolved, depth);
			case "array" -> {
				ArrayNode array = NODES.arrayNode();
				int n = depth > 3 ? 0 : 1 + random.nextInt(3);
				for (int i = 0; i < n; i++) {
					array.add(value(random, resolved.path("items"), depth + 1));
				}
				yield array;
			}
			case "integer" -> NODES.numberNode(number(random, resolved));
			case "number" -> NODES.numberNode(random.nextBoolean() ? 52.5 + random.nextDouble() / 10 : 13.4 + random.nextDouble() / 10);
			case "boolean" -> NODES.booleanNode(random.nextBoolean());
			default -> NODES.stringNode(string(random, resolved));
		};
	}

	private ObjectNode object(Random random, JsonNode schema, int depth) {
		ObjectNode object = NODES.objectNode();
		Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").properties().iterator();
		while (properties.hasNext() && depth < 5) {
			Map.Entry<String, JsonNode> property = properties.next();
			object.set(property.getKey(), value(random, property.getValue(), depth + 1));
		}
		return object;
	}

	private long number(Random random, JsonNode schema) {
		long min = schema.has("minimum") ? schema.get("minimum").asLong() : 0;
		long max = schema.has("maximum") ? schema.get("maximum").asLong() : 100_000;
		return min + (long) (random.nextDouble() * Math.max(1, max - min));
	}

	private String string(Random random, JsonNode schema) {
		String format = schema.path("format").asString("");
		return switch (format) {
			case "uuid" -> pick(random, ids);
			case "date-time" -> java.time.Instant.now().plusSeconds(random.nextInt(400_000) - 200_000).toString();
			case "email" -> "fuzz-" + random.nextInt(1000) + "@test.returnit.local";
			default -> random.nextInt(4) == 0 ? pick(random, ids) : "fuzz-" + Long.toString(random.nextLong(), 36);
		};
	}

	private String parameterValue(Random random, JsonNode schema) {
		if (random.nextInt(4) == 0) {
			return pick(random, GARBAGE);
		}
		if ("uuid".equals(schema.path("format").asString("")) || random.nextBoolean()) {
			return pick(random, ids);
		}
		JsonNode value = value(random, schema, 0);
		return value.isString() ? value.asString() : value.toString();
	}

	private JsonNode schema(JsonNode schema) {
		JsonNode current = schema;
		for (int i = 0; i < 10 && current.has("$ref"); i++) {
			current = doc.at(current.get("$ref").asString().substring(1));
		}
		return current;
	}

	private static String type(JsonNode schema) {
		JsonNode type = schema.path("type");
		if (type.isArray()) {
			for (JsonNode t : type) {
				if (!"null".equals(t.asString())) {
					return t.asString();
				}
			}
		}
		if (type.isString()) {
			return type.asString();
		}
		return schema.has("properties") ? "object" : "string";
	}

	private static String pick(Random random, List<String> values) {
		return values.get(random.nextInt(values.size()));
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static String encodePath(String value) {
		return value.isEmpty() ? "%20" : encode(value).replace("+", "%20");
	}

	static String randomId() {
		return UUID.randomUUID().toString();
	}
}
