package com.returnit.platform.internal.ratelimit;

import javax.sql.DataSource;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rate limit filter runs after Spring Security's chain (order -100) and before idempotency (order 0). */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	/** PostgreSQL holds the buckets even with Redis configured: a Redis store is not built yet (ADR 0015). */
	@Bean
	PostgresBucketStore postgresBucketStore(DataSource dataSource) {
		return new PostgresBucketStore(dataSource);
	}

	@Bean
	FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties properties, BucketStore store) {
		var registration = new FilterRegistrationBean<>(new RateLimitFilter(properties, store));
		registration.setOrder(-50);
		return registration;
	}
}
