package com.returnit.operations.internal;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every {@code returnit.operations.alerts.evaluate-every}: a fresh snapshot for the gauges, then the alert rules. */
@Component
class OperationsTick {

	private static final Logger log = LoggerFactory.getLogger(OperationsTick.class);

	private final ReadModel readModel;
	private final BusinessMetrics metrics;
	private final AlertEngine engine;
	private final OperationsProperties properties;
	private final Clock clock;

	OperationsTick(ReadModel readModel, BusinessMetrics metrics, AlertEngine engine, OperationsProperties properties,
			Clock clock) {
		this.readModel = readModel;
		this.metrics = metrics;
		this.engine = engine;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${returnit.operations.alerts.evaluate-every:15s}", initialDelayString = "1s")
	void tick() {
		try {
			Snapshot snapshot = take();
			metrics.update(snapshot);
			engine.evaluate(snapshot);
		}
		catch (RuntimeException e) {
			log.warn("Operations snapshot failed; gauges keep the previous one", e);
		}
	}

	Snapshot take() {
		var drivers = readModel.driversOnShift();
		var due = readModel.unassignedPickupsBefore(clock.instant().plus(properties.alerts().activeAreaWindow()));
		return new Snapshot(clock.instant(), readModel.ordersByStatus(), drivers,
				AreaCoverage.of(readModel.areas(), drivers, due),
				readModel.incompletePublicationsOlderThan(properties.eventBacklog().maxAge()), readModel.databaseStats());
	}
}
