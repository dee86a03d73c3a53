package com.returnit.dispatch.internal;

import com.returnit.orders.OrderCancelled;
import com.returnit.orders.OrderScheduled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Orders enter dispatch when booked and leave it when cancelled, in the transaction that books or cancels them (ADR
 * 53): entering is one dispatch job row, leaving withdraws its open offers and closes the job, all in this database.
 * The offers themselves are made later by the dispatch loop, outside that transaction.
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

	@EventListener
	void on(OrderCancelled cancelled) {
		desk.cancel(cancelled);
	}
}
