package com.returnit.tracking.internal;

import java.util.List;

/**
 * Tells every node, this one included, of something committed: PostgreSQL NOTIFY within the caller's transaction by
 * default, Redis pub/sub after the commit when Redis is configured (ADR 0010). Either way a message is only ever
 * about a committed change, and subscribers also hear PostgreSQL, so a node can fall back to it at any time.
 */
public interface Fanout {

	/** Order status and other stream events, one JSON {@code StreamEvent} per message. */
	String STREAM = "returnit_stream";

	/** Drivers' new latest positions, encoded by {@link PositionMessages}. */
	String POSITIONS = "returnit_positions";

	/** Publishes the messages on the channel, within the caller's transaction: delivered if and when it commits. */
	void publish(String channel, List<String> messages);
}
