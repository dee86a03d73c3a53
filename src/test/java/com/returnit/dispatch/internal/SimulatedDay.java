package com.returnit.dispatch.internal;

import com.returnit.dispatch.internal.domain.DispatchJob;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A synthetic, replayable day in a Berlin-sized area (about 24 x 34 km): drivers on shift all day at random places,
 * orders booked through the day with pickup windows clustered around a lunch and an evening peak.
 */
record SimulatedDay(Instant start, List<SimDriver> drivers, List<DispatchJob> orders) {

	/** The size of the day and its fixed seed. */
	record Shape(long seed, int drivers, int orders, Duration length, Duration leadTime) {
	}

	/** A driver at the start of the day. */
	record SimDriver(UUID id, String vehicleType, int capacity, double lat, double lng) {
	}

	static final double SOUTH = 52.40;
	static final double NORTH = 52.62;
	static final double WEST = 13.15;
	static final double EAST = 13.65;

	static SimulatedDay generate(Shape shape, Instant start) {
		Random random = new Random(shape.seed());
		List<SimDriver> drivers = new ArrayList<>();
		for (int i = 0; i < shape.drivers(); i++) {
			double kind = random.nextDouble();
			String vehicle = kind < 0.25 ? "bike" : kind < 0.4 ? "cargo_bike" : "van";
			drivers.add(new SimDriver(new UUID(shape.seed(), i), vehicle, vehicle.equals("van") ? 40 : 10,
					lat(random), lng(random)));
		}
		List<DispatchJob> orders = new ArrayList<>();
		long dayMinutes = shape.length().toMinutes();
		for (int i = 0; i < shape.orders(); i++) {
			Instant windowStart = start.plus(Duration.ofMinutes(windowStartMinute(random, dayMinutes)));
			Instant booked = windowStart.minus(Duration.ofMinutes(10 + random.nextInt(170)));
			booked = booked.isBefore(start) ? start : booked;
			Instant dispatchAt = DispatchJob.dispatchTime(windowStart, shape.leadTime(), booked);
			orders.add(new DispatchJob(new UUID(~shape.seed(), i), lat(random), lng(random), items(random), windowStart,
					dispatchAt, "pending", 0, dispatchAt));
		}
		orders.sort(Comparator.comparing(DispatchJob::dispatchAt));
		return new SimulatedDay(start, drivers, orders);
	}

	/** Half the windows spread evenly, a quarter around 12:00 and a quarter around 17:00 (day starting 08:00). */
	private static long windowStartMinute(Random random, long dayMinutes) {
		double pick = random.nextDouble();
		double minute = pick < 0.5 ? 30 + random.nextDouble() * (dayMinutes - 30)
				: (pick < 0.75 ? 240 : 540) + random.nextGaussian() * 45;
		return Math.clamp(Math.round(minute), 30, dayMinutes);
	}

	private static int items(Random random) {
		double pick = random.nextDouble();
		return pick < 0.4 ? 1 : pick < 0.7 ? 2 : pick < 0.9 ? 3 : 4;
	}

	private static double lat(Random random) {
		return SOUTH + random.nextDouble() * (NORTH - SOUTH);
	}

	private static double lng(Random random) {
		return WEST + random.nextDouble() * (EAST - WEST);
	}
}
