package com.returnit.platform.internal;

import com.returnit.platform.Redis;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Redis when {@code returnit.redis.url} (environment: {@code RETURNIT_REDIS_URL}) is set, e.g. redis://localhost:6379;
 * {@code returnit.redis.timeout} bounds every command (default 500 ms; connecting gets twice that).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("returnit.redis.url")
class RedisConfiguration {

	@Bean(destroyMethod = "close")
	Redis redis(@Value("${returnit.redis.url}") String url,
			@Value("${returnit.redis.timeout:500ms}") Duration timeout, Clock clock) {
		RedisURI uri = RedisURI.create(url);
		uri.setTimeout(timeout);
		// reconnect within a second or two of Redis coming back (Lettuce's default backoff grows to 30 s)
		ClientResources resources = ClientResources.builder()
			.reconnectDelay(Delay.equalJitter(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
			.build();
		RedisClient client = RedisClient.create(resources, uri);
		client.setOptions(ClientOptions.builder()
			.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.socketOptions(SocketOptions.builder().connectTimeout(timeout.multipliedBy(2)).build())
			.timeoutOptions(TimeoutOptions.enabled(timeout))
			.build());
		return new Redis(client, clock);
	}

	/**
	 * Redis in readiness ("redis"). Unreachable Redis is reported (detail {@code fallback: postgresql}) but keeps the
	 * node UP: Redis is never the truth (ADR 19), and taking every node out of the balancer because the shared cache
	 * is gone would turn a slower service into no service.
	 */
	@Bean
	HealthIndicator redisHealthIndicator(Redis redis) {
		return () -> "PONG".equals(redis.call(commands -> commands.ping())) ? Health.up().build()
				: Health.up().withDetail("reachable", false).withDetail("fallback", "postgresql").build();
	}
}
