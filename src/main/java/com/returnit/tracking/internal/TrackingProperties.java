package com.returnit.tracking.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tracking settings (ADR 0007).
 *
 * @param retention how long pings are kept; older ones are refused and their daily partitions dropped
 * @param flushWindow how long the writer gathers pings after the first one arrives before it writes them
 * @param maxBatch the most pings written in one transaction
 * @param writers how many lanes write pings side by side, each driver always in the same one (ADR 0033)
 * @param queueCapacity the most pings waiting for the writer; beyond it requests are refused with 503
 * @param ackTimeout how long a request waits for its pings to be durable before it answers 503
 * @param maxSpeedMps a ping implying a faster move from the previous fix is flagged as a jump
 * @param freshness how old a position may be for its driver to be offered as nearby
 * @param searchRadiusKm how far from a pickup nearby drivers are looked for
 * @param cellDegrees the side of a spatial index cell, in degrees
 * @param refreshInterval how often a node reads other nodes' positions and shift changes from PostgreSQL
 */
@ConfigurationProperties("returnit.tracking")
record TrackingProperties(Duration retention, Duration flushWindow, int maxBatch, int writers, int queueCapacity,
		Duration ackTimeout, double maxSpeedMps, Duration freshness, double searchRadiusKm, double cellDegrees,
		Duration refreshInterval) {

	TrackingProperties {
		retention = retention == null ? Duration.ofDays(30) : retention;
		flushWindow = flushWindow == null ? Duration.ofMillis(2) : flushWindow;
		maxBatch = maxBatch <= 0 ? 2_000 : maxBatch;
		writers = writers <= 0 ? 2 : writers;
		queueCapacity = queueCapacity <= 0 ? 50_000 : queueCapacity;
		ackTimeout = ackTimeout == null ? Duration.ofSeconds(5) : ackTimeout;
		maxSpeedMps = maxSpeedMps <= 0 ? 70 : maxSpeedMps;
		freshness = freshness == null ? Duration.ofMinutes(10) : freshness;
		searchRadiusKm = searchRadiusKm <= 0 ? 30 : searchRadiusKm;
		cellDegrees = cellDegrees <= 0 ? 0.01 : cellDegrees;
		refreshInterval = refreshInterval == null ? Duration.ofSeconds(1) : refreshInterval;
	}
}
