package com.returnit.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts every connection pool of the application behind the {@link DatabaseCircuit} (ADR 0018). */
@Configuration(proxyBeanMethods = false)
class DatabaseCircuitConfiguration {

	@Bean
	static BeanPostProcessor databaseCircuit(
			@Value("${returnit.database.circuit-probe-every:250ms}") Duration probeEvery) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof HikariDataSource pool ? new DatabaseCircuit(pool, probeEvery) : bean;
			}
		};
	}
}
