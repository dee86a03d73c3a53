package com.returnit.tracking.internal.live;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The clients connected to this node; events reach the ones that follow their order. */
@Component
class SubscriptionHub {

	private final Map<String, Subscriber> subscribers = new ConcurrentHashMap<>();

	void add(Subscriber subscriber) {
		subscribers.put(subscriber.id(), subscriber);
	}

	void remove(String sessionId) {
		subscribers.remove(sessionId);
	}

	java.util.Optional<Subscriber> get(String sessionId) {
		return java.util.Optional.ofNullable(subscribers.get(sessionId));
	}

	Collection<Subscriber> all() {
		return subscribers.values();
	}

	void deliver(StreamEvent event) {
		for (Subscriber subscriber : subscribers.values()) {
			if (subscriber.follows(event.orderId())) {
				subscriber.send(event);
			}
		}
	}

	int size() {
		return subscribers.size();
	}
}
