package com.returnit.operations.internal;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/** Wiring of the request log, the principal marker and the slow-query proxy. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OperationsProperties.class)
class OperationsConfiguration {

	/** Inside the HTTP observation (order +1), so the trace id is in the MDC of the access line. */
	@Bean
	FilterRegistrationBean<RequestLog> requestLog(RequestMinutes minutes, OperationsProperties properties) {
		var registration = new FilterRegistrationBean<>(new RequestLog(minutes, properties));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		return registration;
	}

	/** Right after Spring Security, which has authenticated the caller by then. */
	@Bean
	FilterRegistrationBean<PrincipalMarker> principalMarker() {
		var registration = new FilterRegistrationBean<>(new PrincipalMarker());
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
		return registration;
	}

	/** Static: a post-processor of the DataSource must not pull other beans in early (the threshold is read raw). */
	@Bean
	static SlowQueryLog slowQueryLog(Environment environment, ObjectProvider<MeterRegistry> meters) {
		java.time.Duration threshold = environment.getProperty("returnit.operations.slow-query", java.time.Duration.class,
				java.time.Duration.ofMillis(500));
		return new SlowQueryLog(threshold.toMillis(), meters);
	}
}
