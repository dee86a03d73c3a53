package com.returnit.merchants;

import java.util.Arrays;
import java.util.Locale;

/**
 * Who pays for a merchant's pickups: the customer at booking ({@code customer_pays}: authorized at booking, captured
 * at pickup) or the merchant on its monthly statement ({@code merchant_pays}, the default).
 */
public enum Billing {
	CUSTOMER_PAYS, MERCHANT_PAYS;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Billing fromCode(String code) {
		return Arrays.stream(values()).filter(b -> b.code().equals(code)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("billing must be customer_pays or merchant_pays"));
	}
}
