package com.returnit.dispatch.internal;

import com.returnit.dispatch.internal.domain.Candidate;
import com.returnit.dispatch.internal.domain.DriverMatching;
import com.returnit.platform.Geo;
import com.returnit.tracking.NearbyDriver;
import com.returnit.tracking.Position;
import com.returnit.tracking.internal.domain.DriverGrid;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Time to choose a driver with 10,000 on shift: the tracking module's grid (behind a read lock, as in OnShiftIndex)
 * finds the 20 nearest, {@link DriverMatching} picks the nearest that fits. The reference scans every driver. Run
 * with {@code bench/matching/run.sh}; arguments: drivers, lookups, seed.
 */
public final class MatchingBenchmark {

	private static final Instant NOW = Instant.parse("2026-05-04T12:00:00Z");
	private static final double CELL_DEGREES = 0.01;
	private static final int CANDIDATES = 20;
	private static final double RADIUS_KM = 30;

	private record Lookup(double lat, double lng, int items) {
	}

	private interface Chooser {
		Optional<Candidate> choose(Lookup lookup);
	}

	private final Map<UUID, Candidate> fleet = new HashMap<>();
	private final List<Position> positions = new ArrayList<>();
	private final DriverGrid grid = new DriverGrid(CELL_DEGREES);
	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

	private MatchingBenchmark(int drivers, Random random) {
		for (int i = 0; i < drivers; i++) {
			UUID id = new UUID(42, i);
			double kind = random.nextDouble();
			String vehicle = kind < 0.25 ? "bike" : kind < 0.4 ? "cargo_bike" : "van";
			fleet.put(id, new Candidate(id, 0, vehicle, 1 + random.nextInt(vehicle.equals("van") ? 40 : 10)));
			Position position = new Position(id, lat(random), lng(random), NOW.minusSeconds(random.nextInt(300)));
			positions.add(position);
			grid.put(position);
		}
	}

	public static void main(String[] args) {
		int drivers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
		int lookups = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
		long seed = args.length > 2 ? Long.parseLong(args[2]) : 20_260_504L;
		Random random = new Random(seed);
		MatchingBenchmark bench = new MatchingBenchmark(drivers, random);
		List<Lookup> warmUp = lookups(random, lookups);
		List<Lookup> measured = lookups(random, lookups);
		System.out.printf("%,d drivers on shift, %,d lookups after %,d warm-up lookups, seed %d%n", drivers, lookups,
				lookups, seed);
		System.out.printf(Locale.ROOT, "Machine: %d CPUs, load average %.1f (other work on the machine shows in p99)%n",
				Runtime.getRuntime().availableProcessors(),
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		long[] grid = bench.time("grid + DriverMatching", bench::throughGrid, warmUp, measured);
		long[] scan = bench.time("scan of every driver", bench::byScan, warmUp, measured);
		long agree = measured.stream().filter(l -> bench.throughGrid(l).equals(bench.byScan(l))).count();
		System.out.println();
		System.out.println("| Path | p50 (ms) | p99 (ms) | max (ms) |");
		System.out.println("|---|---:|---:|---:|");
		row("grid (20 nearest) + DriverMatching", grid);
		row("reference: scan of all drivers", scan);
		System.out.printf(Locale.ROOT, "%nScan / grid at p99: %.1fx; at p50: %.1fx. Same driver chosen in %.2f%% of lookups.%n",
				ms(percentile(scan, 0.99)) / ms(percentile(grid, 0.99)),
				ms(percentile(scan, 0.50)) / ms(percentile(grid, 0.50)), 100.0 * agree / measured.size());
		double p99 = ms(percentile(grid, 0.99));
		System.out.printf(Locale.ROOT, "Target p99 <= 20 ms: %s (%.3f ms)%n", p99 <= 20 ? "met" : "MISSED", p99);
	}

	private Optional<Candidate> throughGrid(Lookup lookup) {
		lock.readLock().lock();
		List<NearbyDriver> nearest;
		try {
			nearest = grid.nearest(new DriverGrid.Query(lookup.lat(), lookup.lng(), CANDIDATES, Set.of(),
					NOW.minus(Duration.ofMinutes(10)), RADIUS_KM)).drivers();
		}
		finally {
			lock.readLock().unlock();
		}
		List<Candidate> candidates = nearest.stream()
			.map(near -> fleet.get(near.position().driverId()).at(near.distanceKm())).toList();
		return DriverMatching.choose(candidates, lookup.items());
	}

	private Optional<Candidate> byScan(Lookup lookup) {
		List<Candidate> all = new ArrayList<>(positions.size());
		for (Position p : positions) {
			all.add(fleet.get(p.driverId()).at(Geo.distanceKm(lookup.lat(), lookup.lng(), p.lat(), p.lng())));
		}
		return DriverMatching.choose(all, lookup.items());
	}

	private long[] time(String name, Chooser chooser, List<Lookup> warmUp, List<Lookup> measured) {
		System.out.printf("%s: warming up...%n", name);
		warmUp.forEach(chooser::choose);
		long[] nanos = new long[measured.size()];
		for (int i = 0; i < measured.size(); i++) {
			long started = System.nanoTime();
			chooser.choose(measured.get(i));
			nanos[i] = System.nanoTime() - started;
			if ((i + 1) % 5_000 == 0) {
				System.out.printf("%s: %,d lookups%n", name, i + 1);
			}
		}
		Arrays.sort(nanos);
		return nanos;
	}

	private static List<Lookup> lookups(Random random, int count) {
		List<Lookup> lookups = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			lookups.add(new Lookup(lat(random), lng(random), 1 + random.nextInt(4)));
		}
		return lookups;
	}

	private static void row(String name, long[] sorted) {
		System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |%n", name, ms(percentile(sorted, 0.50)),
				ms(percentile(sorted, 0.99)), ms(sorted[sorted.length - 1]));
	}

	private static long percentile(long[] sorted, double p) {
		return sorted[(int) Math.ceil(p * sorted.length) - 1];
	}

	private static double ms(long nanos) {
		return nanos / 1e6;
	}

	private static double lat(Random random) {
		return SimulatedDay.SOUTH + random.nextDouble() * (SimulatedDay.NORTH - SimulatedDay.SOUTH);
	}

	private static double lng(Random random) {
		return SimulatedDay.WEST + random.nextDouble() * (SimulatedDay.EAST - SimulatedDay.WEST);
	}
}
