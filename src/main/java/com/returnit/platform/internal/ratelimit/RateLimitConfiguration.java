package com.returnit.platform.internal.ratelimit;

import com.returnit.platform.Redis;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rate limit filter runs after Spring Security's chain (order -100) and before idempotency (order 0). */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

	/** PostgreSQL holds the buckets, or takes over when Redis (if configured) fails (ADR 0021). */
	@Bean
	PostgresBucketStore postgresBucketStore(DataSource dataSource) {
		return new PostgresBucketStore(dataSource);
	}

	@Bean
	RequestLimiter requestLimiter(RateLimitProperties properties, PostgresBucketStore postgres,
			ObjectProvider<Redis> redis) {
		Redis shared = redis.getIfAvailable();
		BucketStore store = shared == null ? postgres
				: new FallbackBucketStore(shared, new RedisBucketStore(shared), postgres);
		return new RequestLimiter(properties, store);
	}

	@Bean
	FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RequestLimiter limiter) {
		var registration = new FilterRegistrationBean<>(new RateLimitFilter(limiter));
		registration.setOrder(-50);
		return registration;
	}
}
