package com.returnit.payments.internal.provider;

/** The provider's definite answer: done (with its reference and the fee it kept) or declined (with its code). */
public sealed interface ProviderResult {

	record Succeeded(String reference, long feeCents) implements ProviderResult {
	}

	record Declined(String code, String message) implements ProviderResult {
	}
}
