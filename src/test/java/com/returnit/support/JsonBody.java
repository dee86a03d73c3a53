package com.returnit.support;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A request body to spoil one field at a time: {@code body.with("items[0].valueCents", -1)} answers a copy with
 * that one value replaced, addressed by the same JSON path that a field error names.
 */
public final class JsonBody {

	private final ObjectNode root;

	private JsonBody(ObjectNode root) {
		this.root = root;
	}

	public static JsonBody of(Object value) {
		return new JsonBody((ObjectNode) Api.JSON.valueToTree(value));
	}

	/** A copy with the value at {@code path} set, added when absent (an index one past the end appends); {@code null} writes JSON null. */
	public JsonBody with(String path, Object value) {
		ObjectNode copy = root.deepCopy();
		Step last = steps(path).getLast();
		JsonNode parent = parentOf(copy, path);
		JsonNode node = value == null ? Api.JSON.nullNode() : Api.JSON.valueToTree(value);
		if (last.index() >= 0 && last.index() == parent.size()) {
			((ArrayNode) parent).add(node);
		}
		else if (last.index() >= 0) {
			((ArrayNode) parent).set(last.index(), node);
		}
		else {
			((ObjectNode) parent).set(last.name(), node);
		}
		return new JsonBody(copy);
	}

	/** A copy without the field at {@code path}. */
	public JsonBody without(String path) {
		ObjectNode copy = root.deepCopy();
		((ObjectNode) parentOf(copy, path)).remove(steps(path).getLast().name());
		return new JsonBody(copy);
	}

	@Override
	public String toString() {
		return Api.JSON.writeValueAsString(root);
	}

	private record Step(String name, int index) {
	}

	private static JsonNode parentOf(JsonNode root, String path) {
		List<Step> steps = steps(path);
		JsonNode node = root;
		for (Step step : steps.subList(0, steps.size() - 1)) {
			node = step.index() >= 0 ? node.get(step.index()) : node.get(step.name());
		}
		return node;
	}

	/** {@code items[0].valueCents} becomes items, [0], valueCents. */
	private static List<Step> steps(String path) {
		List<Step> steps = new ArrayList<>();
		for (String part : path.split("\\.")) {
			int bracket = part.indexOf('[');
			steps.add(new Step(bracket < 0 ? part : part.substring(0, bracket), -1));
			for (int i = bracket; i >= 0; i = part.indexOf('[', i + 1)) {
				steps.add(new Step(null, Integer.parseInt(part.substring(i + 1, part.indexOf(']', i)))));
			}
		}
		return steps;
	}
}
