package com.returnit.platform.internal.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link ListenerBacklogFilter} after the rate limits (-50) and before idempotency (0), which is the first
 * to take a pooled connection. It reads the listener queue through the gauge {@link ListenerExecution} registers,
 * the number operators watch.
 */
@Configuration(proxyBeanMethods = false)
class ListenerBacklogConfiguration {

	@Bean
	FilterRegistrationBean<ListenerBacklogFilter> listenerBacklogFilter(EventsProperties properties,
			MeterRegistry meters) {
		Counter shed = Counter.builder("returnit.events.writes.shed")
			.description("API writes refused with 503 while the listener queue was long").register(meters);
		var registration = new FilterRegistrationBean<>(new ListenerBacklogFilter(queued(meters),
				properties.shedAt(), shed));
		registration.setOrder(-40);
		return registration;
	}

	/** The gauge, looked up once it exists (a search of the registry per request would cost more than the check). */
	private static IntSupplier queued(MeterRegistry meters) {
		AtomicReference<Gauge> found = new AtomicReference<>();
		return () -> {
			Gauge gauge = found.updateAndGet(known -> known != null ? known
					: meters.find("returnit.events.listeners.queued").gauge());
			return gauge == null ? 0 : (int) gauge.value();
		};
	}
}
