package com.returnit.load;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

/** The JSON the users send, built per request (fresh windows and positions). */
final class Bodies {

	private Bodies() {
	}

	/**
	 * The eligible two-item return of the end-to-end tests. Every third window starts in 15 minutes, inside the
	 * dispatch lead time, so drivers get offers during the run; the rest are booked for the day after tomorrow.
	 */
	static String booking(String merchantId) {
		return booking(merchantId, ThreadLocalRandom.current().nextInt(3) == 0);
	}

	static String booking(String merchantId, boolean soon) {
		Instant start = soon ? Instant.now().plus(15, ChronoUnit.MINUTES)
				: Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		String purchased = Instant.now().minus(7, ChronoUnit.DAYS).toString();
		return """
				{"merchantId":"%s","pickup":{"address":"Torstrasse 1, 10119 Berlin","lat":52.5290,"lng":13.4010},\
				"window":{"start":"%s","end":"%s"},"items":[\
				{"sku":"SKU-JACKET","description":"A outerwear item","category":"outerwear","purchasedAt":"%s",\
				"valueCents":12900,"merchantOrderRef":"MO-1","tagsAttached":true},\
				{"sku":"SKU-SHIRT","description":"A tops item","category":"tops","purchasedAt":"%s",\
				"valueCents":2900,"merchantOrderRef":"MO-1","tagsAttached":false}]}"""
			.formatted(merchantId, start, start.plus(2, ChronoUnit.HOURS), purchased, purchased);
	}

	/** One position a few hundred metres around the standard pickup address. */
	static String ping() {
		ThreadLocalRandom r = ThreadLocalRandom.current();
		return """
				{"pings":[{"lat":%.5f,"lng":%.5f,"recordedAt":"%s"}]}""".formatted(52.5290 + r.nextDouble(-0.004,
				0.004), 13.4010 + r.nextDouble(-0.004, 0.004), Instant.now());
	}

	static String pickup() {
		return """
				{"items":[{"sku":"SKU-JACKET","verified":true,"condition":"used"},\
				{"sku":"SKU-SHIRT","verified":true,"condition":"new"}]}""";
	}
}
