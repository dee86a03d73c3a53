package com.returnit.platform.internal.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How module event listeners run (ADR 0025).
 *
 * @param listenerConcurrency listeners running at once on this node: a bounded share of the connection pool
 * @param listenerQueue listener runs waiting for a slot; beyond it a run starts on a thread of its own
 * @param shedAt queued listener runs at which API writes are refused with 503 until the queue drains (0: never)
 * @param shutdownWait how long a stopping node keeps running queued listeners before leaving them to the registry
 * @param retryEvery how often failed publications are looked for and resubmitted, on any node
 * @param retryBackoff first wait before a failed publication is retried; doubles per attempt up to maxBackoff
 * @param maxBackoff the longest wait between two retries of one publication
 * @param maxAttempts attempts after which a publication stays failed (and counts in readiness's event backlog)
 * @param keepCompleted how long completed publications are kept before they are deleted
 */
@ConfigurationProperties("returnit.events")
record EventsProperties(int listenerConcurrency, int listenerQueue, int shedAt, Duration shutdownWait,
		Duration retryEvery, Duration retryBackoff, Duration maxBackoff, int maxAttempts, Duration keepCompleted) {
}
