package com.returnit.orders.internal;

import com.returnit.identity.Caller;
import com.returnit.orders.ReturnSessions;
import com.returnit.platform.InvalidInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A guest of a return link sends only what the customer chooses: the pickup, the window, and per item its
 * {@code sku} (plus the customer's own fields). Before the body is read, each item's description, category,
 * purchase time, value, order reference and (when the merchant gave it) tags are set from the session, whatever the
 * browser sent, and {@code merchantId} is the session's when missing (ADR 0035). An sku the session does not have is
 * refused here (422 naming it), before validation would ask for the fields nobody can fill in.
 */
@ControllerAdvice(assignableTypes = OrderController.class)
class GuestRequestBodies extends RequestBodyAdviceAdapter {

	private final GuestBookings guests;
	private final JsonMapper json;

	GuestRequestBodies(GuestBookings guests, JsonMapper json) {
		this.guests = guests;
		this.json = json;
	}

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return (targetType == OrderBodies.QuoteBody.class || targetType == OrderBodies.OrderBody.class) && guest() != null;
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		byte[] body = input.getBody().readAllBytes();
		JsonNode root;
		try {
			root = json.readTree(body);
		}
		catch (RuntimeException e) {
			return message(input.getHeaders(), body); // malformed: answered as for anyone
		}
		if (root instanceof ObjectNode object && object.path("items").isArray() && !object.has("quoteId")) {
			fill(object, guests.session(Objects.requireNonNull(Objects.requireNonNull(guest()).sessionId())));
			return message(input.getHeaders(), json.writeValueAsBytes(object));
		}
		return message(input.getHeaders(), body);
	}

	private static void fill(ObjectNode request, ReturnSessions.Session session) {
		if (!request.has("merchantId")) {
			request.put("merchantId", session.merchantId().toString());
		}
		JsonNode items = request.get("items");
		for (int i = 0; i < items.size(); i++) {
			if (items.get(i) instanceof ObjectNode item && item.path("sku").isString()) {
				String sku = item.get("sku").asString().trim();
				int index = i;
				ReturnSessions.Item named = session.item(sku).orElseThrow(() -> InvalidInput
					.unprocessable("items[" + index + "].sku", "is not an item of your return link"));
				item.put("sku", named.sku());
				item.put("description", named.description());
				item.put("category", named.category());
				item.put("purchasedAt", named.purchasedAt().toString());
				item.put("valueCents", named.valueCents());
				item.put("merchantOrderRef", session.merchantOrderRef());
				if (named.tagsAttached() != null) {
					item.put("tagsAttached", named.tagsAttached().booleanValue());
				}
			}
		}
	}

	private static @Nullable Caller guest() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof Caller caller && caller.isGuest() ? caller : null;
	}

	private static HttpInputMessage message(HttpHeaders original, byte[] body) {
		HttpHeaders headers = new HttpHeaders();
		headers.addAll(original);
		headers.setContentLength(body.length);
		return new HttpInputMessage() {
			@Override
			public InputStream getBody() {
				return new ByteArrayInputStream(body);
			}

			@Override
			public HttpHeaders getHeaders() {
				return headers;
			}
		};
	}
}
