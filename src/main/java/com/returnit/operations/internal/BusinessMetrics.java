package com.returnit.operations.internal;

import com.returnit.orders.OrderScheduled;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The business as Prometheus sees it: bookings (counted when the booking commits), orders by status, drivers on shift
 * overall and per service area, pickups due per area, the event backlog and PostgreSQL's own statistics. Gauges read
 * the latest {@link Snapshot}, so a scrape never queries the database.
 */
@Component
class BusinessMetrics {

	private final AtomicReference<Snapshot> latest = new AtomicReference<>(Snapshot.empty());
	private final Counter bookings;
	private final LabelledGauges orders;
	private final LabelledGauges areaDrivers;
	private final LabelledGauges areaPickups;

	BusinessMetrics(MeterRegistry meters) {
		this.bookings = Counter.builder("returnit.bookings").description("Orders booked").register(meters);
		this.orders = new LabelledGauges(meters, "returnit.orders", "status",
				"Open orders, and those ended in 24 h, by status");
		this.areaDrivers = new LabelledGauges(meters, "returnit.area.drivers.on.shift", "area",
				"Drivers on shift in the service area");
		this.areaPickups = new LabelledGauges(meters, "returnit.area.pickups.due", "area",
				"Pickups due soon that have no driver yet");
		gauge(meters, "returnit.drivers.on.shift", s -> s.drivers().size());
		gauge(meters, "returnit.events.backlog", Snapshot::eventBacklog);
		gauge(meters, "returnit.db.connections", s -> s.database().connections());
		Gauge.builder("returnit.db.size", latest, r -> r.get().database().sizeBytes()).baseUnit("bytes").register(meters);
		counter(meters, "returnit.db.commits", s -> s.database().commits());
		counter(meters, "returnit.db.rollbacks", s -> s.database().rollbacks());
		counter(meters, "returnit.db.deadlocks", s -> s.database().deadlocks());
	}

	/**
	 * Counted once the booking's transaction commits. A plain listener, not an {@code @ApplicationModuleListener}: a
	 * counter needs no publication row of its own in the event registry.
	 */
	@EventListener
	void on(OrderScheduled scheduled) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					bookings.increment();
				}
			});
		}
		else {
			bookings.increment();
		}
	}

	void update(Snapshot snapshot) {
		latest.set(snapshot);
		orders.set(snapshot.ordersByStatus());
		// areas may share a name (one per merchant, say): one series per name, or Prometheus refuses the scrape
		areaDrivers.set(byAreaName(snapshot, AreaCoverage::driversOnShift));
		areaPickups.set(byAreaName(snapshot, AreaCoverage::pickupsDue));
	}

	private static Map<String, Integer> byAreaName(Snapshot snapshot, ToIntFunction<AreaCoverage> value) {
		Map<String, Integer> sums = new TreeMap<>();
		snapshot.areas().forEach(area -> sums.merge(area.name(), value.applyAsInt(area), Integer::sum));
		return sums;
	}

	Snapshot latest() {
		return latest.get();
	}

	private void gauge(MeterRegistry meters, String name, ToDoubleFunction<Snapshot> value) {
		Gauge.builder(name, latest, r -> value.applyAsDouble(r.get())).register(meters);
	}

	private void counter(MeterRegistry meters, String name, ToDoubleFunction<Snapshot> value) {
		FunctionCounter.builder(name, latest, r -> value.applyAsDouble(r.get())).register(meters);
	}
}
