package com.returnit.orders.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PricingTests {

	private final Pricing pricing = new Pricing(499, 150, 60, "EUR");

	@Test
	void aPickupCostsTheBasePlusEachItemPlusEachKilometreToTheNearestHub() {
		assertThat(pricing.price(2, 1.5)).isEqualTo(new Money(499 + 2 * 150 + 90, "EUR"));
	}

	@Test
	void aPickupAtTheHubCostsNoDistance() {
		assertThat(pricing.price(1, 0)).isEqualTo(new Money(649, "EUR"));
	}

	@Test
	void theDistanceIsChargedToTheNearestCent() {
		// 60 cents per km: 10 m cost 0.6 cents, 5 m cost 0.3 cents.
		assertThat(pricing.price(0, 0.010).amountCents()).isEqualTo(499 + 1);
		assertThat(pricing.price(0, 0.005).amountCents()).isEqualTo(499);
	}

	@Test
	void thePriceIsInThePricingsCurrency() {
		assertThat(new Pricing(300, 100, 50, "CHF").price(1, 2).currency()).isEqualTo("CHF");
	}

	@Test
	void noAmountOfMoneyIsNegative() {
		assertThatThrownBy(() -> new Money(-1, "EUR")).isInstanceOf(IllegalArgumentException.class);
	}
}
