package com.returnit.webhooks.internal;

import com.returnit.dispatch.OrderUnassigned;
import com.returnit.orders.OrderEvent;
import com.returnit.orders.OrderScheduled;
import com.returnit.payments.PaymentCaptured;
import com.returnit.payments.PaymentFailed;
import com.returnit.payments.RefundCreated;
import com.returnit.orders.Orders;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns other modules' events into webhook events and their outbox rows. An order's events are recorded in the
 * transaction that changes the order (ADR 0053): the webhook event commits with the change or not at all, and the
 * outbox's deliveries take it out of the process from there. The others' are recorded in the listener's own
 * transaction after the change committed: the event publication registry republishes an event whose listener did not
 * finish, so none is lost, and {@link EventRecorder} records a redelivered one once.
 */
@Component
class ModuleEventListeners {

	private final EventRecorder recorder;
	private final Orders orders;

	ModuleEventListeners(EventRecorder recorder, Orders orders) {
		this.recorder = recorder;
		this.orders = orders;
	}

	@EventListener
	@Transactional
	void on(OrderEvent event) {
		UUID returnSessionId = event instanceof OrderScheduled scheduled ? scheduled.returnSessionId()
				: orders.find(event.orderId()).map(Orders.Summary::returnSessionId).orElse(null);
		recorder.record(EventCatalogue.of(event, returnSessionId));
	}

	@ApplicationModuleListener
	void on(OrderUnassigned event) {
		orders.find(event.orderId()).ifPresent(order -> recorder.record(EventCatalogue.of(event, order.merchantId(),
				order.returnSessionId())));
	}

	@ApplicationModuleListener
	void on(PaymentCaptured event) {
		recorder.record(EventCatalogue.of(event));
	}

	@ApplicationModuleListener
	void on(PaymentFailed event) {
		recorder.record(EventCatalogue.of(event));
	}

	@ApplicationModuleListener
	void on(RefundCreated event) {
		recorder.record(EventCatalogue.of(event));
	}
}
