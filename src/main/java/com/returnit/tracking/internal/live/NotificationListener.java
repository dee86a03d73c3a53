package com.returnit.tracking.internal.live;

import com.returnit.platform.SharedCaches;
import com.returnit.tracking.internal.Fanout;
import com.returnit.tracking.internal.PositionMessages;
import com.returnit.tracking.internal.PositionsCommitted;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens on PostgreSQL's fan-out channels with one dedicated connection: each committed stream event goes to this
 * node's subscribers, each batch of committed positions becomes a local {@link PositionsCommitted} event. That is how
 * a change made on one node reaches clients on all of them. Cache invalidations ride on the same connection (ADR 0021).
 * Reconnects with a backoff when the database goes away.
 */
@Component
class NotificationListener implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);

	private final DataSource dataSource;
	private final SubscriptionHub hub;
	private final StreamLog streamLog;
	private final ApplicationEventPublisher events;
	private final SharedCaches caches;
	private volatile boolean running;
	private Thread thread;

	NotificationListener(DataSource dataSource, SubscriptionHub hub, StreamLog streamLog,
			ApplicationEventPublisher events, SharedCaches caches) {
		this.dataSource = dataSource;
		this.caches = caches;
		this.hub = hub;
		this.streamLog = streamLog;
		this.events = events;
	}

	@Override
	public void start() {
		running = true;
		thread = Thread.ofPlatform().name("stream-listener").daemon().start(this::listenForever);
	}

	@Override
	public void stop() {
		running = false;
		if (thread != null) {
			thread.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void listenForever() {
		Duration backoff = Duration.ofMillis(200);
		while (running) {
			try (Connection connection = dataSource.getConnection()) {
				listen(connection);
				backoff = Duration.ofMillis(200);
			}
			catch (SQLException | RuntimeException e) {
				if (!running) {
					return;
				}
				log.warn("Stream listener lost the database ({}); retrying in {} ms", e.getMessage(), backoff.toMillis());
				sleep(backoff);
				backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5)
						: backoff.multipliedBy(2);
			}
		}
	}

	private void listen(Connection connection) throws SQLException {
		connection.setAutoCommit(true);
		try (Statement statement = connection.createStatement()) {
			statement.execute("LISTEN " + Fanout.STREAM);
			statement.execute("LISTEN " + Fanout.POSITIONS);
			statement.execute("LISTEN " + SharedCaches.CHANNEL);
		}
		// invalidations sent while this node was not listening are lost: drop what they may have invalidated
		caches.missedMessages();
		PGConnection pg = connection.unwrap(PGConnection.class);
		while (running) {
			PGNotification[] notifications = pg.getNotifications(500);
			if (notifications == null) {
				continue;
			}
			for (PGNotification notification : notifications) {
				deliver(notification.getName(), notification.getParameter());
			}
		}
	}

	void deliver(String channel, String payload) {
		try {
			if (SharedCaches.CHANNEL.equals(channel)) {
				caches.received(payload);
			}
			else if (Fanout.POSITIONS.equals(channel)) {
				events.publishEvent(new PositionsCommitted(PositionMessages.decode(payload)));
			}
			else {
				hub.deliver(streamLog.parse(payload));
			}
		}
		catch (RuntimeException e) {
			log.warn("Unreadable stream notification skipped: {}", e.getMessage());
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
