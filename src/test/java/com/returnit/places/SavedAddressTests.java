package com.returnit.places;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.EndToEndTest;
import com.returnit.support.JsonBody;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A customer keeps the places they are picked up from: newest first, at most 20, each address once. */
class SavedAddressTests extends EndToEndTest {

	private static final String PATH = "/v1/customers/me/addresses";

	@Test
	void aCustomerSavesListsAndDeletesAddressesNewestFirst() {
		String token = fixtures.customer().token();

		Api.Response home = api.post(PATH, token, Map.of("label", " Home ", "address", "Torstrasse 1,  10119 Berlin",
				"lat", 52.529, "lng", 13.401));
		Api.Response office = api.post(PATH, token, Map.of("address", "Invalidenstr 1, 10115 Berlin", "lat", 52.5321,
				"lng", 13.3849));

		assertThat(home.status()).as(home.body().toString()).isEqualTo(201);
		assertThat(home.text("label")).isEqualTo("Home");
		assertThat(home.text("address")).isEqualTo("Torstrasse 1, 10119 Berlin");
		assertThat(home.body().get("lat").asDouble()).isEqualTo(52.529);
		assertThat(home.body().propertyNames()).containsExactlyInAnyOrder("id", "label", "address", "lat", "lng",
				"createdAt");
		assertThat(office.body().get("label").isNull()).isTrue();
		JsonNode listed = api.get(PATH, token).body().get("data");
		assertThat(listed).extracting(a -> a.get("id").asString()).containsExactly(office.text("id"), home.text("id"));

		assertThat(api.delete(PATH + "/" + home.text("id"), token).status()).isEqualTo(204);
		assertThat(api.get(PATH, token).body().get("data")).extracting(a -> a.get("id").asString())
			.containsExactly(office.text("id"));
		assertThat(api.delete(PATH + "/" + home.text("id"), token).status()).as("gone").isEqualTo(404);
	}

	@Test
	void theSameAddressTextAgainAnswersTheSavedOneUnchanged() {
		String token = fixtures.customer().token();
		Api.Response first = api.post(PATH, token, Map.of("label", "Home", "address", "Torstrasse 1, 10119 Berlin",
				"lat", 52.529, "lng", 13.401));

		Api.Response again = api.post(PATH, token, Map.of("label", "Also home", "address", "  TORSTRASSE 1, 10119 berlin",
				"lat", 52.6, "lng", 13.5));

		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(api.get(PATH, token).body().get("data")).hasSize(1);
	}

	@Test
	void theTwentyFirstAddressIsA409() {
		String token = fixtures.customer().token();
		for (int i = 1; i <= 20; i++) {
			assertThat(api.post(PATH, token, Map.of("address", "Street " + i + ", Berlin", "lat", 52.5, "lng", 13.4))
				.status()).isEqualTo(201);
		}

		Api.Response refused = api.post(PATH, token, Map.of("address", "Street 21, Berlin", "lat", 52.5, "lng", 13.4));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(api.post(PATH, token, Map.of("address", "Street 7, Berlin", "lat", 52.5, "lng", 13.4)).status())
			.as("one already saved is still answered").isEqualTo(200);
		assertThat(api.get(PATH, token).body().get("data")).hasSize(20);
	}

	@Test
	void anotherCustomersAddressIsNotFoundAndStaysTheirs() {
		String owner = fixtures.customer().token();
		String id = api.post(PATH, owner, Map.of("address", "Torstrasse 1, Berlin", "lat", 52.529, "lng", 13.401))
			.text("id");
		String stranger = fixtures.customer().token();

		assertThat(api.delete(PATH + "/" + id, stranger).status()).isEqualTo(404);
		assertThat(api.get(PATH, stranger).body().get("data")).isEmpty();
		assertThat(api.get(PATH, owner).body().get("data")).hasSize(1);
		assertThat(api.delete(PATH + "/" + UUID.randomUUID(), owner).status()).isEqualTo(404);
	}

	@Test
	void onlyCustomersHaveSavedAddresses() {
		for (String token : List.of(fixtures.driver().token(), fixtures.merchant("No Addresses").apiKey(),
				fixtures.operatorToken())) {
			assertThat(api.get(PATH, token).status()).isEqualTo(403);
			assertThat(api.post(PATH, token, Map.of("address", "x", "lat", 1, "lng", 1)).status()).isEqualTo(403);
		}
		assertThat(api.get(PATH, null).status()).isEqualTo(401);
	}

	@Test
	void badAddressesAre400sNamingTheField() {
		String token = fixtures.customer().token();
		Map<String, Object> valid = Map.of("label", "Home", "address", "Torstrasse 1, Berlin", "lat", 52.529, "lng",
				13.401);
		Map<String, String> cases = Map.of(JsonBody.of(valid).with("address", " ").toString(), "address",
				JsonBody.of(valid).with("address", "x".repeat(501)).toString(), "address",
				JsonBody.of(valid).with("label", "x".repeat(51)).toString(), "label",
				JsonBody.of(valid).with("lat", 90.01).toString(), "lat",
				JsonBody.of(valid).with("lng", -181).toString(), "lng",
				JsonBody.of(valid).without("lat").toString(), "lat",
				JsonBody.of(valid).with("lng", "east").toString(), "lng",
				JsonBody.of(valid).with("colour", "red").toString(), "colour");
		cases.forEach((body, field) -> {
			Api.Response refused = api.post(PATH, token, body);
			assertThat(refused.status()).as(body).isEqualTo(400);
			assertThat(refused.body().get("errors").get(0).get("field").asString()).as(body).isEqualTo(field);
		});
		assertThat(api.delete(PATH + "/not-an-id", token).body().get("errors").get(0).get("field").asString())
			.isEqualTo("id");
	}

	@Test
	void savedAddressesAreInTheCustomersExport() {
		var customer = fixtures.customer();
		api.post(PATH, customer.token(), Map.of("label", "Home", "address", "Torstrasse 1, Berlin", "lat", 52.529,
				"lng", 13.401));

		JsonNode exported = api.get("/v1/customers/me/export", customer.token()).body().get("savedAddresses");

		assertThat(exported).hasSize(1);
		assertThat(exported.get(0).get("label").asString()).isEqualTo("Home");
		assertThat(exported.get(0).get("address").asString()).isEqualTo("Torstrasse 1, Berlin");
	}
}
