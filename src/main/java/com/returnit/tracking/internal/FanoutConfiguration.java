package com.returnit.tracking.internal;

import com.returnit.platform.Redis;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** PostgreSQL NOTIFY, or Redis pub/sub (falling back to NOTIFY) when Redis is configured. */
@Configuration(proxyBeanMethods = false)
class FanoutConfiguration {

	@Bean
	Fanout fanout(JdbcClient jdbc, ObjectProvider<Redis> redis, PlatformTransactionManager transactions) {
		Fanout postgres = new PostgresFanout(jdbc);
		Redis shared = redis.getIfAvailable();
		if (shared == null) {
			return postgres;
		}
		TransactionTemplate ownTransaction = new TransactionTemplate(transactions);
		ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return new RedisFanout(shared, postgres, ownTransaction);
	}
}
