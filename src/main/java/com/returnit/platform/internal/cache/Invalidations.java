package com.returnit.platform.internal.cache;

import com.returnit.platform.SharedCaches;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends an invalidation to every node once the change is committed, the same way as the live fan-out (ADR 0019):
 * PostgreSQL NOTIFY inside the caller's transaction by default (delivered at commit, never for a rollback); with
 * Redis, one script after the commit clears the shared value and publishes, falling back to NOTIFY in a transaction
 * of its own. This node drops its own entry right after the commit, not waiting for its own message. A message sent
 * because Redis failed is marked {@value #NOT_CLEARED_IN_REDIS}: Redis may still hold the old value (until its TTL),
 * so the nodes read that key from the database meanwhile.
 */
final class Invalidations {

	/** Marks an invalidation whose key could not be cleared in Redis. */
	static final String NOT_CLEARED_IN_REDIS = "!";

	private final JdbcClient jdbc;
	private final @Nullable RedisLayer redis;
	private final TransactionTemplate ownTransaction;
	private final Consumer<String> local;

	Invalidations(JdbcClient jdbc, @Nullable RedisLayer redis, TransactionTemplate ownTransaction,
			Consumer<String> local) {
		this.jdbc = jdbc;
		this.redis = redis;
		this.ownTransaction = ownTransaction;
		this.local = local;
	}

	void publish(String cache, String key) {
		String message = cache + "/" + key;
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			local.accept(message);
			send(cache, key, message);
			return;
		}
		if (redis == null) {
			notifyNodes(message);
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				local.accept(message);
				if (redis != null) {
					send(cache, key, message);
				}
			}
		});
	}

	private void send(String cache, String key, String message) {
		if (redis == null) {
			notifyNodes(message);
		}
		else if (!redis.invalidate(cache, key, SharedCaches.CHANNEL, message)) {
			String notInRedis = NOT_CLEARED_IN_REDIS + message;
			local.accept(notInRedis);
			ownTransaction.executeWithoutResult(status -> notifyNodes(notInRedis));
		}
	}

	private void notifyNodes(String message) {
		jdbc.sql("SELECT pg_notify(:channel, :message)").param("channel", SharedCaches.CHANNEL)
			.param("message", message).query(Object.class).single();
	}
}
