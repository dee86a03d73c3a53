package com.returnit.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem+json answer from places that run outside Spring MVC: servlet filters and security handlers. */
public final class ProblemResponses {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProblemResponses() {
	}

	public static void write(HttpServletResponse response, HttpStatus status, String detail, String instance)
			throws IOException {
		write(response, status, detail, instance, null);
	}

	/** A problem naming the one field (or query parameter, or header) that is wrong, as validation errors do. */
	public static void writeFieldError(HttpServletResponse response, HttpStatus status, FieldError error,
			String instance) throws IOException {
		write(response, status, "Field '" + error.field() + "' " + error.message() + ".", instance, error);
	}

	private static void write(HttpServletResponse response, HttpStatus status, String detail, String instance,
			@Nullable FieldError error) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", status.getReasonPhrase());
		body.put("status", status.value());
		body.put("detail", detail);
		body.put("instance", instance);
		if (error != null) {
			body.put("errors", List.of(Map.of("field", error.field(), "message", error.message())));
		}
		response.setStatus(status.value());
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		response.getOutputStream().write(JSON.writeValueAsBytes(body));
	}
}
