package com.returnit.flags;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Operators manage flags through /v1/flags, audited; every caller reads the flags evaluated for them. */
class FlagsApiTests extends EndToEndTest {

	@Test
	void anOperatorCreatesReadsChangesAndDeletesAFlagAndEveryChangeIsAudited() {
		String key = uniqueKey("checkout.new");
		String operator = fixtures.operatorToken();
		String merchantId = UUID.randomUUID().toString();

		Api.Response created = api.put("/v1/flags/" + key, operator, Map.of("description", "The new checkout",
				"enabled", true, "rolloutPercentage", 12.5, "roles", List.of("driver"), "merchantIds",
				List.of(merchantId)));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		assertThat(created.body().get("key").asString()).isEqualTo(key);
		assertThat(created.body().get("rolloutPercentage").asDouble()).isEqualTo(12.5);
		assertThat(created.body().get("roles")).extracting(JsonNode::asString).containsExactly("driver");
		assertThat(created.body().get("merchantIds")).extracting(JsonNode::asString).containsExactly(merchantId);
		assertThat(created.body().get("serviceAreaIds")).isEmpty();
		assertThat(created.body().get("defaultVariant").asString()).isEqualTo("off");
		assertThat(created.body().get("version").asLong()).isEqualTo(1);

		assertThat(api.get("/v1/flags/" + key, operator).body()).isEqualTo(created.body());
		assertThat(api.get("/v1/flags", operator).body().get("data")).extracting(f -> f.get("key").asString())
			.contains(key);

		Api.Response changed = api.put("/v1/flags/" + key, operator,
				Map.of("enabled", false, "rolloutPercentage", 50, "version", 1));
		assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
		assertThat(changed.body().get("enabled").asBoolean()).isFalse();
		assertThat(changed.body().get("version").asLong()).isEqualTo(2);
		assertThat(changed.body().get("roles")).as("a PUT replaces the whole flag").isEmpty();

		Api.Response stale = api.put("/v1/flags/" + key, operator,
				Map.of("enabled", true, "rolloutPercentage", 100, "version", 1));
		assertThat(stale.status()).as("written over a version read before the change").isEqualTo(409);

		assertThat(api.delete("/v1/flags/" + key, operator).status()).isEqualTo(204);
		assertThat(api.get("/v1/flags/" + key, operator).status()).isEqualTo(404);
		assertThat(api.delete("/v1/flags/" + key, operator).status()).isEqualTo(404);

		assertThat(audited("flag.created", key).get("detail").get("rolloutPercentage").asString()).isEqualTo("12.5");
		assertThat(audited("flag.changed", key).get("detail").get("enabled").asBoolean()).isFalse();
		JsonNode deleted = audited("flag.deleted", key);
		assertThat(deleted.get("actor").asString()).startsWith("operator:");
		assertThat(deleted.get("detail").get("version").asLong()).isEqualTo(2);
	}

	@Test
	void onlyOperatorsManageFlags() {
		String key = uniqueKey("not.yours");
		var customer = fixtures.customer();
		var driver = fixtures.driver();
		var merchant = fixtures.merchant("Flag Free Ltd");

		assertThat(api.get("/v1/flags", null).status()).isEqualTo(401);
		assertThat(api.get("/v1/flags", customer.token()).status()).isEqualTo(403);
		assertThat(api.put("/v1/flags/" + key, driver.token(), Map.of("enabled", true, "rolloutPercentage", 100))
			.status()).isEqualTo(403);
		assertThat(api.delete("/v1/flags/" + key, merchant.apiKey()).status()).isEqualTo(403);
		assertThat(api.get("/v1/flags/" + key, fixtures.operatorToken()).status()).as("nothing was written")
			.isEqualTo(404);
	}

	@Test
	void badInputIsA400ProblemNamingEachFieldAtFault() {
		String operator = fixtures.operatorToken();
		String key = uniqueKey("bad.input");

		assertThat(errorFields(api.put("/v1/flags/" + key, operator, Map.of("rolloutPercentage", 101))))
			.containsExactlyInAnyOrder("enabled", "rolloutPercentage");
		assertThat(errorFields(api.put("/v1/flags/" + key, operator, Map.of("enabled", true,
				"rolloutPercentage", 1.005, "roles", List.of("driver", "pilot"), "defaultVariant", "maybe"))))
			.containsExactlyInAnyOrder("rolloutPercentage", "roles[1]", "defaultVariant");
		assertThat(errorFields(api.put("/v1/flags/Bad%20Key", operator, Map.of("enabled", true,
				"rolloutPercentage", 5)))).containsExactly("key");
		assertThat(errorFields(api.put("/v1/flags/" + UUID.randomUUID(), operator, Map.of("enabled", true,
				"rolloutPercentage", 5)))).as("a key never looks like an id").containsExactly("key");
		assertThat(errorFields(api.put("/v1/flags/" + key, operator, Map.of("enabled", true,
				"rolloutPercentage", 5, "serviceAreaIds", List.of("not-an-id"))))).hasSize(1)
			.allSatisfy(field -> assertThat(field).startsWith("serviceAreaIds"));
		assertThat(api.get("/v1/flags/" + key, operator).status()).isEqualTo(404);
	}

	@Test
	void everyCallerReadsTheFlagsEvaluatedForThemselvesAndAnonymousCallersOnlyThoseOnForAll() {
		String operator = fixtures.operatorToken();
		var merchant = fixtures.merchant("Flagged Merchant");
		String forDrivers = put(operator, uniqueKey("drivers.only"), Map.of("roles", List.of("driver")));
		String forAll = put(operator, uniqueKey("everyone"), Map.of("rolloutPercentage", 100));
		String killed = put(operator, uniqueKey("killed"), Map.of("enabled", false, "rolloutPercentage", 100,
				"roles", List.of("driver", "customer")));
		String forMerchant = put(operator, uniqueKey("one.merchant"), Map.of("merchantIds", List.of(merchant.id())));

		JsonNode driver = evaluated(fixtures.driver().token());
		JsonNode customer = evaluated(fixtures.customer().token());
		JsonNode anonymous = evaluated(null);
		JsonNode theMerchant = evaluated(merchant.apiKey());

		assertThat(flags(driver, forDrivers, forAll, killed, forMerchant)).containsExactly(true, true, false, false);
		assertThat(flags(customer, forDrivers, forAll, killed, forMerchant)).containsExactly(false, true, false, false);
		assertThat(flags(anonymous, forDrivers, forAll, killed, forMerchant)).containsExactly(false, true, false, false);
		assertThat(flags(theMerchant, forDrivers, forAll, killed, forMerchant)).containsExactly(false, true, false, true);
	}

	private String put(String operator, String key, Map<String, Object> rules) {
		Map<String, Object> body = new HashMap<>(Map.of("enabled", true, "rolloutPercentage", 0));
		body.putAll(rules);
		Api.Response response = api.put("/v1/flags/" + key, operator, body);
		assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
		return key;
	}

	private JsonNode evaluated(String token) {
		Api.Response response = api.get("/v1/flags/evaluated", token);
		assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
		return response.body().get("flags");
	}

	private static List<Boolean> flags(JsonNode evaluated, String... keys) {
		return java.util.Arrays.stream(keys).map(key -> evaluated.get(key).asBoolean()).toList();
	}

	private JsonNode audited(String action, String key) {
		JsonNode data = api.get("/v1/audit-events?action=" + action + "&targetId=" + key, fixtures.operatorToken())
			.body().get("data");
		assertThat(data).as(action).hasSize(1);
		return data.get(0);
	}

	private static List<String> errorFields(Api.Response response) {
		assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		return response.body().get("errors").valueStream().map(error -> error.get("field").asString()).toList();
	}

	static String uniqueKey(String prefix) {
		return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
	}
}
