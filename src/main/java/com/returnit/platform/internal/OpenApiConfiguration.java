package com.returnit.platform.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document: one bearer scheme (a JWT access token, or a merchant's {@code rk_} API key), and the
 * problem+json error answers every operation can give.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	private static final String BEARER = "bearer";
	private static final String PROBLEM = "#/components/schemas/Problem";
	private static final Set<String> PUBLIC = Set.of("/v1/customers", "/v1/auth/token", "/v1/auth/refresh", "/v1/public/tracking/{token}",
			"/.well-known/jwks.json", "/v1/public/return-sessions/{token}", "/v1/public/return-sessions/{token}/access",
			"/v1/customers/claims", "/v1/customers/claims/{token}", "/v1/email-verifications/{token}", "/v1/slots");
	/** Paths whose GET needs no login (their other methods do): the merchant directory and address search. */
	private static final Set<String> PUBLIC_GET = Set.of("/v1/merchants", "/v1/places/search", "/v1/places/reverse");
	/** Paths whose GET answers with or without a login, differently: the feature flags evaluated for the caller. */
	private static final Set<String> OPTIONAL_LOGIN_GET = Set.of("/v1/flags/evaluated");
	private static final Map<String, String> ERRORS = Map.of(
			"400", "Malformed JSON, an unknown field, or invalid values (see errors[])",
			"401", "Missing, invalid or expired credentials",
			"403", "The caller's role may not do this",
			"404", "No such resource, or it belongs to someone else",
			"409", "Conflicts with the current state, or the Idempotency-Key is in flight",
			"413", "Request body larger than 1 MiB",
			"415", "Content-Type is not application/json",
			"422", "Well-formed but refused by business rules (see violations[]/errors[])",
			"429", "Rate limit (or failed-login lock) exceeded: wait Retry-After seconds");

	@Bean
	OpenAPI returnItOpenApi() {
		return new OpenAPI()
			.info(new Info().title("ReturnIt API").version("v1")
				.description("On-demand return pickups. Errors are RFC 9457 problem+json. Creating POSTs accept an "
						+ "Idempotency-Key header (replayed for 24 h)."))
			.components(new Components()
				.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
					.bearerFormat("JWT access token, or a merchant API key rk_...")
					.description("People log in at /v1/auth/token; merchants use API keys.")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	@Bean
	OpenApiCustomizer problemResponses() {
		return openApi -> {
			openApi.getComponents().addSchemas("Problem", problemSchema());
			openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
				if (PUBLIC.contains(path) || PUBLIC_GET.contains(path) && operation == item.getGet()) {
					operation.setSecurity(java.util.List.of());
				}
				if (OPTIONAL_LOGIN_GET.contains(path) && operation == item.getGet()) {
					operation.setSecurity(java.util.List.of(new SecurityRequirement(),
							new SecurityRequirement().addList(BEARER)));
				}
				addErrors(operation);
			}));
		};
	}

	private static void addErrors(Operation operation) {
		ERRORS.forEach((status, description) -> {
			if (operation.getResponses().get(status) == null) {
				operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
					.content(new Content().addMediaType("application/problem+json",
							new MediaType().schema(new Schema<>().$ref(PROBLEM)))));
			}
		});
	}

	@SuppressWarnings("rawtypes")
	private static Schema problemSchema() {
		ObjectSchema fieldError = new ObjectSchema();
		fieldError.addProperty("field", new StringSchema()).addProperty("message", new StringSchema());
		ObjectSchema violation = new ObjectSchema();
		violation.addProperty("sku", new StringSchema()).addProperty("rule", new StringSchema())
			.addProperty("message", new StringSchema());
		ObjectSchema problem = new ObjectSchema();
		problem.description("RFC 9457 problem details")
			.addProperty("type", new StringSchema())
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("code", new StringSchema().description("set on problems a client tells apart, e.g. slot_full"))
			.addProperty("instance", new StringSchema())
			.addProperty("errors", new ArraySchema().items(fieldError))
			.addProperty("violations", new ArraySchema().items(violation));
		return problem;
	}
}
