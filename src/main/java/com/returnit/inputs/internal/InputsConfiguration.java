package com.returnit.inputs.internal;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The guard runs just inside the body size limit (order +10) and before everything else, security included. */
@Configuration(proxyBeanMethods = false)
class InputsConfiguration {

	@Bean
	FilterRegistrationBean<InputGuardFilter> inputGuardFilter() {
		var registration = new FilterRegistrationBean<>(new InputGuardFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
		return registration;
	}
}
