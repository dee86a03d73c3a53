package com.returnit.merchants.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.support.EndToEndTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A hub's city comes from its address when the merchant names none, by the same rule in the service and in the
 * migration that filled in the hubs made before (city_of_address).
 */
class HubCityTests extends EndToEndTest {

	private static final List<String> ADDRESSES = List.of("Lager 1, 10115 Berlin", "Invalidenstr 1, Berlin",
			"Hafen 2,20457 Hamburg", "Rue de Rivoli 1, 75001 Paris", "Baker St 221b, London NW1 6XE",
			"Marienplatz 1, 80331  München ", "Hof 3, Aufgang B, 12345", "Somewhere without a comma", "Trailing comma,",
			"Am Markt 5, 01067 Dresden-Altstadt");

	@Autowired
	JdbcClient jdbc;

	@Test
	void theLastPartOfTheAddressWithoutItsPostcodeIsTheCity() {
		assertThat(HubCity.fromAddress("Lager 1, 10115 Berlin")).isEqualTo("Berlin");
		assertThat(HubCity.fromAddress("Baker St 221b, London NW1 6XE")).isEqualTo("London");
		assertThat(HubCity.fromAddress("Marienplatz 1, 80331  München ")).isEqualTo("München");
		assertThat(HubCity.fromAddress("Am Markt 5, 01067 Dresden-Altstadt")).isEqualTo("Dresden-Altstadt");
		assertThat(HubCity.fromAddress("Hof 3, Aufgang B, 12345")).isNull();
		assertThat(HubCity.fromAddress("Somewhere without a comma")).isNull();
		assertThat(HubCity.of("  Frankfurt am  Main ", "Lager 1, 10115 Berlin")).isEqualTo("Frankfurt am Main");
		assertThat(HubCity.of(" ", "Lager 1, 10115 Berlin")).isEqualTo("Berlin");
	}

	@Test
	void theMigrationsBackfillDerivesTheSameCityAsTheService() {
		for (String address : ADDRESSES) {
			String bySql = jdbc.sql("SELECT city_of_address(:a)").param("a", address)
				.query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1))).single().orElse(null);
			assertThat(bySql).as(address).isEqualTo(HubCity.fromAddress(address));
		}
	}
}
