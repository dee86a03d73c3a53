package com.returnit.dispatch.internal;

import com.returnit.orders.OrderCancelled;
import com.returnit.orders.OrderScheduled;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Orders enter dispatch when booked, in the booking's transaction (ADR 53): one dispatch job row, whose offers the
 * dispatch loop makes later, outside that transaction. They leave it when cancelled through the event publication
 * registry, after the cancellation commits: leaving locks the job and its open offers, which the loop and an
 * operator's assignment lock in another order, so doing it inside the order's transaction could deadlock.
 */
@Component
class DispatchEvents {

	private final OfferDesk desk;

	DispatchEvents(OfferDesk desk) {
		this.desk = desk;
	}

	@EventListener
	void on(OrderScheduled scheduled) {
		desk.schedule(scheduled);
	}

	@ApplicationModuleListener
	void on(OrderCancelled cancelled) {
		desk.cancel(cancelled);
	}
}
