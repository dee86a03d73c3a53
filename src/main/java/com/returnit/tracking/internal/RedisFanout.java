package com.returnit.tracking.internal;

import com.returnit.platform.Redis;
import java.util.List;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Redis pub/sub after the commit, so PostgreSQL carries no NOTIFY traffic; when Redis is unavailable the messages go
 * out through PostgreSQL NOTIFY instead (in a transaction of their own, the business one being committed), which
 * every node also listens to. A message is lost only if the node dies between the commit and the publish: live
 * clients then catch up from the stream log when they reconnect, and caches from the periodic refresh.
 */
class RedisFanout implements Fanout {

	private final Redis redis;
	private final Fanout postgres;
	private final TransactionTemplate ownTransaction;

	RedisFanout(Redis redis, Fanout postgres, TransactionTemplate ownTransaction) {
		this.redis = redis;
		this.postgres = postgres;
		this.ownTransaction = ownTransaction;
	}

	@Override
	public void publish(String channel, List<String> messages) {
		if (messages.isEmpty()) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			send(channel, messages);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				send(channel, messages);
			}
		});
	}

	private void send(String channel, List<String> messages) {
		Long published = redis.call(commands -> {
			messages.forEach(message -> commands.publish(channel, message));
			return (long) messages.size();
		});
		if (published == null) {
			ownTransaction.executeWithoutResult(status -> postgres.publish(channel, messages));
		}
	}
}
