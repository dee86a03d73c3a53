package com.returnit.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.Api;
import com.returnit.support.Areas;
import com.returnit.support.EndToEndTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Operators redraw and rename service areas from the dispatch console; pickups follow the new boundary at once. */
class ServiceAreaEditingTests extends EndToEndTest {

	/**
	 * Somewhere no other test has an area, yet inside the span of theirs (Berlin to the slot tests' column at 6° E), so
	 * that the operations map, which frames every area, is not zoomed out by these: the Alps.
	 */
	private static final double LAT = 47.0;
	private static final double LNG = 10.0;

	@Test
	void anOperatorRedrawsAnAreaAndPickupsAreOfferedInsideTheNewBoundaryAtOnceAndTheChangeIsAudited() {
		// the shop first: it makes the fixtures' Berlin area, which other tests expect to be the oldest
		String merchant = fixtures.merchant("Valley Shop").id();
		String area = new Areas(api, fixtures).box("Valley", LAT, LNG, LAT + 0.1, LNG + 0.1);
		String customer = fixtures.customer().token();
		String east = "/v1/slots?merchantId=" + merchant + "&lat=" + (LAT + 0.05) + "&lng=" + (LNG + 0.15);
		Api.Response before = api.get(east, customer);
		assertThat(before.status()).as(before.body().toString()).isEqualTo(422);
		assertThat(before.body().at("/errors/0/field").asString()).isEqualTo("lat");

		List<List<Double>> wider = List.of(List.of(LAT + 0.1, LNG), List.of(LAT + 0.1, LNG + 0.2),
				List.of(LAT, LNG + 0.2), List.of(LAT, LNG + 0.1), List.of(LAT, LNG));
		Api.Response changed = api.put("/v1/service-areas/" + area, fixtures.operatorToken(),
				Map.of("name", "  Valley and pass  ", "polygon", wider));

		assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
		assertThat(changed.text("name")).isEqualTo("Valley and pass");
		assertThat(changed.body().get("polygon")).hasSize(5);
		Api.Response after = api.get(east, customer);
		assertThat(after.status()).as(after.body().toString()).isEqualTo(200);
		assertThat(after.body().at("/area/id").asString()).isEqualTo(area);
		assertThat(after.body().at("/area/name").asString()).isEqualTo("Valley and pass");
		JsonNode listed = api.get("/v1/service-areas", customer).body().valueStream()
			.filter(a -> a.get("id").asString().equals(area)).findFirst().orElseThrow();
		assertThat(listed.get("polygon").get(1).get(1).asDouble()).isEqualTo(LNG + 0.2);
		JsonNode audited = api.get("/v1/audit-events?action=service_area.changed&targetId=" + area,
				fixtures.operatorToken()).body().get("data");
		assertThat(audited).hasSize(1);
		assertThat(audited.get(0).get("actor").asString()).startsWith("operator:");
		assertThat(audited.get(0).get("detail").get("vertices").asInt()).isEqualTo(5);
	}

	@Test
	void onlyOperatorsRedrawAreasAndABadPolygonIsRefusedNamingItsVertexWithNothingChanged() {
		fixtures.berlinServiceArea();
		String area = new Areas(api, fixtures).box("Refused", LAT - 1, LNG, LAT - 0.9, LNG + 0.1);
		List<List<Double>> square = List.of(List.of(LAT - 0.9, LNG), List.of(LAT - 0.9, LNG + 0.3),
				List.of(LAT - 1, LNG + 0.3), List.of(LAT - 1, LNG));

		Api.Response byCustomer = api.put("/v1/service-areas/" + area, fixtures.customer().token(),
				Map.of("name", "Mine now", "polygon", square));
		Api.Response unknown = api.put("/v1/service-areas/0190a0c0-0000-7000-8000-000000000000",
				fixtures.operatorToken(), Map.of("name", "Nowhere", "polygon", square));
		Api.Response offTheGlobe = api.put("/v1/service-areas/" + area, fixtures.operatorToken(), Map.of("name",
				"Off", "polygon", List.of(List.of(LAT, LNG), List.of(95.0, LNG), List.of(LAT, LNG + 1))));
		Api.Response aLine = api.put("/v1/service-areas/" + area, fixtures.operatorToken(), Map.of("name", "Line",
				"polygon", List.of(List.of(LAT, LNG), List.of(LAT + 1, LNG), List.of(LAT + 2, LNG))));

		assertThat(byCustomer.status()).isEqualTo(403);
		assertThat(byCustomer.contentType()).startsWith("application/problem+json");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		assertThat(offTheGlobe.status()).isEqualTo(400);
		assertThat(offTheGlobe.body().at("/errors/0/field").asString()).isEqualTo("polygon[1]");
		assertThat(aLine.status()).isEqualTo(400);
		assertThat(aLine.body().at("/errors/0/field").asString()).isEqualTo("polygon");
		JsonNode listed = api.get("/v1/service-areas", fixtures.operatorToken()).body().valueStream()
			.filter(a -> a.get("id").asString().equals(area)).findFirst().orElseThrow();
		assertThat(listed.get("name").asString()).startsWith("Refused");
		assertThat(listed.get("polygon")).hasSize(4);
		assertThat(listed.get("polygon").get(1).get(1).asDouble()).isEqualTo(LNG + 0.1);
	}
}
