package com.returnit.payments.internal;

import com.returnit.payments.internal.provider.GuardedProvider;
import com.returnit.payments.internal.provider.PaymentProvider;
import com.returnit.payments.internal.provider.SandboxProvider;
import com.returnit.payments.internal.provider.StripeProvider;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the configured provider behind its circuit breaker. */
@Configuration(proxyBeanMethods = false)
class PaymentsConfiguration {

	@Bean
	SandboxProvider sandboxProvider(JdbcClient jdbc, PlatformTransactionManager transactions,
			PaymentsProperties properties, Clock clock) {
		return new SandboxProvider(jdbc, new TransactionTemplate(transactions),
				new SandboxProvider.Fees(properties.sandbox().feeBasisPoints(), properties.sandbox().feeFixedCents()),
				properties.callTimeout(), clock);
	}

	@Bean
	GuardedProvider paymentProvider(PaymentsProperties properties, SandboxProvider sandbox,
			CircuitBreakerRegistry breakers, MeterRegistry meters) {
		PaymentProvider provider = switch (properties.provider()) {
			case "sandbox" -> sandbox;
			case "stripe" -> new StripeProvider(new StripeProvider.Settings(properties.stripe().apiKey(),
					properties.stripe().baseUrl(), properties.stripe().connectTimeout(), properties.callTimeout()));
			default -> throw new IllegalStateException(
					"returnit.payments.provider must be sandbox or stripe, not " + properties.provider());
		};
		return new GuardedProvider(provider, breakers.circuitBreaker("payments-" + provider.name()), meters);
	}
}
