package com.returnit.payments.internal.provider;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A provider behind its own Resilience4j circuit breaker ({@code payments-<provider>}): when the provider keeps
 * failing, calls stop at once with {@link ProviderUnavailable} instead of waiting for timeouts. Only
 * {@link ProviderUnavailable} counts as a failure; a decline is a definite answer. Failures and declines are counted
 * in {@code returnit.payments.failures}.
 */
public class GuardedProvider implements PaymentProvider {

	private final PaymentProvider provider;
	private final CircuitBreaker breaker;
	private final MeterRegistry meters;

	public GuardedProvider(PaymentProvider provider, CircuitBreaker breaker, MeterRegistry meters) {
		this.provider = provider;
		this.breaker = breaker;
		this.meters = meters;
	}

	@Override
	public String name() {
		return provider.name();
	}

	@Override
	public boolean paysToConnectedAccounts() {
		return provider.paysToConnectedAccounts();
	}

	public CircuitBreaker.State circuit() {
		return breaker.getState();
	}

	@Override
	public ProviderResult execute(ProviderRequest request) {
		ProviderResult result = guarded(request, () -> provider.execute(request));
		if (result instanceof ProviderResult.Declined declined) {
			count(request, "declined", declined.code());
		}
		return result;
	}

	@Override
	public Optional<ProviderResult> lookup(ProviderRequest request) {
		return guarded(request, () -> provider.lookup(request));
	}

	private <T> T guarded(ProviderRequest request, Supplier<T> call) {
		try {
			return breaker.executeSupplier(call);
		}
		catch (CallNotPermittedException e) {
			count(request, "unavailable", "circuit_open");
			throw new ProviderUnavailable("the " + provider.name() + " circuit is open", e);
		}
		catch (ProviderUnavailable e) {
			count(request, "unavailable", "no_answer");
			throw e;
		}
		catch (RuntimeException e) {
			count(request, "unavailable", "error");
			throw new ProviderUnavailable(provider.name() + " failed: " + e.getMessage(), e);
		}
	}

	private void count(ProviderRequest request, String outcome, String reason) {
		Counter.builder("returnit.payments.failures")
			.description("Provider calls that did not succeed, by operation, outcome and reason")
			.tag("provider", provider.name()).tag("operation", request.operation().code())
			.tag("outcome", outcome).tag("reason", reason)
			.register(meters).increment();
	}
}
