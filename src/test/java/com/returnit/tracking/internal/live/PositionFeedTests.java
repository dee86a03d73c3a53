package com.returnit.tracking.internal.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.returnit.identity.Caller;
import com.returnit.identity.Role;
import com.returnit.orders.Orders;
import com.returnit.tracking.DriverLocator;
import com.returnit.tracking.Position;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.databind.json.JsonMapper;

class PositionFeedTests {

	private static final UUID ORDER = UUID.randomUUID();
	private static final UUID DRIVER = UUID.randomUUID();
	private static final Instant NOW = Instant.parse("2026-05-04T08:00:00Z");
	private static final long SECOND = 1_000_000_000L;

	private final List<String> received = new CopyOnWriteArrayList<>();
	private final SubscriptionHub hub = new SubscriptionHub();
	private final Orders orders = mock(Orders.class);
	private final DriverLocator locator = mock(DriverLocator.class);
	private final JsonMapper json = JsonMapper.builder().build();
	private final PositionFeed feed = new PositionFeed(hub, orders, locator, json, Duration.ofMillis(250));

	@BeforeEach
	void aCustomerFollowsAnOrderWhoseDriverIsOnTheWay() throws Exception {
		WebSocketSession session = mock(WebSocketSession.class);
		when(session.getId()).thenReturn("s1");
		when(session.isOpen()).thenReturn(true);
		org.mockito.Mockito.doAnswer(call -> received.add(((TextMessage) call.getArgument(0)).getPayload()))
			.when(session).sendMessage(any());
		Subscriber subscriber = new Subscriber(session, new Caller(Role.CUSTOMER, UUID.randomUUID()), json);
		subscriber.follow(ORDER);
		hub.add(subscriber);
		when(orders.find(ORDER)).thenReturn(Optional.of(new Orders.Summary(ORDER, UUID.randomUUID(),
				UUID.randomUUID(), "en_route", DRIVER, "Torstrasse 1", 52.5, 13.4, NOW, NOW.plusSeconds(3600), List.of(),
				499, "EUR", 0, NOW)));
		when(locator.latest(DRIVER)).thenReturn(Optional.empty());
		feed.send();
	}

	@Test
	void aFixWithinTheSecondIsHeldAndSentTheMomentTheSecondIsUp() {
		long first = System.nanoTime();
		feed.push(List.of(fix(0)));
		feed.push(List.of(fix(400)));

		feed.release(first + SECOND / 2);
		assertThat(received).hasSize(1).first().asString().contains(NOW.toString());

		feed.release(System.nanoTime() + SECOND);
		assertThat(received).hasSize(2).last().asString().contains(NOW.plusMillis(400).toString());
	}

	@Test
	void ofTwoHeldFixesOnlyTheNewestIsSent() {
		feed.push(List.of(fix(0)));
		feed.push(List.of(fix(300)));
		feed.push(List.of(fix(600)));

		feed.release(System.nanoTime() + SECOND);
		feed.release(System.nanoTime() + 3 * SECOND);

		assertThat(received).hasSize(2).last().asString().contains(NOW.plusMillis(600).toString());
	}

	private static Position fix(long millis) {
		return new Position(DRIVER, 52.5, 13.4, NOW.plusMillis(millis));
	}
}
