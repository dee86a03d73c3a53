package com.returnit.flags.internal;

import dev.openfeature.sdk.OpenFeatureAPI;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One isolated OpenFeature API per application context (not the JVM-wide singleton, so that two nodes in one test JVM
 * keep their own snapshots), with the PostgreSQL provider and the evaluation counter.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FlagsProperties.class)
class FlagsConfiguration {

	@Bean
	PostgresFlagProvider flagProvider(FlagRepository flags, FlagsProperties properties) {
		return new PostgresFlagProvider(flags, properties.refreshInterval());
	}

	@Bean(destroyMethod = "shutdown")
	OpenFeatureAPI openFeature(PostgresFlagProvider provider, MeterRegistry meters) {
		OpenFeatureAPI api = OpenFeatureAPI.createIsolated();
		api.addHooks(new EvaluationCounter(meters));
		api.setProviderAndWait(provider);
		return api;
	}
}
