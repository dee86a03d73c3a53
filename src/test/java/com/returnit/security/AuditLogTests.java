package com.returnit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class AuditLogTests extends EndToEndTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theAuditTrailCanBeAppendedToButNeverChangedOrEmptied() {
		fixtures.customer();

		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_events SET actor = 'someone-else'").update()).rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_events").update()).rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_events").update()).rootCause()
			.hasMessageContaining("append-only");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_events").query(Long.class).single()).isPositive();
	}

	@Test
	void apiKeysCreatedAndRevokedArePutOnRecordWithWhoDidIt() {
		var merchant = fixtures.merchant("Audited Keys");
		String path = "/v1/merchants/" + merchant.id() + "/api-keys";
		String keyId = api.post(path, merchant.apiKey(), "").text("id");
		api.delete(path + "/" + keyId, merchant.apiKey());

		JsonNode events = api.get("/v1/audit-events?targetId=" + keyId, fixtures.operatorToken()).body().get("data");
		assertThat(events).extracting(event -> event.get("action").asString())
			.containsExactly("api_key.revoked", "api_key.created");
		assertThat(events).allSatisfy(event -> {
			assertThat(event.get("actor").asString()).isEqualTo("merchant:" + merchant.id());
			assertThat(event.get("ip").asString()).isNotBlank();
			assertThat(event.get("occurredAt").asString()).isNotBlank();
		});
	}

	@Test
	void policyChangesLoginsAndRoleGrantsAreOnRecord() {
		var merchant = fixtures.merchant("Audited Policy");
		api.put("/v1/merchants/" + merchant.id() + "/return-policy", merchant.apiKey(),
				Fixtures.merchantBody("x").get("returnPolicy"));
		var driver = fixtures.driver();
		String operator = fixtures.operatorToken();

		assertThat(api.get("/v1/audit-events?action=policy.changed&targetId=" + merchant.id(), operator).body()
			.get("data").get(0).get("detail").get("version").asInt()).isEqualTo(2);
		assertThat(api.get("/v1/audit-events?action=account.role_granted&targetId=" + driver.id(), operator).body()
			.get("data").get(0).get("detail").get("role").asString()).isEqualTo("driver");
		assertThat(api.get("/v1/audit-events?action=login.succeeded&actor=driver:" + driver.id(), operator).body()
			.get("data")).hasSize(1);
	}

	@Test
	void operatorsPageThroughTheTrailNewestFirstWithoutGapsOrRepeats() {
		for (int i = 0; i < 5; i++) {
			fixtures.customer();
		}
		String operator = fixtures.operatorToken();
		Set<String> seen = new HashSet<>();
		String cursor = "";
		for (int page = 0; page < 3; page++) {
			Api.Response response = api.get("/v1/audit-events?action=login.succeeded&limit=2" + cursor, operator);
			List<JsonNode> data = response.body().get("data").valueStream().toList();
			assertThat(data).hasSize(2);
			assertThat(response.body().get("hasMore").asBoolean()).isTrue();
			assertThat(data.get(0).get("id").asString()).isGreaterThan(data.get(1).get("id").asString());
			data.forEach(event -> assertThat(seen.add(event.get("id").asString())).isTrue());
			cursor = "&startingAfter=" + data.get(1).get("id").asString();
		}
	}

	@Test
	void onlyOperatorsReadTheTrailAndBadFiltersAreNamed() {
		assertThat(api.get("/v1/audit-events", fixtures.customer().token()).status()).isEqualTo(403);
		assertThat(api.get("/v1/audit-events", fixtures.merchant("Nosy").apiKey()).status()).isEqualTo(403);
		Api.Response bad = api.get("/v1/audit-events?limit=0&from=yesterday", fixtures.operatorToken());
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.contentType()).startsWith("application/problem+json");
		for (String limit : java.util.List.of("-1", "0", "201")) {
			Api.Response outOfRange = api.get("/v1/audit-events?limit=" + limit, fixtures.operatorToken());
			assertThat(outOfRange.status()).as("limit=" + limit).isEqualTo(400);
			assertThat(outOfRange.raw().body()).contains("limit");
		}
	}
}
