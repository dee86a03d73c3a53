package com.returnit.tracking.internal.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.returnit.identity.Caller;
import com.returnit.identity.Role;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.databind.json.JsonMapper;

class SubscriberTests {

	private static final UUID ORDER = UUID.randomUUID();
	private static final Instant FIX = Instant.parse("2026-05-04T08:00:00Z");
	private static final long SECOND = 1_000_000_000L;

	private final Subscriber subscriber = new Subscriber(mock(WebSocketSession.class),
			new Caller(Role.CUSTOMER, UUID.randomUUID()), JsonMapper.builder().build());

	@Test
	void aSubscriptionGetsAtMostOnePositionASecond() {
		assertThat(subscriber.positionIsDue(ORDER, FIX, 0)).isTrue();
		assertThat(subscriber.positionIsDue(ORDER, FIX.plusMillis(300), SECOND / 4)).isFalse();
		assertThat(subscriber.positionIsDue(ORDER, FIX.plusMillis(600), SECOND - 1)).isFalse();
		assertThat(subscriber.positionIsDue(ORDER, FIX.plusMillis(900), SECOND)).isTrue();
	}

	@Test
	void anOldOrRepeatedFixIsNeverSentAgain() {
		assertThat(subscriber.positionIsDue(ORDER, FIX, 0)).isTrue();
		assertThat(subscriber.positionIsDue(ORDER, FIX, 5 * SECOND)).isFalse();
		assertThat(subscriber.positionIsDue(ORDER, FIX.minusSeconds(1), 6 * SECOND)).isFalse();
	}

	@Test
	void aHeldBackFixMayGoOneSecondAfterTheLastOneSentAndAnOlderOneNever() {
		assertThat(subscriber.positionIsDue(ORDER, FIX, 7 * SECOND)).isTrue();

		assertThat(subscriber.positionAllowedAt(ORDER, FIX.plusMillis(400))).hasValue(8 * SECOND);
		assertThat(subscriber.positionAllowedAt(ORDER, FIX)).isEmpty();
	}

	@Test
	void eachFollowedOrderHasItsOwnAllowance() {
		assertThat(subscriber.positionIsDue(ORDER, FIX, 0)).isTrue();
		assertThat(subscriber.positionIsDue(UUID.randomUUID(), FIX, 1)).isTrue();
	}
}
