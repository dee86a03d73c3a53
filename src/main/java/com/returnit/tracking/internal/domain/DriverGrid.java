package com.returnit.tracking.internal.domain;

import com.returnit.platform.Geo;
import com.returnit.tracking.NearbyDriver;
import com.returnit.tracking.Position;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Drivers bucketed into a grid of square cells in degrees ({@code cellDegrees} of latitude and of longitude). A search
 * scans rings of cells outward from the point's cell, so it reads only the drivers near the point, and stops once it
 * holds {@code limit} drivers closer than anything outside the scanned rings could be, or the radius is covered.
 * Not thread-safe: {@code OnShiftIndex} guards it.
 */
public final class DriverGrid {

	/** Who to find around a point. Drivers whose fix is older than {@code freshSince} do not count. */
	public record Query(double lat, double lng, int limit, Set<UUID> excluded, Instant freshSince,
			double maxRadiusKm) {
	}

	/** The answer, nearest first, and how many drivers the search looked at to find it. */
	public record Nearest(List<NearbyDriver> drivers, int examined) {
	}

	private static final double KM_PER_DEGREE = 111.195;
	/** Great circles are a little shorter than parallels; a margin keeps the stopping rule conservative. */
	private static final double MARGIN = 0.99;

	private final double cellDegrees;
	private final int rows;
	private final int columns;
	private final Map<Long, Map<UUID, Position>> cells = new HashMap<>();
	private final Map<UUID, Position> positions = new HashMap<>();

	public DriverGrid(double cellDegrees) {
		if (!(cellDegrees > 0 && cellDegrees <= 10)) {
			throw new IllegalArgumentException("cell size must be in (0, 10] degrees");
		}
		this.cellDegrees = cellDegrees;
		this.rows = (int) Math.ceil(180 / cellDegrees);
		this.columns = (int) Math.ceil(360 / cellDegrees);
	}

	public void put(Position position) {
		remove(position.driverId());
		positions.put(position.driverId(), position);
		cells.computeIfAbsent(key(row(position.lat()), column(position.lng())), k -> new HashMap<>())
			.put(position.driverId(), position);
	}

	public void remove(UUID driverId) {
		Position old = positions.remove(driverId);
		if (old != null) {
			long key = key(row(old.lat()), column(old.lng()));
			Map<UUID, Position> cell = cells.get(key);
			cell.remove(driverId);
			if (cell.isEmpty()) {
				cells.remove(key);
			}
		}
	}

	/** True when the grid has no position of this driver, or an older one. */
	public boolean isNewer(Position position) {
		Position known = positions.get(position.driverId());
		return known == null || position.recordedAt().isAfter(known.recordedAt());
	}

	/** Every driver's position in the grid. */
	public List<Position> all() {
		return List.copyOf(positions.values());
	}

	public boolean contains(UUID driverId) {
		return positions.containsKey(driverId);
	}

	public int size() {
		return positions.size();
	}

	/** Removes every driver whose fix is older than {@code cutoff}. */
	public void removeOlderThan(Instant cutoff) {
		positions.values().stream().filter(p -> p.recordedAt().isBefore(cutoff)).map(Position::driverId).toList()
			.forEach(this::remove);
	}

	public Nearest nearest(Query query) {
		Search search = new Search(query);
		int row0 = row(query.lat());
		int column0 = column(query.lng());
		double rowKm = cellDegrees * KM_PER_DEGREE;
		int rowsDone = -1;
		int columnsDone = -1;
		for (int ring = 0;; ring++) {
			double reachKm = ring * rowKm * MARGIN;
			int columnsNow = Math.max(columnsDone, columnsFor(query.lat(), ring, reachKm));
			scanFrame(search, row0, column0, new Frame(rowsDone, columnsDone, ring, columnsNow));
			rowsDone = ring;
			columnsDone = columnsNow;
			boolean everything = row0 - ring <= 0 && row0 + ring >= rows - 1 && 2 * columnsNow + 1 >= columns;
			if (search.closerThan(reachKm) >= query.limit() || reachKm >= query.maxRadiusKm() || everything) {
				return search.result();
			}
		}
	}

	/** Columns either side of the centre needed to cover {@code reachKm} along the parallel furthest from the equator. */
	private int columnsFor(double lat, int ring, double reachKm) {
		double furthestLat = Math.min(90, Math.abs(lat) + (ring + 1) * cellDegrees);
		double columnKm = cellDegrees * KM_PER_DEGREE * Math.cos(Math.toRadians(furthestLat));
		int half = (columns - 1) / 2;
		return columnKm <= 1e-9 ? half : (int) Math.min(half, Math.ceil(reachKm / columnKm));
	}

	/** Cells within rows/columnsNow of the centre but not within rows/columnsDone (-1: none done yet). */
	private record Frame(int rowsDone, int columnsDone, int rowsNow, int columnsNow) {
	}

	private void scanFrame(Search search, int row0, int column0, Frame frame) {
		int rowsDone = frame.rowsDone();
		int columnsDone = frame.columnsDone();
		int rowsNow = frame.rowsNow();
		int columnsNow = frame.columnsNow();
		for (int dr = -rowsNow; dr <= rowsNow; dr++) {
			int row = row0 + dr;
			if (row < 0 || row >= rows) {
				continue;
			}
			boolean newRow = Math.abs(dr) > rowsDone;
			for (int dc = -columnsNow; dc <= columnsNow; dc++) {
				if (newRow || Math.abs(dc) > columnsDone) {
					search.visit(cells.get(key(row, Math.floorMod(column0 + dc, columns))));
				}
				else {
					dc = columnsDone;
				}
			}
		}
	}

	private int row(double lat) {
		return Math.clamp((long) Math.floor((lat + 90) / cellDegrees), 0, rows - 1);
	}

	private int column(double lng) {
		return Math.floorMod((long) Math.floor((lng + 180) / cellDegrees), columns);
	}

	private long key(int row, int column) {
		return (long) row * columns + column;
	}

	/** The candidates found so far. */
	private static final class Search {

		private final Query query;
		private final List<NearbyDriver> found = new ArrayList<>();
		private int examined;

		Search(Query query) {
			this.query = query;
		}

		void visit(Map<UUID, Position> cell) {
			if (cell == null) {
				return;
			}
			for (Position p : cell.values()) {
				examined++;
				if (p.recordedAt().isBefore(query.freshSince()) || query.excluded().contains(p.driverId())) {
					continue;
				}
				double km = Geo.distanceKm(query.lat(), query.lng(), p.lat(), p.lng());
				if (km <= query.maxRadiusKm()) {
					found.add(new NearbyDriver(p, km));
				}
			}
		}

		long closerThan(double km) {
			return found.stream().filter(d -> d.distanceKm() <= km).count();
		}

		Nearest result() {
			List<NearbyDriver> nearest = found.stream().sorted(Comparator.comparingDouble(NearbyDriver::distanceKm))
				.limit(query.limit()).toList();
			return new Nearest(nearest, examined);
		}
	}
}
