package com.returnit.merchants;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The return rules page: an admin checks a draft policy (CEL errors placed by line and column), tries it on items
 * and on the merchant's last 50 returns with the rules every quote uses, saving nothing; admins and support read
 * every saved version, newest first.
 */
class ReturnRulesTests extends EndToEndTest {

	private static final Map<String, Object> NO_FINAL_SALE = Map.of("name", "no_final_sale",
			"expression", "item.category != \"final_sale\"", "message", "Final sale items cannot be returned");

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void area() {
		fixtures.berlinServiceArea();
	}

	@Test
	void aDraftWhoseRulesDoNotCompileIsAnAnswerNamingEachRuleWithTheLineAndColumnOfItsError() {
		var shop = fixtures.merchant("Draft Error Shop");
		var admin = fixtures.member(jdbc, shop.id(), fixtures.operatorToken(), "admin");
		Map<String, Object> draft = draft(List.of(swimwearRule(),
				Map.of("name", "no_final_sale", "expression", "itm.category != \"final_sale\"", "message", "No."),
				Map.of("name", "cheap_only", "expression", "item.valueCents < 10000 &&\n  item.colour == \"red\"",
						"message", "No.")));

		Api.Response answer = preview(shop.id(), admin.token(), Map.of("policy", draft,
				"items", List.of(Fixtures.item("SKU-1", "tops", 2_900, false)), "againstRecent", true));

		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
		assertThat(answer.body().get("valid").asBoolean()).isFalse();
		JsonNode errors = answer.body().get("errors");
		assertThat(errors).hasSize(2);
		assertThat(errors.get(0).get("field").asString()).isEqualTo("rules[1].expression");
		assertThat(errors.get(0).get("message").asString()).contains("undeclared reference to 'itm'");
		assertThat(errors.get(0).get("line").asInt()).isEqualTo(1);
		assertThat(errors.get(0).get("column").asInt()).isEqualTo(1);
		assertThat(errors.get(1).get("field").asString()).isEqualTo("rules[2].expression");
		assertThat(errors.get(1).get("message").asString()).contains("undefined field 'colour'");
		assertThat(errors.get(1).get("line").asInt()).isEqualTo(2);
		assertThat(errors.get(1).get("column").asInt()).isEqualTo(7);
		assertThat(answer.body().get("items")).as("nothing is tried on a draft that would not save").isEmpty();
		assertThat(answer.body().get("recent").isNull()).isTrue();

		Map<String, Object> twice = draft(List.of(swimwearRule(), swimwearRule()));
		JsonNode repeated = preview(shop.id(), admin.token(), Map.of("policy", twice)).body();
		assertThat(repeated.get("valid").asBoolean()).isFalse();
		assertThat(repeated.at("/errors/0/field").asString()).isEqualTo("rules[1].name");
		assertThat(repeated.at("/errors/0/line").isNull()).isTrue();
		assertThat(versions(shop.id(), admin.token())).as("nothing saved").hasSize(1);
	}

	@Test
	void sampleItemsAreJudgedByTheDraftExactlyAsAQuoteJudgesThemOnceItIsSaved() {
		var shop = fixtures.merchant("Draft Items Shop");
		var admin = fixtures.member(jdbc, shop.id(), fixtures.operatorToken(), "admin");
		List<Map<String, Object>> items = List.of(Fixtures.item("SKU-FINAL", "final_sale", 4_900, false),
				Fixtures.item("SKU-TOP", "tops", 2_900, false), Fixtures.item("SKU-SLIP", "underwear", 900, false),
				Fixtures.item("SKU-SWIM", "swimwear", 3_900, false));
		Map<String, Object> draft = draft(List.of(swimwearRule(), NO_FINAL_SALE));

		Api.Response answer = preview(shop.id(), admin.token(), Map.of("policy", draft, "items", items));

		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
		JsonNode body = answer.body();
		assertThat(body.get("valid").asBoolean()).isTrue();
		assertThat(body.get("errors")).isEmpty();
		assertThat(body.get("recent").isNull()).as("not asked for").isTrue();
		JsonNode verdicts = body.get("items");
		assertThat(verdicts).hasSize(4);
		assertThat(verdicts.get(0).get("index").asInt()).isZero();
		assertThat(verdicts.get(0).get("eligible").asBoolean()).isFalse();
		assertThat(verdicts.get(0).get("reasons").toString())
			.isEqualTo("[{\"code\":\"rule:no_final_sale\",\"message\":\"Final sale items cannot be returned\"}]");
		assertThat(verdicts.get(1).get("eligible").asBoolean()).isTrue();
		assertThat(verdicts.get(1).get("reasons")).isEmpty();
		assertThat(verdicts.get(2).at("/reasons/0/code").asString()).isEqualTo("excluded_category");
		assertThat(verdicts.get(3).at("/reasons/0/code").asString()).isEqualTo("rule:swimwear_tags");
		assertThat(versions(shop.id(), admin.token())).as("nothing saved").hasSize(1);
		assertThat(api.get("/v1/merchants/" + shop.id(), admin.token()).body().at("/returnPolicy/rules"))
			.hasSize(1);

		Api.Response saved = api.put("/v1/merchants/" + shop.id() + "/return-policy", admin.token(), draft);
		assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
		Api.Response quote = api.post("/v1/quotes", shop.apiKey(), Fixtures.request(shop.id(), items));
		assertThat(quote.status()).as(quote.body().toString()).isEqualTo(200);
		for (int i = 0; i < items.size(); i++) {
			JsonNode quoted = quote.body().get("items").get(i);
			assertThat(verdicts.get(i).get("eligible").asBoolean()).as("item " + i)
				.isEqualTo(quoted.get("eligible").asBoolean());
			assertThat(verdicts.get(i).get("reasons").valueStream().map(r -> r.get("message").asString()).toList())
				.isEqualTo(quoted.get("reasons").valueStream().map(r -> r.get("message").asString()).toList());
		}
	}

	@Test
	void aDraftTriedOnRecentReturnsCountsWhatItWouldRefuseAndWhatTheSavedPolicyRefusesToday() {
		var shop = fixtures.merchant("Recent Returns Shop");
		var admin = fixtures.member(jdbc, shop.id(), fixtures.operatorToken(), "admin");
		book(shop, List.of(Fixtures.item("SKU-JACKET", "outerwear", 12_900, true),
				Fixtures.item("SKU-SHIRT", "tops", 2_900, false)));
		String finalSale = book(shop, List.of(Fixtures.item("SKU-TOP", "tops", 1_900, false),
				Fixtures.item("SKU-FINAL", "final_sale", 4_900, false)));
		book(shop, List.of(Fixtures.item("SKU-SCARF", "accessories", 2_500, false)));
		Api.Response oneItemOnly = api.put("/v1/merchants/" + shop.id() + "/return-policy", admin.token(),
				Fixtures.policyOfOneItem());
		assertThat(oneItemOnly.status()).as(oneItemOnly.body().toString()).isEqualTo(200);

		Api.Response answer = preview(shop.id(), admin.token(), Map.of("policy",
				draft(List.of(swimwearRule(), NO_FINAL_SALE)), "againstRecent", true));

		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
		JsonNode recent = answer.body().get("recent");
		assertThat(recent.get("checked").asInt()).isEqualTo(3);
		assertThat(recent.get("wouldRefuse").asInt()).isEqualTo(1);
		assertThat(recent.get("currentlyRefused").asInt()).as("two items, and the saved policy allows one")
			.isEqualTo(2);
		JsonNode refused = recent.get("orders");
		assertThat(refused).hasSize(1);
		assertThat(refused.at("/0/orderId").asString()).isEqualTo(finalSale);
		assertThat(Instant.parse(refused.at("/0/createdAt").asString())).isBefore(Instant.now());
		assertThat(refused.at("/0/refusedItems").toString()).isEqualTo("[{\"index\":1,\"sku\":\"SKU-FINAL\","
				+ "\"reasons\":[{\"code\":\"rule:no_final_sale\",\"message\":\"Final sale items cannot be returned\"}]}]");
		assertThat(answer.body().get("items")).as("no sample items given").isEmpty();
		assertThat(versions(shop.id(), admin.token())).as("nothing saved").hasSize(2);
	}

	@Test
	void onlyTheLastFiftyReturnsAreTried() {
		var shop = fixtures.merchant("Fifty Returns Shop");
		book(shop, List.of(Fixtures.item("SKU-FINAL", "final_sale", 4_900, false)));
		for (int i = 0; i < 50; i++) {
			book(shop, List.of(Fixtures.item("SKU-TOP", "tops", 1_900, false)));
		}

		JsonNode recent = preview(shop.id(), shop.apiKey(), Map.of("policy",
				draft(List.of(swimwearRule(), NO_FINAL_SALE)), "againstRecent", true)).body().get("recent");

		assertThat(recent.get("checked").asInt()).isEqualTo(50);
		assertThat(recent.get("wouldRefuse").asInt()).as("the oldest, 51st return is not tried").isZero();
		assertThat(recent.get("orders")).isEmpty();
	}

	@Test
	void thePreviewIsForAdminsAndTheMerchantsOwnAndAMalformedDraftIsRefusedNamingTheField() {
		var shop = fixtures.merchant("Preview Access Shop");
		var other = fixtures.merchant("Other Preview Shop");
		var admin = fixtures.member(jdbc, shop.id(), fixtures.operatorToken(), "admin");
		var support = fixtures.member(jdbc, shop.id(), admin.token(), "support");
		Map<String, Object> body = Map.of("policy", draft(List.of(swimwearRule())));

		assertThat(preview(shop.id(), shop.apiKey(), body).status()).isEqualTo(200);
		assertThat(preview(shop.id(), fixtures.operatorToken(), body).status()).isEqualTo(200);
		Api.Response bySupport = preview(shop.id(), support.token(), body);
		assertThat(bySupport.status()).isEqualTo(403);
		assertThat(bySupport.contentType()).startsWith("application/problem+json");
		assertThat(bySupport.text("detail")).contains("support member");
		assertThat(preview(other.id(), admin.token(), body).status()).isEqualTo(404);
		assertThat(preview(other.id(), shop.apiKey(), body).status()).isEqualTo(404);
		assertThat(preview(UUID.randomUUID().toString(), fixtures.operatorToken(), body).status()).isEqualTo(404);

		var negative = new HashMap<>(draft(List.of()));
		negative.put("maxItems", -1);
		Api.Response malformed = preview(shop.id(), admin.token(), Map.of("policy", negative));
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.contentType()).startsWith("application/problem+json");
		assertThat(fields(malformed)).containsExactly("policy.maxItems");
		Api.Response badItem = preview(shop.id(), admin.token(), Map.of("policy", draft(List.of()), "items",
				List.of(Map.of("description", "A thing", "category", "tops", "valueCents", -5))));
		assertThat(badItem.status()).isEqualTo(400);
		assertThat(fields(badItem)).containsExactlyInAnyOrder("items[0].valueCents", "items[0].purchasedAt");
		Api.Response noPolicy = preview(shop.id(), admin.token(), Map.of("items", List.of()));
		assertThat(noPolicy.status()).isEqualTo(400);
		assertThat(fields(noPolicy)).containsExactly("policy");
		Api.Response twiceOneSku = preview(shop.id(), admin.token(), Map.of("policy", draft(List.of()), "items",
				List.of(Fixtures.item("SKU-1", "tops", 100, false), Fixtures.item("SKU-1", "tops", 100, false))));
		assertThat(twiceOneSku.status()).isEqualTo(400);
		assertThat(fields(twiceOneSku)).containsExactly("items[1].sku");
	}

	@Test
	void everyVersionIsListedNewestFirstForAdminsAndSupportButNotForAnotherMerchant() {
		var shop = fixtures.merchant("Versioned Policy Shop");
		var admin = fixtures.member(jdbc, shop.id(), fixtures.operatorToken(), "admin");
		var support = fixtures.member(jdbc, shop.id(), admin.token(), "support");
		var other = fixtures.merchant("Other Versioned Shop");
		assertThat(api.put("/v1/merchants/" + shop.id() + "/return-policy", admin.token(),
				draft(List.of(swimwearRule(), NO_FINAL_SALE))).status()).isEqualTo(200);
		assertThat(api.put("/v1/merchants/" + shop.id() + "/return-policy", admin.token(), Fixtures.policyOfOneItem())
			.status()).isEqualTo(200);

		JsonNode bySupport = versions(shop.id(), support.token());
		assertThat(bySupport.valueStream().map(v -> v.get("version").asInt()).toList()).containsExactly(3, 2, 1);
		assertThat(bySupport.get(0).get("maxItems").asInt()).isEqualTo(1);
		assertThat(bySupport.get(1).get("rules").valueStream().map(r -> r.get("name").asString()).toList())
			.containsExactly("swimwear_tags", "no_final_sale");
		assertThat(bySupport.get(1).at("/rules/1/expression").asString()).isEqualTo("item.category != \"final_sale\"");
		assertThat(bySupport.get(2).get("maxItems").asInt()).isEqualTo(5);
		assertThat(bySupport.get(2).has("createdAt")).isTrue();
		assertThat(bySupport.get(0)).isEqualTo(api.get("/v1/merchants/" + shop.id(), admin.token()).body()
			.get("returnPolicy"));
		assertThat(versions(shop.id(), admin.token())).isEqualTo(bySupport);
		assertThat(versions(shop.id(), shop.apiKey())).isEqualTo(bySupport);
		assertThat(api.get("/v1/merchants/" + shop.id() + "/return-policy/versions", other.apiKey()).status())
			.isEqualTo(404);
		assertThat(api.get("/v1/merchants/" + other.id() + "/return-policy/versions", admin.token()).status())
			.isEqualTo(404);
		Api.Response supportSaves = api.put("/v1/merchants/" + shop.id() + "/return-policy", support.token(),
				Fixtures.policyOfOneItem());
		assertThat(supportSaves.status()).as("support reads the history but does not change it").isEqualTo(403);
	}

	private Api.Response preview(String merchantId, String token, Object body) {
		return api.post("/v1/merchants/" + merchantId + "/return-policy/preview", token, body);
	}

	private JsonNode versions(String merchantId, String token) {
		Api.Response answer = api.get("/v1/merchants/" + merchantId + "/return-policy/versions", token);
		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
		return answer.body().get("data");
	}

	private static List<String> fields(Api.Response problem) {
		return problem.body().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
	}

	private String book(Fixtures.MerchantRef shop, List<Map<String, Object>> items) {
		Api.Response booked = api.post("/v1/orders", shop.apiKey(), Fixtures.withCustomer(
				Fixtures.request(shop.id(), items), "recent-" + UUID.randomUUID() + "@test.returnit.local"));
		assertThat(booked.status()).as(booked.body().toString()).isEqualTo(201);
		return booked.text("id");
	}

	/** The fixture merchant's policy with these rules. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> draft(List<Map<String, Object>> rules) {
		var policy = new HashMap<>((Map<String, Object>) Fixtures.merchantBody("any").get("returnPolicy"));
		policy.put("rules", new ArrayList<>(rules));
		return policy;
	}

	private static Map<String, Object> swimwearRule() {
		return Map.of("name", "swimwear_tags", "expression", "item.category != \"swimwear\" || item.tagsAttached",
				"message", "Swimwear needs its hygiene tags attached.");
	}
}
