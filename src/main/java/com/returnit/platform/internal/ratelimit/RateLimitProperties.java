package com.returnit.platform.internal.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Requests per window for each tier of caller. Anonymous callers are counted by client IP, everyone else by account
 * (merchants by merchant); drivers' location pings have a budget of their own, apart from their other calls.
 */
@ConfigurationProperties("returnit.security.rate-limits")
record RateLimitProperties(boolean enabled, Duration window, int anonymous, int customer, int merchant, int operator,
		int driver, int driverPings) {

	RateLimitProperties {
		window = window == null ? Duration.ofMinutes(1) : window;
		anonymous = orDefault(anonymous, 60);
		customer = orDefault(customer, 200);
		merchant = orDefault(merchant, 500);
		operator = orDefault(operator, 1000);
		driver = orDefault(driver, 300);
		driverPings = orDefault(driverPings, 120);
	}

	private static int orDefault(int value, int fallback) {
		return value > 0 ? value : fallback;
	}

	Tier tier(String name) {
		int limit = switch (name) {
			case "customer" -> customer;
			case "merchant" -> merchant;
			case "operator" -> operator;
			case "driver" -> driver;
			case "driver-pings" -> driverPings;
			default -> anonymous;
		};
		return new Tier(name, limit, window);
	}
}
