package com.returnit.platform.internal.replica;

import com.returnit.platform.Redis;
import com.returnit.platform.internal.DatabaseCircuits;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * With {@code returnit.replica.url} set: the primary data source becomes Spring's
 * {@code LazyConnectionDataSourceProxy} whose read-only data source is {@link ReplicaRouting}, so read-only
 * transactions of GET requests read from the replica, and everything else (Flyway, which opens its own connections
 * to the primary's url, the event publication registry, locks, writes) stays on the primary. Unset: nothing here
 * exists.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ReplicaUrlCondition.class)
class ReplicaConfiguration {

	@Bean(destroyMethod = "close")
	ReadReplica readReplica(ReplicaProperties properties,
			@Value("${returnit.database.statement-timeout:5s}") String statementTimeout, Clock clock) {
		return new ReadReplica(properties, statementTimeout, clock);
	}

	/** Callers' write positions (ADR 0026): in Redis when configured, else (and while Redis fails) in the primary. */
	@Bean
	WritePositions replicaWritePositions(ReplicaProperties properties, DataSource dataSource,
			ObjectProvider<Redis> redis, Clock clock) {
		Redis shared = redis.getIfAvailable();
		return new WritePositions(shared == null ? null : new RedisPositions(shared, properties.readYourWrites()),
				new DatabasePositions(PrimaryAndReplica.primaryOf(dataSource), properties.readYourWrites(), clock),
				properties.readYourWrites(), clock);
	}

	@Bean
	ReadPolicy replicaReadPolicy(WritePositions positions) {
		return new ReadPolicy(positions);
	}

	/** After Spring Security's chain (order -100), so that the writer is known; outside the idempotency filter (0). */
	@Bean
	FilterRegistrationBean<WritePositionFilter> replicaWritePositionFilter(WritePositions positions) {
		var registration = new FilterRegistrationBean<>(new WritePositionFilter(positions));
		registration.setOrder(-50);
		return registration;
	}

	@Bean
	WebMvcConfigurer replicaReadYourWrites(ReadPolicy policy) {
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(policy);
			}
		};
	}

	/** Routes the primary pool's read-only transactions; runs whether or not the circuit wrapped the pool first. */
	@Bean
	static BeanPostProcessor replicaRouting(ObjectProvider<ReadReplica> replicas, ObjectProvider<ReadPolicy> policies,
			ObjectProvider<MeterRegistry> meters,
			@Value("${returnit.database.circuit-probe-every:250ms}") Duration probeEvery,
			@Value("${returnit.database.circuit-suspect-after:500ms}") Duration suspectAfter) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (!"dataSource".equals(beanName) || !(bean instanceof DataSource primary)
						|| bean instanceof LazyConnectionDataSourceProxy) {
					return bean;
				}
				DataSource target = bean instanceof HikariDataSource pool
						? DatabaseCircuits.around(pool, probeEvery, suspectAfter) : primary;
				return PrimaryAndReplica.of(target, replicas, policies, meters);
			}
		};
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor replicaFallbackAdvisor(ObjectProvider<ReadReplica> replicas) {
		DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(new ReplicaFallback.ReadOnlyMethods(),
				new ReplicaFallback(replicas));
		// outside the transaction interceptor: the retry is a new transaction
		advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return advisor;
	}

	/** Reported, never a reason to take the node out: without the replica the primary serves every read. */
	@Bean("replica")
	HealthIndicator replicaHealth(ReadReplica replica) {
		return () -> {
			ReplicaState.Reading reading = replica.reading();
			Health.Builder health = Health.up()
				.withDetail("replica", reading.status().name().toLowerCase(Locale.ROOT))
				.withDetail("reads", reading.status() == ReplicaState.Status.UP ? "replica" : "primary")
				.withDetail("checkedAt", reading.at().toString());
			if (reading.lagSeconds() != null) {
				health.withDetail("lagSeconds", reading.lagSeconds());
			}
			if (reading.problem() != null) {
				health.withDetail("problem", reading.problem());
			}
			return health.build();
		};
	}

	@Bean
	MeterBinder replicaMetrics(ReadReplica replica) {
		return registry -> {
			// NaN while the replica cannot be asked: no number is better than a wrong one
			Gauge.builder("returnit.replica.lag", replica, r -> {
				Double lag = r.reading().lagSeconds();
				return lag == null ? Double.NaN : lag;
			}).baseUnit("seconds").description("How far the read replica is behind the primary").register(registry);
			Gauge.builder("returnit.replica.serving", replica, r -> r.servesReads() ? 1 : 0)
				.description("1 while the replica serves reads, 0 while reads go to the primary")
				.register(registry);
		};
	}
}
