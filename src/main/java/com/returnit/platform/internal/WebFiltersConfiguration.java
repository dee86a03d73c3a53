package com.returnit.platform.internal;

import com.returnit.platform.LargerBodies;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Order matters: the size limit runs first of all, then the database-outage answer wraps everything else; idempotency runs after Spring Security's chain (order -100),
 * so the key is scoped to an authenticated caller.
 */
@Configuration(proxyBeanMethods = false)
class WebFiltersConfiguration {

	@Bean
	FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
			@Value("${returnit.http.max-body-size:1MB}") DataSize limit, ObjectProvider<LargerBodies> larger) {
		var registration = new FilterRegistrationBean<>(
				new BodySizeLimitFilter(limit.toBytes(), larger.orderedStream().toList()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter() {
		var registration = new FilterRegistrationBean<>(new DatabaseUnavailableFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	@Bean
	FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store, TransactionTemplate tx) {
		var registration = new FilterRegistrationBean<>(new IdempotencyFilter(store, tx));
		registration.setOrder(0);
		return registration;
	}
}
