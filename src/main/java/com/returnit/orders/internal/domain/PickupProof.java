package com.returnit.orders.internal.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the driver checked at the door: each item verified or refused, and the seal of the bag they went into. */
public record PickupProof(List<ItemCheck> items, @Nullable String bagSeal) {

	public enum Condition {
		NEW, USED, DAMAGED
	}

	/** One item as the driver found it. */
	public record ItemCheck(String sku, boolean verified, Condition condition, @Nullable String note) {
	}

	public PickupProof {
		items = List.copyOf(items);
	}

	public List<ItemCheck> refused() {
		return items.stream().filter(check -> !check.verified()).toList();
	}

	public List<ItemCheck> collected() {
		return items.stream().filter(ItemCheck::verified).toList();
	}
}
