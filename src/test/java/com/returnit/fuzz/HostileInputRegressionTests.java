package com.returnit.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The smallest inputs that were answered 500 before the API decided at its edge what it accepts (issue 19, and what
 * the hostile-input suite found since): each is now a 4xx problem naming what is wrong.
 */
class HostileInputRegressionTests extends EndToEndTest {

	@Test
	void aNulCharacterInAStringIsA400NamingTheField() {
		assertRefused(api.send("POST", "/v1/customers", null,
				"{\"email\":\"nul@test.returnit.local\",\"password\":\"customer-password-1\",\"name\":\"Ca\\u0000sey\"}"),
				400, "name", "NUL");
		assertRefused(api.send("POST", "/v1/auth/token", null,
				"{\"email\":\"a\\u0000@test.returnit.local\",\"password\":\"whatever-password\"}"), 400, "email", "NUL");
		Fixtures.Person customer = fixtures.customer();
		String request = Api.JSON.writeValueAsString(Fixtures.request(fixtures.merchant("Nul Shop").id()))
			.replace("Torstrasse 1", "Torstrasse\\u00001");
		assertRefused(api.send("POST", "/v1/quotes", customer.token(), request), 400, "pickup.address", "NUL");
	}

	@Test
	void aLoneSurrogateInAPasswordIsA400NamingIt() {
		assertRefused(api.send("POST", "/v1/customers", null,
				"{\"email\":\"surrogate@test.returnit.local\",\"password\":\"\\ud800customer-password\",\"name\":\"Sam\"}"),
				400, "password", "surrogate");
	}

	@Test
	void aNulCharacterInAPropertyNameIsA400() {
		assertRefused(api.send("POST", "/v1/auth/token", null, "{\"\\u0000\":1}"), 400, "body", "NUL");
	}

	@Test
	void aWildcardOrBrokenContentTypeOrAMultipartBodyIsA415() {
		String customer = fixtures.customer().token();
		for (String type : List.of("*/*", "application/*", "application/json; charset=nonsense")) {
			Api.Response answer = api.send("POST", "/v1/quotes", customer, "{}", "Content-Type", type);
			assertThat(answer.status()).as(type).isEqualTo(415);
			assertThat(answer.contentType()).startsWith("application/problem+json");
		}
		Api.Response multipart = api.send("POST", "/v1/quotes", customer, "{}", "Content-Type", "multipart/form-data");
		assertThat(multipart.status()).isEqualTo(415);
		assertThat(multipart.text("detail")).contains("application/json");
	}

	@Test
	void aFormOrMultipartBodyIsA415BeforeTheContainerParsesIt() {
		Api.Response token = api.send("POST", "/v1/auth/token", null, "=x", "Content-Type",
				"application/x-www-form-urlencoded");
		assertThat(token.status()).as(token.body().toString()).isEqualTo(415);
		assertThat(token.contentType()).startsWith("application/problem+json");
		for (String method : List.of("PUT", "PATCH", "DELETE")) {
			Api.Response schedule = api.send(method, "/v1/service-areas/01a24ec0-6ea2-7ea5-b998-dfaeace846c6/schedule",
					fixtures.operatorToken(), "a=%zz", "Content-Type", "application/x-www-form-urlencoded");
			assertThat(schedule.status()).as(method + " " + schedule.body()).isEqualTo(415);
		}
		Api.Response json = api.send("POST", "/v1/auth/token", null, "{\"email\":\"100%\",\"password\":\"x\"}",
				"Content-Type", "application/x-www-form-urlencoded");
		assertThat(json.status()).isEqualTo(415);
	}

	@Test
	void aWildcardContentTypeIsA415EvenWithoutABodyButNotOnAGet() {
		Api.Response signUp = api.send("POST", "/v1/customers", null, "", "Content-Type", "*/*");
		assertThat(signUp.status()).as(signUp.body().toString()).isEqualTo(415);
		assertThat(signUp.contentType()).startsWith("application/problem+json");
		Api.Response directory = api.send("GET", "/v1/merchants", null, null, "Content-Type", "*/*");
		assertThat(directory.status()).isEqualTo(200);
	}

	@Test
	void slotsBetweenTimesOutsideYearsOneTo9999AreA400NamingTheParameter() {
		String shop = fixtures.merchant("Slot Range Shop").id();
		assertRefused(api.get("/v1/slots?merchantId=" + shop + "&lat=52.529&lng=13.401&from=%2B999999999-01-01T00:00:00Z",
				null), 400, "from", "9999");
	}

	@Test
	void aQueryStringThatIsNotUtf8OrHasANamelessParameterIsA400NamingTheParameter() {
		String customer = fixtures.customer().token();
		assertRefused(api.get("/v1/orders?startingAfter=%ff", customer), 400, "startingAfter", "UTF-8");
		assertRefused(api.get("/v1/orders?status=%00", customer), 400, "status", "NUL");
		assertRefused(api.get("/v1/places/search?=true", null), 400, "query", "no name");
	}

	@Test
	void timesOutsideYearsOneTo9999AreA400NamingTheParameter() {
		String operator = fixtures.operatorToken();
		for (String from : List.of("%2B999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
				"%2B300000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z", "9999999999999999")) {
			assertRefused(api.get("/v1/audit-events?from=" + from, operator), 400, "from", "9999");
		}
		Fixtures.Person driver = fixtures.driver();
		assertRefused(api.get("/v1/drivers/me/locations?to=%2B300000-01-01T00:00:00Z", driver.token()), 400, "to",
				"9999");
		assertRefused(api.get("/v1/drivers/me/earnings?from=%2B999999999-12-31", driver.token()), 400, "from", "9999");
	}

	@Test
	void aMonthOutsideYearsOneTo9999IsA400NamingIt() {
		Fixtures.MerchantRef shop = fixtures.merchant("Statement Shop");
		for (String month : List.of("+999999999-12", "-999999999-01", "0000-01")) {
			assertRefused(api.get("/v1/merchants/" + shop.id() + "/statements/" + month.replace("+", "%2B"),
					shop.apiKey()), 400, "month", "9999");
		}
	}

	@Test
	void aTimeOutsideYearsOneTo9999InABodyIsA400NamingTheField() {
		Fixtures.Person customer = fixtures.customer();
		Map<String, Object> item = new java.util.HashMap<>(Fixtures.item("SKU-OLD", "tops", 2_900, false));
		item.put("purchasedAt", "+300000-01-01T00:00:00Z");
		List<Map<String, Object>> items = new ArrayList<>(List.of(item));
		assertRefused(api.post("/v1/quotes", customer.token(),
				Fixtures.request(fixtures.merchant("Old Purchase Shop").id(), items)), 400, "items[0].purchasedAt",
				"9999");
	}

	@Test
	void aCrossOriginRequestFromAnOriginNotAllowedIsA403Problem() {
		Api.Response refused = api.send("GET", "/v1/merchants", null, null, "Origin", "https://evil.example");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.text("detail")).contains("origin");
	}

	@Test
	void theOpenApiDocumentStatesTheRangeOfEveryTime() {
		String document = api.get("/v3/api-docs", null).raw().body();
		assertThat(document).contains("Years 1 to 9999 (from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z)");
	}

	private static void assertRefused(Api.Response answer, int status, String field, String says) {
		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.body().path("errors").path(0).path("field").asString()).as(answer.body().toString())
			.isEqualTo(field);
		assertThat(answer.body().toString()).containsIgnoringCase(says);
	}
}
