package com.returnit.platform.internal;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On SIGTERM, readiness turns to 503 at once (Spring Boot) but the web server keeps serving for
 * {@code returnit.shutdown.drain-delay} before its graceful shutdown starts: load balancers stop sending in that time,
 * and requests already sent, even those the server has accepted but not yet begun, are answered normally. Tomcat's
 * graceful shutdown alone waits only for requests already inside a servlet and closes the others' connections.
 */
@Component
class ShutdownDrain implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

	private final Duration delay;
	private volatile boolean running;

	ShutdownDrain(@Value("${returnit.shutdown.drain-delay:5s}") Duration delay) {
		this.delay = delay;
	}

	@Override
	public void start() {
		running = true;
	}

	@Override
	public void stop() {
		running = false;
		if (!delay.isZero()) {
			log.info("Shutting down: still serving for {} ms while load balancers see readiness 503", delay.toMillis());
			try {
				Thread.sleep(delay);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Stopped first of all, before the web server's graceful shutdown (phase {@code Integer.MAX_VALUE - 1024}). */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}
}
