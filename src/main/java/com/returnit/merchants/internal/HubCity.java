package com.returnit.merchants.internal;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The city of a hub the merchant named none for: the address's last comma-separated part without its postcode
 * (every word with a digit in it), "Lager 1, 10115 Berlin" -> "Berlin". An address without a comma names none.
 * Migration V17 backfills existing hubs with the same rule in SQL ({@code city_of_address}).
 */
final class HubCity {

	private HubCity() {
	}

	static @Nullable String of(@Nullable String given, String address) {
		if (given != null && !given.isBlank()) {
			return given.trim().replaceAll("\\s+", " ");
		}
		return fromAddress(address);
	}

	static @Nullable String fromAddress(String address) {
		int comma = address.lastIndexOf(',');
		if (comma < 0) {
			return null;
		}
		String city = Arrays.stream(address.substring(comma + 1).split("\\s+"))
			.filter(word -> !word.isEmpty() && !word.matches(".*[0-9].*"))
			.collect(Collectors.joining(" "));
		return city.isEmpty() ? null : city;
	}
}
