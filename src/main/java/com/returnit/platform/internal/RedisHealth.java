package com.returnit.platform.internal;

import com.returnit.platform.Redis;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Redis in readiness, when configured. Unreachable Redis is reported (detail {@code fallback: postgresql}) but keeps
 * the node UP: Redis is never the truth (ADR 19), and taking every node out of the balancer because the shared cache
 * is gone would turn a slower service into no service.
 */
@Component("redis")
@ConditionalOnBean(Redis.class)
class RedisHealth implements HealthIndicator {

	private final Redis redis;

	RedisHealth(Redis redis) {
		this.redis = redis;
	}

	@Override
	public Health health() {
		String pong = redis.call(commands -> commands.ping());
		return "PONG".equals(pong) ? Health.up().build()
				: Health.up().withDetail("reachable", false).withDetail("fallback", "postgresql").build();
	}
}
