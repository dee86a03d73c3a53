package com.returnit.tracking.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** PostgreSQL fan-out unless Redis is configured. */
@Configuration(proxyBeanMethods = false)
class FanoutConfiguration {

	@Bean
	Fanout fanout(JdbcClient jdbc) {
		return new PostgresFanout(jdbc);
	}
}
