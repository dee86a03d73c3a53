package com.returnit.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The web app's API client is generated from web/src/api/openapi.json; this keeps that file equal to what the
 * service documents at /v3/api-docs, so a changed endpoint fails here (and then, once the file is updated with
 * {@code bin/api-snapshot}, fails the web app's type check wherever the app uses what changed), never a user.
 */
class ApiSnapshotTests extends EndToEndTest {

	static final Path SNAPSHOT = Path.of("web/src/api/openapi.json");
	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	@Test
	void theWebAppIsBuiltOnTheApiTheServiceDocuments() throws IOException {
		Api.Response docs = api.get("/v3/api-docs", null);
		assertThat(docs.status()).isEqualTo(200);
		JsonNode live = sorted(withoutServers(docs.body()));

		if ("1".equals(System.getenv("RETURNIT_UPDATE_API_SNAPSHOT"))) {
			Files.writeString(SNAPSHOT, JSON.writeValueAsString(live) + "\n");
		}
		JsonNode committed = JSON.readTree(Files.readString(SNAPSHOT));
		assertThat(committed)
			.as("web/src/api/openapi.json differs from /v3/api-docs in %s: run bin/api-snapshot, then fix the web app "
					+ "where its type check fails", differences(committed, live))
			.isEqualTo(live);
	}

	private static JsonNode withoutServers(JsonNode docs) {
		ObjectNode copy = (ObjectNode) docs.deepCopy();
		copy.remove("servers");
		return copy;
	}

	/** Keys in order, so the file's diffs show what changed rather than what moved. */
	private static JsonNode sorted(JsonNode node) {
		if (node.isObject()) {
			ObjectNode sorted = JSON.createObjectNode();
			new TreeSet<>(node.propertyNames()).forEach(name -> sorted.set(name, sorted(node.get(name))));
			return sorted;
		}
		if (node.isArray()) {
			var array = JSON.createArrayNode();
			node.forEach(element -> array.add(sorted(element)));
			return array;
		}
		return node;
	}

	private static List<String> differences(JsonNode committed, JsonNode live) {
		List<String> changed = new ArrayList<>();
		for (String section : List.of("paths", "components/schemas")) {
			JsonNode before = committed.at("/" + section);
			JsonNode after = live.at("/" + section);
			TreeSet<String> names = new TreeSet<>(before.propertyNames());
			names.addAll(after.propertyNames());
			names.stream().filter(name -> !before.path(name).equals(after.path(name)))
				.forEach(name -> changed.add(section + " " + name));
		}
		return changed.isEmpty() ? List.of("its other parts") : changed;
	}
}
