package com.returnit.payments.internal.provider;

/**
 * The provider gave no definite answer: down, timed out, overloaded, or its circuit is open. The call may or may not
 * have happened; it is retried with the same idempotency key, which makes that safe.
 */
public class ProviderUnavailable extends RuntimeException {

	public ProviderUnavailable(String message) {
		super(message);
	}

	public ProviderUnavailable(String message, Throwable cause) {
		super(message, cause);
	}
}
