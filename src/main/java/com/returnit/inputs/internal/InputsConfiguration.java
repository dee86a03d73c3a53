package com.returnit.inputs.internal;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The guard of headers, query strings and media types runs just inside the body size limit (order +10), before
 * everything else, security included; the JSON body guard runs after Spring Security's chain (order -100) and before
 * idempotency (order 0), which caches the body again.
 */
@Configuration(proxyBeanMethods = false)
class InputsConfiguration {

	@Bean
	FilterRegistrationBean<InputGuardFilter> inputGuardFilter() {
		var registration = new FilterRegistrationBean<>(new InputGuardFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
		return registration;
	}

	@Bean
	FilterRegistrationBean<JsonBodyGuardFilter> jsonBodyGuardFilter() {
		var registration = new FilterRegistrationBean<>(new JsonBodyGuardFilter());
		registration.setOrder(-50);
		return registration;
	}
}
