package com.returnit.orders.internal.domain;

import com.returnit.platform.FieldError;
import com.returnit.platform.InvalidInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Every item of a request has a sku unique within it, because everything after booking names items by sku
 * (eligibility verdicts, the driver's pickup proof, webhooks). A sku the client gave is kept (trimmed); an item
 * without one is named {@code ITEM-<position>} (1-based). A sku given twice, or the name of an unnamed item given to
 * another, is a 400 naming the later item's {@code items[i].sku}.
 */
public final class ItemNames {

	private ItemNames() {
	}

	public static List<String> of(List<@Nullable String> given) {
		List<String> names = new ArrayList<>();
		List<Integer> unnamed = new ArrayList<>();
		Map<String, Integer> firstAt = new HashMap<>();
		List<FieldError> errors = new ArrayList<>();
		for (int i = 0; i < given.size(); i++) {
			String sku = given.get(i) == null || given.get(i).isBlank() ? null : given.get(i).trim();
			if (sku == null) {
				unnamed.add(i);
				names.add("ITEM-" + (i + 1));
			}
			else if (firstAt.putIfAbsent(sku, i) != null) {
				errors.add(new FieldError("items[" + i + "].sku",
						"is the same as items[" + firstAt.get(sku) + "].sku; each item needs its own sku"));
				names.add(sku);
			}
			else {
				names.add(sku);
			}
		}
		for (int i : unnamed) {
			Integer taken = firstAt.get(names.get(i));
			if (taken != null) {
				errors.add(new FieldError("items[" + taken + "].sku", "is the name given to items[" + i
						+ "], which has no sku; choose another or give items[" + i + "] one"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(400, errors);
		}
		return names;
	}
}
