package com.returnit.platform.internal.cache;

import com.returnit.platform.Redis;
import com.returnit.platform.SharedCaches;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The shared caches: Caffeine in every node, with Redis between the nodes and the database when configured. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CacheProperties.class)
class CacheConfiguration {

	@Bean
	SharedCaches sharedCaches(CacheProperties properties, ObjectProvider<Redis> redis, JsonMapper json,
			MeterRegistry meters, JdbcClient jdbc, PlatformTransactionManager transactions) {
		Redis configured = redis.getIfAvailable();
		RedisLayer shared = configured == null ? null : new RedisLayer(configured, json, properties.ttl(), meters);
		TransactionTemplate ownTransaction = new TransactionTemplate(transactions);
		ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return new CacheRegistry(properties, shared, meters,
				local -> new Invalidations(jdbc, shared, ownTransaction, local));
	}
}
