package com.returnit.tracking.internal.live;

import com.returnit.platform.Redis;
import com.returnit.platform.SharedCaches;
import com.returnit.tracking.internal.Fanout;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * With Redis configured, subscribes to the fan-out channels there (PostgreSQL's are still listened to, for messages
 * sent while Redis was unavailable). Lettuce re-subscribes by itself after a reconnect; if Redis is down when the
 * node starts, a background thread keeps trying.
 */
@Component
class RedisListener implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RedisListener.class);

	private final @Nullable Redis redis;
	private final NotificationListener receiver;
	private final SharedCaches caches;
	private volatile boolean running;
	private @Nullable StatefulRedisPubSubConnection<String, String> connection;
	private @Nullable Thread connecting;

	RedisListener(ObjectProvider<Redis> redis, NotificationListener receiver, SharedCaches caches) {
		this.redis = redis.getIfAvailable();
		this.receiver = receiver;
		this.caches = caches;
	}

	@Override
	public void start() {
		running = true;
		if (redis != null) {
			connecting = Thread.ofPlatform().name("redis-listener").daemon().start(this::connectUntilDone);
		}
	}

	private void connectUntilDone() {
		while (running && connection == null) {
			try {
				StatefulRedisPubSubConnection<String, String> pubSub = redis.client().connectPubSub();
				pubSub.addListener(new RedisPubSubAdapter<>() {
					@Override
					public void message(String channel, String message) {
						receiver.deliver(channel, message);
					}

					@Override
					public void subscribed(String channel, long count) {
						// also after a reconnect: invalidations published meanwhile were not heard here
						if (SharedCaches.CHANNEL.equals(channel)) {
							caches.missedMessages();
						}
					}
				});
				pubSub.sync().subscribe(Fanout.STREAM, Fanout.POSITIONS, SharedCaches.CHANNEL);
				connection = pubSub;
			}
			catch (RuntimeException e) {
				log.warn("Cannot subscribe to Redis yet ({}); PostgreSQL carries the fan-out meanwhile", e.getMessage());
				try {
					Thread.sleep(Duration.ofSeconds(2));
				}
				catch (InterruptedException interrupted) {
					return;
				}
			}
		}
	}

	@Override
	public void stop() {
		running = false;
		if (connecting != null) {
			connecting.interrupt();
		}
		if (connection != null) {
			connection.close();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
