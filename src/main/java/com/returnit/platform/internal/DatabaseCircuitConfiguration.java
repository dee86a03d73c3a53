package com.returnit.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;

/**
 * Puts every connection pool of the application behind the {@link DatabaseCircuit} (ADR 0018, 0027). It must see
 * the pool itself, before any other post-processor wraps it (the slow-query log's datasource-proxy did, and so the
 * circuit was silently missing until ADR 0027): hence the highest precedence.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseCircuitConfiguration {

	@Bean
	static PoolsBehindTheCircuit databaseCircuit(
			@Value("${returnit.database.circuit-probe-every:250ms}") Duration probeEvery,
			@Value("${returnit.database.circuit-suspect-after:500ms}") Duration suspectAfter) {
		return new PoolsBehindTheCircuit(probeEvery, suspectAfter);
	}

	/** Declared as the bean's type: Spring reads PriorityOrdered from it before it creates the bean. */
	record PoolsBehindTheCircuit(Duration probeEvery, Duration suspectAfter)
			implements BeanPostProcessor, PriorityOrdered {

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			return bean instanceof HikariDataSource pool ? DatabaseCircuits.around(pool, probeEvery, suspectAfter) : bean;
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}
	}
}
