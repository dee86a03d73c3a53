package com.returnit.payments.internal.domain;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A customer payment for one order: requires_payment_method -> authorized -> captured -> partially_refunded /
 * refunded, authorized -> voided, with payment_pending while the provider cannot answer and failed when it declines.
 * Every transition is checked here and nowhere else.
 */
public final class Payment {

	/** What does not change: whose payment, for which order, how much at most. */
	public record Terms(UUID id, UUID orderId, UUID merchantId, UUID customerId, String provider, String paymentMethod,
			long amountCents, String currency) {
	}

	private final Terms terms;
	private PaymentStatus status;
	private @Nullable String providerRef;
	private long capturedCents;
	private long refundedCents;
	private @Nullable String failure;
	private final Instant createdAt;
	private Instant updatedAt;
	private final int version;

	private Payment(Terms terms, PaymentStatus status, @Nullable String providerRef, long capturedCents,
			long refundedCents, @Nullable String failure, Instant createdAt, Instant updatedAt, int version) {
		this.terms = terms;
		this.status = status;
		this.providerRef = providerRef;
		this.capturedCents = capturedCents;
		this.refundedCents = refundedCents;
		this.failure = failure;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	public static Payment start(Terms terms, Instant now) {
		return new Payment(terms, PaymentStatus.REQUIRES_PAYMENT_METHOD, null, 0, 0, null, now, now, 0);
	}

	public static Payment restore(Terms terms, PaymentStatus status, @Nullable String providerRef, long captured,
			long refunded, @Nullable String failure, Instant createdAt, Instant updatedAt, int version) {
		return new Payment(terms, status, providerRef, captured, refunded, failure, createdAt, updatedAt, version);
	}

	/** The provider could not be asked (outage, open circuit): the authorization waits in the retry queue. */
	public void authorizationPending(Instant now) {
		require(status == PaymentStatus.REQUIRES_PAYMENT_METHOD || status == PaymentStatus.PAYMENT_PENDING,
				"left pending");
		touch(PaymentStatus.PAYMENT_PENDING, now);
	}

	public void authorized(String reference, Instant now) {
		require(status == PaymentStatus.REQUIRES_PAYMENT_METHOD || status == PaymentStatus.PAYMENT_PENDING,
				"authorized");
		providerRef = reference;
		touch(PaymentStatus.AUTHORIZED, now);
	}

	/** The provider refused: the card was declined, funds were short, the authorization expired. */
	public void failed(String reason, Instant now) {
		require(!status.finished() && !status.captured(), "failed");
		failure = reason;
		touch(PaymentStatus.FAILED, now);
	}

	/** Takes {@code amount} of the authorization; the rest of the hold is released by the provider. */
	public void captured(long amount, Instant now) {
		require(status == PaymentStatus.AUTHORIZED, "captured");
		if (amount <= 0 || amount > terms.amountCents()) {
			throw new IllegalArgumentException("capture of " + amount + " outside 1.." + terms.amountCents());
		}
		capturedCents = amount;
		touch(PaymentStatus.CAPTURED, now);
	}

	public void voided(Instant now) {
		require(status == PaymentStatus.AUTHORIZED, "voided");
		touch(PaymentStatus.VOIDED, now);
	}

	public void refunded(long amount, Instant now) {
		Refunds.Refusal refusal = Refunds.refusal(this, amount, 0);
		if (refusal != null) {
			throw new IllegalArgumentException(refusal.message());
		}
		refundedCents += amount;
		touch(refundedCents == capturedCents ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED, now);
	}

	private void require(boolean allowed, String action) {
		if (!allowed) {
			throw new IllegalPaymentTransition(status, action);
		}
	}

	private void touch(PaymentStatus next, Instant now) {
		status = next;
		updatedAt = now;
	}

	public Terms terms() {
		return terms;
	}

	public UUID id() {
		return terms.id();
	}

	public PaymentStatus status() {
		return status;
	}

	public @Nullable String providerRef() {
		return providerRef;
	}

	public long capturedCents() {
		return capturedCents;
	}

	public long refundedCents() {
		return refundedCents;
	}

	public long refundableCents() {
		return capturedCents - refundedCents;
	}

	public @Nullable String failure() {
		return failure;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public int version() {
		return version;
	}
}
