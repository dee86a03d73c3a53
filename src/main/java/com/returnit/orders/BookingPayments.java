package com.returnit.orders;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a booking asks of payments before the order is stored (implemented by the payments module, which depends on
 * orders, never the reverse). Called outside the booking's transaction, because it may call a payment provider.
 */
public interface BookingPayments {

	/** The order about to be stored and what it costs; {@code paymentMethod} as the booking body carried it. */
	record Charge(UUID orderId, UUID merchantId, UUID customerId, long amountCents, String currency,
			@Nullable String paymentMethod) {
	}

	/** {@code not_required} (the merchant pays), {@code authorized}, or {@code payment_pending} (provider down). */
	record Outcome(String status) {
	}

	/**
	 * Authorizes the charge when the customer pays.
	 * @throws PaymentDeclined when the provider refuses the payment method (the booking is then not stored)
	 * @throws com.returnit.platform.InvalidInput when {@code paymentMethod} is missing or not expected
	 */
	Outcome authorize(Charge charge);

	/** An authorization whose order was not stored after all (the booking failed later) is released. */
	void abandon(UUID orderId);
}
