package com.returnit.fuzz;

import static com.returnit.fuzz.HostileValues.draw;

import com.returnit.support.Api;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes the i-th hostile request of a seeded run: the operation is the i-th of the OpenAPI document (round robin, so
 * every operation gets its share), the caller one of the roles or a forged one, and the request a plausible one with
 * one thing made hostile: a body field, the whole body, the media type, a query parameter, a path id or a header.
 * Request i of seed s is the same in every run, so a failure is replayed by its (seed, index).
 */
final class HostileRequests {

	record Identity(String role, String authorization) {
	}

	record Probe(long seed, int index, String operation, String identity, String method, String target,
			List<String[]> headers, byte[] body, String what) {

		String describe() {
			String shownBody = new String(body, StandardCharsets.UTF_8);
			if (shownBody.length() > 300) {
				shownBody = shownBody.substring(0, 300) + "... (" + body.length + " bytes)";
			}
			String shownTarget = target.length() > 300 ? target.substring(0, 300) + "..." : target;
			StringBuilder headerText = new StringBuilder();
			headers.forEach(h -> headerText.append(h[0]).append(": ")
				.append(h[1].length() > 80 ? h[1].substring(0, 80) + "..." : h[1]).append("; "));
			return "seed " + seed + " request #" + index + " [" + operation + " as " + identity + ", " + what + "] "
					+ method + " " + shownTarget + " {" + headerText + "} " + shownBody;
		}
	}

	private static final String HOLE = "@@HOSTILE@@";
	private static final List<String> SELF_DESTRUCTIVE = List.of("DELETE /v1/customers/me", "POST /v1/auth/logout",
			"POST /v1/signing-keys/rotate", "DELETE /v1/merchants/{id}/api-keys/{keyId}");

	private final ApiOperations document;
	private final List<ApiOperations.Operation> operations;
	private final List<Identity> identities;
	private final Map<String, List<String>> ids;

	/** {@code ids}: real ids by the path prefix they belong under ("/v1/orders/"), so some probes hit real objects. */
	HostileRequests(ApiOperations document, List<Identity> identities, Map<String, List<String>> ids) {
		this.document = document;
		this.operations = document.all();
		this.identities = identities;
		this.ids = ids;
	}

	int operationCount() {
		return operations.size();
	}

	Probe probe(long seed, int index) {
		Random random = new Random(seed * 0x9E3779B97F4A7C15L + index);
		ApiOperations.Operation operation = operations.get(index % operations.size());
		Identity identity = identities.get(random.nextInt(identities.size()));
		if (SELF_DESTRUCTIVE.contains(operation.name()) && !identity.role().equals("anonymous")) {
			identity = identities.getFirst();
		}
		List<String[]> headers = new ArrayList<>();
		String what;
		int strategy = random.nextInt(100);
		String auth = identity.authorization();
		if (strategy < 8 && auth != null) {
			auth = draw(HostileValues.authorization(auth), random);
			what = "forged authorization";
		}
		else {
			what = null;
		}
		if (auth != null) {
			headers.add(new String[] { "Authorization", auth });
		}
		String path = path(operation, random, strategy >= 8 && strategy < 20);
		if (what == null && strategy >= 8 && strategy < 20) {
			what = "hostile path id";
		}
		String query = query(operation, random, strategy >= 20 && strategy < 38);
		if (what == null && strategy >= 20 && strategy < 38) {
			what = "hostile query";
		}
		byte[] body = new byte[0];
		String contentType = null;
		if (operation.hasBody() || strategy >= 90) {
			contentType = "application/json";
			if (strategy >= 38 && strategy < 68) {
				body = bytes(mutatedBody(operation, random));
				what = what == null ? "hostile body field" : what;
			}
			else if (strategy >= 68 && strategy < 80) {
				body = wholeBody(operation, random);
				what = what == null ? "hostile body" : what;
			}
			else if (strategy >= 80 && strategy < 88) {
				body = random.nextBoolean() ? bytes(plausibleBody(operation, random)) : wholeBody(operation, random);
				contentType = draw(HostileValues.contentType(), random);
				what = what == null ? "odd media type" : what;
			}
			else {
				body = bytes(plausibleBody(operation, random));
			}
		}
		if (contentType != null) {
			headers.add(new String[] { "Content-Type", contentType });
		}
		if (strategy >= 88 && strategy < 94) {
			headers.add(new String[] { "Accept", draw(HostileValues.accept(), random) });
			what = what == null ? "odd accept" : what;
		}
		if (operation.method().equals("POST") && random.nextInt(4) == 0) {
			headers.add(new String[] { "Idempotency-Key", draw(Arbitraries.of(new UUID(random.nextLong(), random.nextLong()).toString(), "", " ",
					"k".repeat(300), "\u00e9t\u00e9", "key\u0001", "a b c"), random) });
		}
		if (strategy >= 94) {
			headers.add(new String[] { draw(Arbitraries.of("ReturnIt-Refresh", "Cookie", "X-Forwarded-For", "Origin",
					"Range", "If-None-Match", "Accept-Language", "Accept-Encoding"), random),
					draw(Arbitraries.of("cookie", "returnit_refresh=garbage", "999.1.1.1, <script>", "null",
							"bytes=0-0,-1", "\"x\"", "zz-ZZ;q=2", "gzip;q=NaN", "\u00e9", "\u0001"), random) });
			what = what == null ? "odd header" : what;
		}
		return new Probe(seed, index, operation.name(), identity.role(), operation.method(),
				query.isEmpty() ? path : path + "?" + query, headers, body, what == null ? "plausible" : what);
	}

	private String path(ApiOperations.Operation operation, Random random, boolean hostile) {
		String path = operation.path();
		for (ApiOperations.Parameter parameter : operation.parameters()) {
			if (!parameter.in().equals("path")) {
				continue;
			}
			String prefix = path.substring(0, path.indexOf("{" + parameter.name() + "}"));
			List<String> known = ids.getOrDefault(prefix, List.of());
			String value = hostile || known.isEmpty() && random.nextBoolean() ? draw(HostileValues.pathSegment(), random)
					: known.isEmpty() ? new UUID(random.nextLong(), random.nextLong()).toString() : known.get(random.nextInt(known.size()));
			path = path.replace("{" + parameter.name() + "}", value);
		}
		return path;
	}

	private String query(ApiOperations.Operation operation, Random random, boolean hostile) {
		List<String> pairs = new ArrayList<>();
		for (ApiOperations.Parameter parameter : operation.parameters()) {
			if (!parameter.in().equals("query")) {
				continue;
			}
			if (hostile && random.nextInt(3) > 0) {
				pairs.add(parameter.name() + "=" + draw(HostileValues.queryValue(), random));
			}
			else if (parameter.required() || random.nextInt(3) == 0) {
				pairs.add(parameter.name() + "=" + HostileValues.percentEncoded(plausibleText(parameter.name(),
						parameter.schema(), random)));
			}
		}
		if (hostile) {
			switch (random.nextInt(6)) {
				case 0 -> pairs.add(draw(HostileValues.queryValue(), random) + "=" + draw(HostileValues.queryValue(), random));
				case 1 -> pairs.addAll(pairs.isEmpty() ? List.of("x=1") : List.of(pairs.getFirst(), pairs.getFirst()));
				case 2 -> {
					for (int i = 0; i < 1_001; i++) {
						pairs.add("p" + i + "=1");
					}
				}
				default -> {
				}
			}
		}
		return String.join("&", pairs);
	}

	private String mutatedBody(ApiOperations.Operation operation, Random random) {
		JsonNode body = sample(operation.body(), random, 0);
		List<Runnable> holes = new ArrayList<>();
		collectHoles(body, holes, random);
		if (holes.isEmpty()) {
			return draw(HostileValues.jsonValue(), random);
		}
		holes.get(random.nextInt(holes.size())).run();
		return Api.JSON.writeValueAsString(body).replace("\"" + HOLE + "\"", draw(HostileValues.jsonValue(), random));
	}

	/** Every place a hostile value can go: each field's value (or the field removed), each array element. */
	private static void collectHoles(JsonNode node, List<Runnable> holes, Random random) {
		if (node instanceof ObjectNode object) {
			for (String name : List.copyOf(object.propertyNames())) {
				JsonNode child = object.get(name);
				holes.add(() -> object.put(name, HOLE));
				holes.add(() -> object.remove(name));
				collectHoles(child, holes, random);
			}
			holes.add(() -> object.put("unknown" + random.nextInt(10), HOLE));
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				int at = i;
				holes.add(() -> array.set(at, JsonNodeFactory.instance.textNode(HOLE)));
				collectHoles(array.get(i), holes, random);
			}
		}
	}

	private byte[] wholeBody(ApiOperations.Operation operation, Random random) {
		String plausible = plausibleBody(operation, random);
		return switch (random.nextInt(12)) {
			case 0 -> {
				byte[] noise = new byte[random.nextInt(200)];
				random.nextBytes(noise);
				yield noise;
			}
			case 1 -> new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}' };
			case 2 -> bytes(plausible.substring(0, random.nextInt(Math.max(1, plausible.length()))));
			case 3 -> bytes("[".repeat(20_000));
			case 4 -> bytes(plausible.replaceFirst("\\{\"([^\"]+)\":", "{\"$1\":null,\"$1\":"));
			case 5 -> bytes(draw(Arbitraries.of("[]", "\"x\"", "1", "null", "true", "[{}]", "{}"), random));
			case 6 -> new byte[0];
			case 7 -> {
				byte[] json = bytes(plausible);
				byte[] withBom = new byte[json.length + 3];
				withBom[0] = (byte) 0xef;
				withBom[1] = (byte) 0xbb;
				withBom[2] = (byte) 0xbf;
				System.arraycopy(json, 0, withBom, 3, json.length);
				yield withBom;
			}
			case 8 -> bytes("/* comment */" + plausible);
			case 9 -> {
				StringBuilder many = new StringBuilder("{");
				for (int i = 0; i < 20_000; i++) {
					many.append("\"k").append(i).append("\":").append(i).append(',');
				}
				yield bytes(many.append("\"end\":0}").toString());
			}
			case 10 -> new byte[] { '"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"' };
			default -> bytes(plausible.replace("\"", "'"));
		};
	}

	private String plausibleBody(ApiOperations.Operation operation, Random random) {
		return Api.JSON.writeValueAsString(sample(operation.body(), random, 0));
	}

	/** A value the schema describes, as a well-meaning client would send it. */
	private JsonNode sample(JsonNode schema, Random random, int depth) {
		schema = document.resolve(schema);
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		if (schema.has("oneOf") || schema.has("anyOf")) {
			JsonNode choices = schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
			return sample(choices.get(random.nextInt(choices.size())), random, depth);
		}
		if (schema.has("allOf")) {
			return sample(schema.get("allOf").get(0), random, depth);
		}
		String type = schema.path("type").asString("object");
		if (schema.has("enum")) {
			JsonNode values = schema.get("enum");
			return values.get(random.nextInt(values.size()));
		}
		return switch (type) {
			case "object" -> {
				ObjectNode object = nodes.objectNode();
				if (depth > 6) {
					yield object;
				}
				List<String> required = new ArrayList<>();
				schema.path("required").forEach(name -> required.add(name.asString()));
				for (var property : schema.path("properties").properties()) {
					if (required.contains(property.getKey()) || random.nextInt(3) > 0) {
						object.set(property.getKey(), sampleNamed(property.getKey(), property.getValue(), random, depth + 1));
					}
				}
				yield object;
			}
			case "array" -> {
				ArrayNode array = nodes.arrayNode();
				int size = 1 + random.nextInt(2);
				for (int i = 0; i < size && depth <= 6; i++) {
					array.add(sample(schema.path("items"), random, depth + 1));
				}
				yield array;
			}
			case "integer" -> nodes.numberNode(Math.max(schema.path("minimum").asLong(0), Math.min(
					schema.path("maximum").asLong(Long.MAX_VALUE), 1 + random.nextInt(20))));
			case "number" -> nodes.numberNode(1.5 + random.nextInt(10));
			case "boolean" -> nodes.booleanNode(random.nextBoolean());
			default -> nodes.textNode(plausibleText("", schema, random));
		};
	}

	private JsonNode sampleNamed(String name, JsonNode schema, Random random, int depth) {
		return switch (name) {
			case "lat" -> JsonNodeFactory.instance.numberNode(52.52 + random.nextDouble() / 100);
			case "lng" -> JsonNodeFactory.instance.numberNode(13.40 + random.nextDouble() / 100);
			default -> sample(schema, random, depth);
		};
	}

	private String plausibleText(String name, JsonNode schema, Random random) {
		schema = document.resolve(schema);
		if (schema.has("enum")) {
			JsonNode values = schema.get("enum");
			return values.get(random.nextInt(values.size())).asString();
		}
		String format = schema.path("format").asString("");
		String type = schema.path("type").asString("string");
		if (type.equals("integer") || type.equals("number")) {
			return String.valueOf(1 + random.nextInt(20));
		}
		if (type.equals("boolean")) {
			return String.valueOf(random.nextBoolean());
		}
		return switch (format) {
			case "uuid" -> {
				List<String> all = ids.values().stream().flatMap(List::stream).toList();
				yield all.isEmpty() || random.nextBoolean() ? new UUID(random.nextLong(), random.nextLong()).toString()
						: all.get(random.nextInt(all.size()));
			}
			case "date-time" -> "2026-12-0" + (1 + random.nextInt(9)) + "T10:00:00Z";
			case "date" -> "2026-11-0" + (1 + random.nextInt(9));
			case "email" -> "fuzz-" + random.nextInt(1_000_000) + "@test.returnit.local";
			case "uri" -> "http://127.0.0.1:9/hook";
			default -> name.equals("month") ? "2026-1" + random.nextInt(3)
					: "fuzz text " + random.nextInt(1_000);
		};
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
