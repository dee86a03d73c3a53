package com.returnit.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every order endpoint, called by every kind of caller: only the order's customer, its merchant and operators see
 * it; everyone else gets a 404 (or a 401 without credentials), never the order.
 */
class CrossTenantTests extends EndToEndTest {

	private Fixtures.MerchantRef merchantA;
	private Fixtures.MerchantRef merchantB;
	private Fixtures.Person customerA;
	private Map<String, String> callers;

	@BeforeEach
	void twoTenants() {
		merchantA = fixtures.merchant("Tenant A");
		merchantB = fixtures.merchant("Tenant B");
		customerA = fixtures.customer();
		callers = new LinkedHashMap<>();
		callers.put("customer A", customerA.token());
		callers.put("customer B", fixtures.customer().token());
		callers.put("merchant A", merchantA.apiKey());
		callers.put("merchant B", merchantB.apiKey());
		callers.put("driver", fixtures.driver().token());
		callers.put("operator", fixtures.operatorToken());
		callers.put("anonymous", null);
	}

	@Test
	void ordersAreVisibleOnlyToTheirCustomerTheirMerchantAndOperators() {
		String orderId = fixtures.order(customerA, merchantA);
		Map<String, Integer> allowed = Map.of("customer A", 200, "merchant A", 200, "operator", 200);
		List<String> leaks = new ArrayList<>();

		callers.forEach((who, token) -> {
			int expected = allowed.getOrDefault(who, token == null ? 401 : 404);
			for (String path : List.of("/v1/orders/" + orderId, "/v1/orders/" + orderId + "/events")) {
				Api.Response response = api.get(path, token);
				if (response.status() != expected || (expected != 200 && response.body().toString().contains(customerA.id()))) {
					leaks.add(who + " GET " + path + " -> " + response.status());
				}
				if (expected != 200) {
					assertThat(response.contentType()).startsWith("application/problem+json");
				}
			}
			Api.Response list = api.get("/v1/orders?limit=100", token);
			boolean listed = list.status() == 200 && list.body().toString().contains(orderId);
			if (listed != allowed.containsKey(who)) {
				leaks.add(who + " list contains order: " + listed);
			}
		});

		assertThat(leaks).isEmpty();
	}

	@Test
	void nobodyButTheOwnersAndOperatorsCanCancelAnOrder() {
		String orderId = fixtures.order(customerA, merchantA);
		List<String> leaks = new ArrayList<>();

		callers.forEach((who, token) -> {
			if (List.of("customer A", "merchant A", "operator").contains(who)) {
				return;
			}
			Api.Response response = api.post("/v1/orders/" + orderId + "/cancel", token, Map.of("reason", "not mine"));
			if (response.status() != (token == null ? 401 : 404)) {
				leaks.add(who + " cancel -> " + response.status());
			}
		});

		assertThat(leaks).isEmpty();
		assertThat(api.get("/v1/orders/" + orderId, customerA.token()).text("status")).isEqualTo("scheduled");
		assertThat(api.post("/v1/orders/" + orderId + "/cancel", merchantA.apiKey(), Map.of("reason", "merchant"))
			.status()).isEqualTo(200);
	}

	@Test
	void aMerchantsSettingsAndKeysAreHiddenFromOtherTenants() {
		String base = "/v1/merchants/" + merchantA.id();
		List<String> leaks = new ArrayList<>();
		Map<String, Object> policy = Map.of("windowDays", 1, "excludedCategories", List.of(), "maxItems", 1,
				"maxItemValueCents", 1, "rules", List.of());

		callers.forEach((who, token) -> {
			int expected = List.of("merchant A", "operator").contains(who) ? 200 : token == null ? 401 : 404;
			int get = api.get(base, token).status();
			int keys = api.get(base + "/api-keys", token).status();
			if (get != expected || keys != expected) {
				leaks.add(who + " GET merchant -> " + get + ", keys -> " + keys);
			}
			if (expected != 200) {
				int put = api.put(base + "/return-policy", token, policy).status();
				int create = api.post(base + "/api-keys", token, "").status();
				if (put != expected || create != expected) {
					leaks.add(who + " PUT policy -> " + put + ", POST key -> " + create);
				}
			}
		});

		assertThat(leaks).isEmpty();
		assertThat(api.get(base, merchantA.apiKey()).body().get("returnPolicy").get("version").asInt()).isEqualTo(1);
	}

	@Test
	void aMerchantCannotQuoteOrBookInAnotherMerchantsName() {
		Api.Response quote = api.post("/v1/quotes", merchantB.apiKey(), Fixtures.request(merchantA.id()));
		Api.Response order = api.post("/v1/orders", merchantB.apiKey(),
				Fixtures.withCustomer(Fixtures.request(merchantA.id()), "someone@test.returnit.local"));

		assertThat(quote.status()).isEqualTo(422);
		assertThat(quote.body().get("errors").get(0).get("field").asString()).isEqualTo("merchantId");
		assertThat(order.status()).isEqualTo(422);
		assertThat(api.get("/v1/orders", merchantA.apiKey()).body().get("data")).isEmpty();
	}

	@Test
	void driversAndOperatorsDoNotBookReturns() {
		for (String who : List.of("driver", "operator")) {
			Api.Response response = api.post("/v1/orders", callers.get(who), Fixtures.request(merchantA.id()));
			assertThat(response.status()).as(who).isEqualTo(403);
		}
	}
}
