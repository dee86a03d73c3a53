package com.returnit.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ServiceDocumentationTests extends EndToEndTest {

	@Test
	void theOpenApiDocumentDescribesEveryEndpointItsSecurityAndItsErrors() {
		Api.Response docs = api.get("/v3/api-docs", null);

		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.text("openapi")).startsWith("3.1");
		JsonNode paths = docs.body().get("paths");
		for (String path : List.of("/v1/customers", "/v1/drivers", "/v1/auth/token", "/v1/auth/refresh",
				"/v1/merchants", "/v1/merchants/{id}", "/v1/merchants/{id}/return-policy",
				"/v1/merchants/{id}/api-keys", "/v1/merchants/{id}/api-keys/{keyId}", "/v1/service-areas",
				"/v1/quotes", "/v1/orders", "/v1/orders/{id}", "/v1/orders/{id}/cancel", "/v1/orders/{id}/events",
				"/v1/orders/{id}/cancellation", "/v1/orders/{id}/calendar.ics", "/v1/places/search", "/v1/places/reverse",
				"/v1/customers/me/addresses", "/v1/customers/me/addresses/{id}", "/v1/customers/me/erasure")) {
			assertThat(paths.has(path)).as(path).isTrue();
		}
		for (String open : List.of("/~1v1~1merchants/get", "/~1v1~1places~1search/get", "/~1v1~1places~1reverse/get")) {
			assertThat(paths.at(open + "/security").isArray()).as("security stated for " + open).isTrue();
			assertThat(paths.at(open + "/security")).as("no login for " + open).isEmpty();
		}
		assertThat(paths.at("/~1v1~1merchants/post/security").isMissingNode()).as("operators connect merchants")
			.isTrue();
		assertThat(docs.body().at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
		assertThat(paths.at("/~1v1~1orders/post/responses/422/content").has("application/problem+json")).isTrue();
		assertThat(paths.at("/~1v1~1auth~1token/post/security")).isEmpty();
		assertThat(docs.body().at("/components/schemas/Problem/properties").has("errors")).isTrue();
	}

	@Test
	void swaggerUiIsServed() {
		Api.Response ui = api.get("/swagger-ui/index.html", null);

		assertThat(ui.status()).isEqualTo(200);
		assertThat(ui.raw().body()).contains("swagger-ui");
	}

	@Test
	void healthReportsLivenessAndReadinessIncludingTheDatabase() {
		assertThat(api.get("/actuator/health/liveness", null).text("status")).isEqualTo("UP");
		Api.Response readiness = api.get("/actuator/health/readiness", null);
		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.text("status")).isEqualTo("UP");
	}
}
