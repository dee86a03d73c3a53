package com.returnit.tracking.internal;

import com.returnit.tracking.Position;
import com.returnit.tracking.internal.domain.Ping;
import com.returnit.tracking.internal.domain.Track;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The writer of pings on this node. Requests queue their pings in their driver's lane; each lane's thread takes the
 * first waiting request, gathers whatever else arrives within the flush window (up to the batch size), decides which
 * pings are jumps, writes them all in one transaction and only then completes each request's future. Under load,
 * requests that arrive while a batch is being written form the next batch, so the number of transactions stays far
 * below the number of requests. A driver always has the same lane, so its pings are judged and written in order, and
 * lanes never write the same driver's rows; with two or more lanes one batch is written while the next is gathered
 * (ADR 0033).
 */
@Component
class PingWriter implements SmartLifecycle {

	/** Pings of one request, answered once durable. */
	record Request(UUID driverId, List<Ping> pings, CompletableFuture<Written> written) {
	}

	/** What became of a request's pings. */
	record Written(int accepted, int flagged) {
	}

	/** Refused at once: the queue is full. */
	static final class Overloaded extends RuntimeException {

		Overloaded() {
			super("too many pings waiting to be written");
		}
	}

	/** The pings may or may not be stored: the client sends them again; a ping already stored is not stored twice. */
	static final class NotStored extends Exception {

		static final String DETAIL = "The pings could not be stored in time; send them again shortly.";

		NotStored(Throwable cause) {
			super(DETAIL, cause);
		}
	}

	private static final Logger log = LoggerFactory.getLogger(PingWriter.class);

	private final List<Lane> lanes = new ArrayList<>();
	private final AtomicInteger waiting = new AtomicInteger();
	private final PingStore store;
	private final LatestPositions positions;
	private final OnShiftIndex index;
	private final PartitionMaintenance partitions;
	private final TrackingProperties properties;
	private final Clock clock;
	private final Counter flushes;
	private final Counter pingsWritten;
	private final DistributionSummary batchSizes;
	private volatile boolean running;

	PingWriter(PingStore store, LatestPositions positions, OnShiftIndex index, PartitionMaintenance partitions,
			TrackingProperties properties, Clock clock, MeterRegistry meters) {
		this.store = store;
		this.positions = positions;
		this.index = index;
		this.partitions = partitions;
		this.properties = properties;
		this.clock = clock;
		this.flushes = meters.counter("returnit.tracking.flushes");
		this.pingsWritten = meters.counter("returnit.tracking.pings.written");
		this.batchSizes = meters.summary("returnit.tracking.batch.pings");
		for (int i = 0; i < properties.writers(); i++) {
			lanes.add(new Lane(i));
		}
	}

	/** Queues the pings and waits until they are durable, at most the acknowledgement timeout. */
	Written write(UUID driverId, List<Ping> pings) throws NotStored {
		try {
			return submit(driverId, pings).get(properties.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException e) {
			throw new NotStored(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new NotStored(e);
		}
	}

	CompletableFuture<Written> submit(UUID driverId, List<Ping> pings) {
		if (waiting.addAndGet(pings.size()) > properties.queueCapacity()) {
			waiting.addAndGet(-pings.size());
			return CompletableFuture.failedFuture(new Overloaded());
		}
		Request request = new Request(driverId, pings, new CompletableFuture<>());
		lanes.get(Math.floorMod(driverId.hashCode(), lanes.size())).queue.add(request);
		return request.written();
	}

	@Override
	public void start() {
		running = true;
		lanes.forEach(Lane::start);
	}

	/** Stops after the web server has drained, writing what is still queued. */
	@Override
	public void stop() {
		running = false;
		long deadline = System.nanoTime() + properties.ackTimeout().toNanos();
		for (Lane lane : lanes) {
			lane.join(deadline);
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return 0;
	}

	/** One writing thread and the requests waiting for it. */
	private final class Lane {

		private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
		private final String name;
		private @Nullable Thread thread;
		private @Nullable Request carried;

		Lane(int index) {
			this.name = "ping-writer-" + index;
		}

		void start() {
			thread = Thread.ofPlatform().name(name).daemon().start(this::loop);
		}

		void join(long deadlineNanos) {
			if (thread == null) {
				return;
			}
			try {
				thread.join(Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}

		private void loop() {
			while (running || carried != null || !queue.isEmpty()) {
				try {
					List<Request> batch = gather();
					if (!batch.isEmpty()) {
						flush(batch);
					}
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return;
				}
				catch (RuntimeException e) {
					log.error("Ping writer {} failed; it carries on", name, e);
				}
			}
		}

		/** The first waiting request, then whatever arrives within the flush window, up to the batch size. */
		private List<Request> gather() throws InterruptedException {
			Request first = carried != null ? carried : queue.poll(100, TimeUnit.MILLISECONDS);
			carried = null;
			if (first == null) {
				return List.of();
			}
			List<Request> batch = new ArrayList<>(List.of(first));
			int size = first.pings().size();
			long deadline = System.nanoTime() + properties.flushWindow().toNanos();
			while (size < properties.maxBatch()) {
				long left = deadline - System.nanoTime();
				Request next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
				if (next == null) {
					break;
				}
				if (size + next.pings().size() > properties.maxBatch()) {
					carried = next;
					break;
				}
				batch.add(next);
				size += next.pings().size();
			}
			return batch;
		}
	}

	private void flush(List<Request> batch) {
		int size = batch.stream().mapToInt(r -> r.pings().size()).sum();
		try {
			Assessed assessed = assess(batch);
			writeCreatingPartitions(assessed);
			positions.advanced(assessed.moved());
			index.moved(assessed.moved());
			flushes.increment();
			pingsWritten.increment(size);
			batchSizes.record(size);
			for (int i = 0; i < batch.size(); i++) {
				batch.get(i).written().complete(new Written(batch.get(i).pings().size(), assessed.flagged().get(i)));
			}
		}
		catch (RuntimeException e) {
			log.warn("Writing {} pings failed", size, e);
			batch.forEach(request -> request.written().completeExceptionally(e));
		}
		finally {
			waiting.addAndGet(-size);
		}
	}

	/** The rows to store, how many of each request's pings are flagged, and the drivers' new latest positions. */
	private record Assessed(List<PingStore.Row> rows, List<Integer> flagged, List<Position> moved) {
	}

	private Assessed assess(List<Request> batch) {
		Set<UUID> drivers = new LinkedHashSet<>();
		batch.forEach(request -> drivers.add(request.driverId()));
		Map<UUID, Position> stored = positions.getAll(drivers);
		Map<UUID, Track> tracks = new HashMap<>();
		List<PingStore.Row> rows = new ArrayList<>();
		List<Integer> flagged = new ArrayList<>();
		for (Request request : batch) {
			Track track = tracks.computeIfAbsent(request.driverId(),
					id -> new Track(id, stored.get(id), properties.maxSpeedMps()));
			int jumps = 0;
			for (Ping ping : request.pings()) {
				boolean jump = track.flagsJump(ping);
				rows.add(new PingStore.Row(request.driverId(), ping, jump));
				jumps += jump ? 1 : 0;
			}
			flagged.add(jumps);
		}
		List<Position> moved = tracks.values().stream().map(Track::movedTo).flatMap(Optional::stream).toList();
		return new Assessed(rows, flagged, moved);
	}

	/** A ping for a day with no partition yet (the hourly job has not run since midnight) creates it and retries. */
	private void writeCreatingPartitions(Assessed assessed) {
		try {
			store.write(assessed.rows(), assessed.moved(), clock.instant());
		}
		catch (DataAccessException e) {
			if (!String.valueOf(e.getMostSpecificCause().getMessage()).contains("no partition of relation")) {
				throw e;
			}
			LocalDate from = assessed.rows().stream().map(r -> day(r.ping())).min(LocalDate::compareTo).orElseThrow();
			LocalDate to = assessed.rows().stream().map(r -> day(r.ping())).max(LocalDate::compareTo).orElseThrow();
			partitions.ensure(from, to);
			store.write(assessed.rows(), assessed.moved(), clock.instant());
		}
	}

	private static LocalDate day(Ping ping) {
		return LocalDate.ofInstant(ping.recordedAt(), ZoneOffset.UTC);
	}
}
