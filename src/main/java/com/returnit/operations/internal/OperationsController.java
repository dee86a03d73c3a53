package com.returnit.operations.internal;

import com.returnit.identity.Caller;
import com.returnit.platform.Forbidden;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operations page and the one call behind it. */
@RestController
class OperationsController {

	record Overview(Instant at, Map<String, Long> ordersByStatus, List<DriverDot> drivers, List<AreaView> areas,
			List<MinuteView> minutes, List<AlertRepository.Alert> alerts, Backlogs backlogs) {
	}

	record DriverDot(UUID id, double lat, double lng, long ageSeconds) {
	}

	record AreaView(UUID id, String name, List<double[]> polygon, int driversOnShift, int pickupsDue) {
	}

	record MinuteView(Instant minute, long requests, long errors, double p95Ms) {
	}

	/** Null where the module that owns the number is not deployed: the page shows "n/a". */
	record Backlogs(long events, @Nullable Double webhooks, @Nullable Double webhookFailures,
			@Nullable Double paymentFailures, @Nullable Double ledgerImbalance) {
	}

	private final OperationsTick tick;
	private final MinuteRepository minutes;
	private final AlertRepository alerts;
	private final MeterRegistry meters;
	private final Clock clock;

	OperationsController(OperationsTick tick, MinuteRepository minutes, AlertRepository alerts, MeterRegistry meters,
			Clock clock) {
		this.tick = tick;
		this.minutes = minutes;
		this.alerts = alerts;
		this.meters = meters;
		this.clock = clock;
	}

	@GetMapping("/v1/ops/overview")
	@Transactional(readOnly = true)
	@Operation(summary = "Operators: orders by status, drivers on shift, areas, the last hour of requests, alerts, backlogs")
	Overview overview(@AuthenticationPrincipal Caller caller) {
		if (!caller.isOperator()) {
			throw new Forbidden("Only operators see the operations overview.");
		}
		Instant now = clock.instant();
		Snapshot snapshot = tick.take();
		List<DriverDot> drivers = snapshot.drivers().stream().filter(d -> d.lat() != null)
			.map(d -> new DriverDot(d.id(), d.lat(), d.lng(), Duration.between(d.at(), now).toSeconds())).toList();
		List<AreaView> areas = snapshot.areas().stream()
			.map(a -> new AreaView(a.id(), a.name(), a.polygon(), a.driversOnShift(), a.pickupsDue())).toList();
		Readings readings = new Readings(meters, List.of(), snapshot, "", now, Readings.newHistory());
		return new Overview(now, snapshot.ordersByStatus(), drivers, areas, lastHour(now), alerts.active(),
				new Backlogs(snapshot.eventBacklog(), value(readings.gauge("returnit.webhooks.backlog")),
						value(readings.counter("returnit.webhooks.failures")),
						value(readings.counter("returnit.payments.failures")),
						value(readings.gauge("returnit.ledger.imbalance"))));
	}

	/** Sixty minutes, oldest first, a minute without requests as zeros. */
	private List<MinuteView> lastHour(Instant now) {
		Instant first = now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(59));
		Map<Instant, MinuteRepository.Minute> known = minutes.since(first).stream()
			.collect(Collectors.toMap(MinuteRepository.Minute::minute, Function.identity()));
		List<MinuteView> hour = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			Instant minute = first.plus(Duration.ofMinutes(i));
			MinuteRepository.Minute m = known.get(minute);
			hour.add(m == null ? new MinuteView(minute, 0, 0, 0)
					: new MinuteView(minute, m.requests(), m.errors(), Math.round(m.latency().quantileMs(0.95))));
		}
		return hour;
	}

	private static @Nullable Double value(OptionalDouble value) {
		return value.isPresent() ? value.getAsDouble() : null;
	}
}
