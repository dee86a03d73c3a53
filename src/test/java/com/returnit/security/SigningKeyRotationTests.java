package com.returnit.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SigningKeyRotationTests extends EndToEndTest {

	@Test
	void aRotationLogsNobodyOutAndTheJwksPublishesTheOldAndTheNewKey() {
		var customer = fixtures.customer();
		String before = kid(customer.token());
		assertThat(jwksKids()).contains(before);

		Api.Response rotated = api.post("/v1/signing-keys/rotate", fixtures.operatorToken(), "");
		assertThat(rotated.status()).isEqualTo(201);
		String after = rotated.text("kid");
		String fresh = fixtures.login(customer.email(), "customer-password-1");

		assertThat(after).isNotEqualTo(before);
		assertThat(kid(fresh)).isEqualTo(after);
		assertThat(api.get("/v1/orders", customer.token()).status()).as("token signed by the retired key").isEqualTo(200);
		assertThat(api.get("/v1/orders", fresh).status()).isEqualTo(200);
		assertThat(jwksKids()).contains(before, after);
		JsonNode keys = api.get("/.well-known/jwks.json", null).body().get("keys");
		assertThat(keys).allSatisfy(key -> {
			assertThat(key.get("kty").asString()).isEqualTo("RSA");
			assertThat(key.has("d")).as("no private part is published").isFalse();
		});
	}

	@Test
	void onlyOperatorsRotateKeys() {
		assertThat(api.post("/v1/signing-keys/rotate", fixtures.customer().token(), "").status()).isEqualTo(403);
	}

	@Test
	void aRotationIsAudited() {
		String operator = fixtures.operatorToken();
		String kid = api.post("/v1/signing-keys/rotate", operator, "").text("kid");

		JsonNode events = api.get("/v1/audit-events?targetId=" + kid, operator).body().get("data");
		assertThat(events).extracting(event -> event.get("action").asString()).contains("signing_key.created");
	}

	private List<String> jwksKids() {
		return api.get("/.well-known/jwks.json", null).body().get("keys").valueStream()
			.map(key -> key.get("kid").asString()).toList();
	}

	private static String kid(String jwt) {
		return Api.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[0])).get("kid").asString();
	}
}
