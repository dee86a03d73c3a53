package com.returnit.tracking.internal;

import com.returnit.platform.Redis;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

	private static final Logger log = LoggerFactory.getLogger(RedisFanout.class);

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
			/**
			 * On the thread that committed, often a request's, which must answer for its committed change whatever
			 * happens here: the fallback's own transaction runs on a virtual thread of its own (not a second pooled
			 * connection held by this thread), and a failure is logged, never thrown (ADR 0053).
			 */
			@Override
			public void afterCommit() {
				try {
					Long published = publishToRedis(channel, messages);
					if (published == null) {
						Thread.ofVirtual().name("fanout-fallback").start(() -> fallBack(channel, messages));
					}
				}
				catch (RuntimeException e) {
					log.warn("Live messages on {} not published after commit; clients catch up from the log", channel, e);
				}
			}
		});
	}

	private void send(String channel, List<String> messages) {
		if (publishToRedis(channel, messages) == null) {
			ownTransaction.executeWithoutResult(status -> postgres.publish(channel, messages));
		}
	}

	private @Nullable Long publishToRedis(String channel, List<String> messages) {
		return redis.call(commands -> {
			messages.forEach(message -> commands.publish(channel, message));
			return (long) messages.size();
		});
	}

	private void fallBack(String channel, List<String> messages) {
		try {
			ownTransaction.executeWithoutResult(status -> postgres.publish(channel, messages));
		}
		catch (RuntimeException e) {
			log.warn("Live messages on {} not published (Redis and PostgreSQL both failed); clients catch up from the log",
					channel, e);
		}
	}
}
