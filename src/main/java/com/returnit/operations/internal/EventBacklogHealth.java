package com.returnit.operations.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code eventBacklog} in readiness: down when more event publications than allowed have been incomplete for longer
 * than allowed, i.e. listeners on this deployment fail or fall behind. The count is read fresh on each check.
 */
@Component("eventBacklog")
class EventBacklogHealth implements HealthIndicator {

	private final ReadModel readModel;
	private final OperationsProperties properties;

	EventBacklogHealth(ReadModel readModel, OperationsProperties properties) {
		this.readModel = readModel;
		this.properties = properties;
	}

	@Override
	public Health health() {
		var backlog = properties.eventBacklog();
		long stuck = readModel.incompletePublicationsOlderThan(backlog.maxAge());
		return (stuck > backlog.max() ? Health.down() : Health.up()).withDetail("stuck", stuck)
			.withDetail("max", backlog.max()).build();
	}
}
