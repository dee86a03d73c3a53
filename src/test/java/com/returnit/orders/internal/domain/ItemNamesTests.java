package com.returnit.orders.internal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.returnit.platform.FieldError;
import com.returnit.platform.InvalidInput;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemNamesTests {

	@Test
	void givenSkusAreKeptTrimmedAndItemsWithoutOneAreNamedByTheirPosition() {
		assertThat(ItemNames.of(Arrays.asList(" JKT-1 ", null, "  ", "SHIRT"))).containsExactly("JKT-1", "ITEM-2",
				"ITEM-3", "SHIRT");
	}

	@Test
	void aSkuGivenTwiceNamesTheLaterItem() {
		assertThatThrownBy(() -> ItemNames.of(List.of("A", "B", "A "))).isInstanceOfSatisfying(InvalidInput.class,
				e -> {
					assertThat(e.status()).isEqualTo(400);
					assertThat(e.errors()).extracting(FieldError::field).containsExactly("items[2].sku");
				});
	}

	@Test
	void aGivenSkuThatIsTheNameOfAnUnnamedItemIsRefused() {
		assertThatThrownBy(() -> ItemNames.of(Arrays.asList("ITEM-2", null))).isInstanceOfSatisfying(
				InvalidInput.class, e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("items[0].sku"));
	}

	@Test
	void skusDifferingOnlyInCaseAreDifferentItems() {
		assertThat(ItemNames.of(List.of("sku-1", "SKU-1"))).containsExactly("sku-1", "SKU-1");
	}
}
