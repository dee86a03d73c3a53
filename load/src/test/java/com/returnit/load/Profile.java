package com.returnit.load;

/**
 * A rung of the ladder: how many users are in the system at once and for how long. Customers, merchants and
 * operators arrive at a constant rate (open model) so that rate x session length holds their share of the users;
 * drivers are a population on shift for the whole run.
 */
record Profile(String name, int users, int seconds) {

	/** Seconds a customer, merchant or operator session lasts on average (see {@link Scenarios}). */
	static final double SESSION_SECONDS = 15;

	static Profile named(String name, double users, int seconds) {
		return switch (name) {
			case "smoke" -> new Profile(name, 10, orDefault(seconds, 30));
			case "load" -> new Profile(name, 100, orDefault(seconds, 60));
			case "stress" -> new Profile(name, 500, orDefault(seconds, 60));
			case "day-one" -> new Profile(name, 2_000, orDefault(seconds, 60));
			case "ramp" -> new Profile(name, (int) orDefault((int) users, 1_000), orDefault(seconds, 120));
			case "step" -> new Profile(name, Math.max(1, (int) users), orDefault(seconds, 30));
			default -> throw new IllegalArgumentException("unknown profile '" + name
					+ "': smoke, load, stress, day-one, ramp or step");
		};
	}

	int drivers() {
		return Math.max(1, Math.min(200, users / 5));
	}

	int seededCustomers() {
		return Math.max(2, Math.min(100, users / 10));
	}

	double customersPerSecond() {
		return users * 0.60 / SESSION_SECONDS;
	}

	double merchantsPerSecond() {
		return users * 0.15 / SESSION_SECONDS;
	}

	double operatorsPerSecond() {
		return Math.max(1, users * 0.05) / SESSION_SECONDS;
	}

	private static int orDefault(int value, int fallback) {
		return value > 0 ? value : fallback;
	}
}
