package com.returnit.orders.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class PricingPropertyTests {

	@Property
	void aPriceIsBasePlusItemsPlusDistanceInWholeCents(@ForAll @LongRange(max = 100_000) long base,
			@ForAll @LongRange(max = 10_000) long perItem, @ForAll @LongRange(max = 10_000) long perKm,
			@ForAll @IntRange(min = 1, max = 50) int items, @ForAll @DoubleRange(max = 500) double km) {
		Money price = new Pricing(base, perItem, perKm, "EUR").price(items, km);

		assertThat(price.amountCents()).isEqualTo(base + perItem * items + Math.round(km * perKm));
		assertThat(price.amountCents()).isNotNegative();
		assertThat(price.currency()).isEqualTo("EUR");
	}

	@Property
	void theBreakdownsPartsAlwaysAddUpToThePrice(@ForAll @LongRange(max = 100_000) long base,
			@ForAll @LongRange(max = 10_000) long perItem, @ForAll @LongRange(max = 10_000) long perKm,
			@ForAll @IntRange(min = 1, max = 100) int items, @ForAll @DoubleRange(max = 2_000) double km) {
		Pricing pricing = new Pricing(base, perItem, perKm, "EUR");
		PriceBreakdown breakdown = pricing.breakdown(items, km);

		assertThat(breakdown.baseCents() + breakdown.itemsCents() + breakdown.distanceCents())
			.isEqualTo(pricing.price(items, km).amountCents());
		assertThat(breakdown.total()).isEqualTo(pricing.price(items, km));
		assertThat(breakdown.baseCents()).isEqualTo(base);
		assertThat(breakdown.itemsCents()).isEqualTo(perItem * items);
		assertThat(breakdown.distanceKm()).isCloseTo(km, org.assertj.core.data.Offset.offset(0.005));
		assertThat(breakdown.currency()).isEqualTo("EUR");
	}

	@Property
	void oneMoreItemCostsExactlyThePerItemPrice(@ForAll @LongRange(max = 10_000) long perItem,
			@ForAll @IntRange(min = 1, max = 49) int items, @ForAll @DoubleRange(max = 500) double km) {
		Pricing pricing = new Pricing(499, perItem, 60, "EUR");

		assertThat(pricing.price(items + 1, km).amountCents() - pricing.price(items, km).amountCents()).isEqualTo(perItem);
	}

	@Property
	void aLongerWayNeverCostsLess(@ForAll @LongRange(max = 10_000) long perKm, @ForAll @DoubleRange(max = 500) double km,
			@ForAll @DoubleRange(max = 100) double further) {
		Pricing pricing = new Pricing(499, 150, perKm, "EUR");

		assertThat(pricing.price(2, km + further).amountCents()).isGreaterThanOrEqualTo(pricing.price(2, km).amountCents());
	}

	@Property
	void theDistanceIsRoundedToTheNearestCent(@ForAll @DoubleRange(max = 500) double km) {
		long distanceCents = new Pricing(0, 0, 60, "EUR").price(1, km).amountCents();

		assertThat(Math.abs(distanceCents - km * 60)).isLessThanOrEqualTo(0.5);
	}
}
