package com.returnit.dispatch.internal;

import com.returnit.orders.OrderCancelled;
import com.returnit.orders.OrderScheduled;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Orders enter dispatch when booked and leave it when cancelled; both through the event publication registry. */
@Component
class DispatchEvents {

	private final OfferDesk desk;

	DispatchEvents(OfferDesk desk) {
		this.desk = desk;
	}

	@ApplicationModuleListener
	void on(OrderScheduled scheduled) {
		desk.schedule(scheduled);
	}

	@ApplicationModuleListener
	void on(OrderCancelled cancelled) {
		desk.cancel(cancelled);
	}
}
