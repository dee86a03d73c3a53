package com.returnit.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import tools.jackson.databind.JsonNode;

class AuthenticationTests extends EndToEndTest {

	@Autowired
	JwtEncoder encoder;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCustomerLogsInAndGetsAShortLivedRs256TokenForOurAudience() {
		var customer = fixtures.customer();
		Api.Response tokens = api.post("/v1/auth/token", null,
				Map.of("email", customer.email(), "password", "customer-password-1"));

		assertThat(tokens.status()).isEqualTo(200);
		assertThat(tokens.text("tokenType")).isEqualTo("Bearer");
		assertThat(tokens.body().get("expiresIn").asLong()).isBetween(1L, 900L);
		assertThat(tokens.text("refreshToken")).startsWith("rt_");
		JsonNode header = part(tokens.text("accessToken"), 0);
		JsonNode claims = part(tokens.text("accessToken"), 1);
		assertThat(header.get("alg").asString()).isEqualTo("RS256");
		assertThat(header.get("kid")).isNotNull();
		assertThat(claims.get("sub").asString()).isEqualTo(customer.id());
		assertThat(claims.get("role").asString()).isEqualTo("customer");
		assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isLessThanOrEqualTo(900);
	}

	@Test
	void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
		var customer = fixtures.customer();
		Api.Response wrongPassword = api.post("/v1/auth/token", null,
				Map.of("email", customer.email(), "password", "not-the-password"));
		Api.Response unknownEmail = api.post("/v1/auth/token", null,
				Map.of("email", "nobody@test.returnit.local", "password", "not-the-password"));

		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(unknownEmail.status()).isEqualTo(401);
		assertThat(unknownEmail.body().get("detail")).isEqualTo(wrongPassword.body().get("detail"));
		assertThat(wrongPassword.contentType()).startsWith("application/problem+json");
	}

	@Test
	void passwordsAreStoredAsArgon2idWithAtLeast19MibAndTwoIterations() {
		var customer = fixtures.customer();
		String hash = jdbc.sql("SELECT password_hash FROM accounts WHERE email = :e").param("e", customer.email())
			.query(String.class).single();

		assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
	}

	@Test
	void aRefreshTokenRotatesAndReusingAnOldOneRevokesTheWholeFamily() {
		var customer = fixtures.customer();
		String first = api.post("/v1/auth/token", null,
				Map.of("email", customer.email(), "password", "customer-password-1")).text("refreshToken");

		Api.Response rotated = api.post("/v1/auth/refresh", null, Map.of("refreshToken", first));
		assertThat(rotated.status()).isEqualTo(200);
		String second = rotated.text("refreshToken");
		assertThat(second).isNotEqualTo(first);
		assertThat(api.get("/v1/orders", rotated.text("accessToken")).status()).isEqualTo(200);

		Api.Response replayed = api.post("/v1/auth/refresh", null, Map.of("refreshToken", first));
		assertThat(replayed.status()).isEqualTo(401);
		assertThat(api.post("/v1/auth/refresh", null, Map.of("refreshToken", second)).status())
			.as("the replay revoked the newer token of the same family").isEqualTo(401);
	}

	@Test
	void tokensWithTheWrongAudienceIssuerLifetimeOrAlgorithmAreRefused() {
		var customer = fixtures.customer();
		Instant now = Instant.now();

		String wrongAudience = sign(claims(customer.id(), now, Duration.ofMinutes(5)).audience(List.of("other")).build());
		String wrongIssuer = sign(claims(customer.id(), now, Duration.ofMinutes(5)).issuer("https://evil.example").build());
		String tooLong = sign(claims(customer.id(), now, Duration.ofHours(2)).build());
		String expired = sign(claims(customer.id(), now.minus(Duration.ofHours(1)), Duration.ofMinutes(5)).build());
		String good = sign(claims(customer.id(), now, Duration.ofMinutes(5)).build());
		String unsigned = unsignedCopy(good);

		assertThat(api.get("/v1/orders", good).status()).as("control: a correct token works").isEqualTo(200);
		assertThat(api.get("/v1/orders", good).status()).as("and keeps working once remembered").isEqualTo(200);
		for (String token : List.of(wrongAudience, wrongIssuer, tooLong, expired, unsigned, good + "x")) {
			Api.Response response = api.get("/v1/orders", token);
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.contentType()).startsWith("application/problem+json");
		}
	}

	@Test
	void theBearerSchemeIsReadInAnyCaseAndAMalformedHeaderGetsA401Problem() {
		String token = fixtures.customer().token();

		assertThat(api.send("GET", "/v1/orders", null, null, "Authorization", "bearer " + token).status()).isEqualTo(200);
		assertThat(api.send("GET", "/v1/orders", null, null, "Authorization", "BEARER " + token).status()).isEqualTo(200);
		for (String header : List.of("Bearer  " + token, "Bearer " + token + "!", "Bearer " + token + "=x", "Bearer ",
				"Bearer =" + token)) {
			Api.Response response = api.send("GET", "/v1/orders", null, null, "Authorization", header);
			assertThat(response.status()).as(header).isEqualTo(401);
			assertThat(response.contentType()).startsWith("application/problem+json");
		}
	}

	@Test
	void merchantsHoldSeveralApiKeysAndARevokedKeyStopsWorkingAtOnce() {
		var merchant = fixtures.merchant("Key Holder");
		String path = "/v1/merchants/" + merchant.id() + "/api-keys";
		Api.Response created = api.post(path, merchant.apiKey(), "");
		assertThat(created.status()).isEqualTo(201);
		String second = created.text("secret");
		assertThat(second).startsWith("rk_");

		assertThat(api.get("/v1/orders", second).status()).isEqualTo(200);
		assertThat(api.get(path, merchant.apiKey()).body()).hasSize(2)
			.allSatisfy(key -> assertThat(key.has("secret")).isFalse());

		assertThat(api.delete(path + "/" + created.text("id"), merchant.apiKey()).status()).isEqualTo(204);
		assertThat(api.get("/v1/orders", second).status()).isEqualTo(401);
		assertThat(api.get("/v1/orders", merchant.apiKey()).status()).isEqualTo(200);
	}

	@Test
	void onlyOperatorsCreateDriversMerchantsAndServiceAreas() {
		String customerToken = fixtures.customer().token();
		Map<String, Object> driver = Map.of("email", "d@test.returnit.local", "password", "driver-password-12",
				"name", "D", "vehicle", Map.of("type", "bike", "capacityParcels", 4));

		assertThat(api.post("/v1/drivers", customerToken, driver).status()).isEqualTo(403);
		assertThat(api.post("/v1/merchants", customerToken, com.returnit.support.Fixtures.merchantBody("X")).status())
			.isEqualTo(403);
		assertThat(api.post("/v1/drivers", null, driver).status()).isEqualTo(401);
	}

	@Test
	void anEmailCanOnlySignUpOnce() {
		var customer = fixtures.customer();
		Api.Response again = api.post("/v1/customers", null,
				Map.of("email", customer.email().toUpperCase(), "password", "another-password-1", "name", "Copy"));

		assertThat(again.status()).isEqualTo(409);
	}

	private JwtClaimsSet.Builder claims(String subject, Instant issuedAt, Duration lifetime) {
		return JwtClaimsSet.builder().issuer("https://returnit.local").audience(List.of("returnit-api"))
			.subject(subject).claim("role", "customer").issuedAt(issuedAt).expiresAt(issuedAt.plus(lifetime));
	}

	private String sign(JwtClaimsSet claims) {
		return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
			.getTokenValue();
	}

	private static String unsignedCopy(String token) {
		String[] parts = token.split("\\.");
		String none = Base64.getUrlEncoder().withoutPadding()
			.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
		return none + "." + parts[1] + ".";
	}

	private static JsonNode part(String jwt, int index) {
		return Api.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]));
	}
}
