package com.returnit.tracking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.tracking.Position;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PositionMessagesTests {

	@Test
	void positionsSurviveTheTripThroughTheFanoutExactly() {
		List<Position> positions = List.of(new Position(UUID.randomUUID(), 52.520008, 13.404954, Instant.ofEpochMilli(1_700_000_000_123L)),
				new Position(UUID.randomUUID(), -33.8688, 151.2093, Instant.ofEpochMilli(1_700_000_001_000L)));

		List<String> messages = PositionMessages.encode(positions);

		assertThat(messages).hasSize(1);
		assertThat(PositionMessages.decode(messages.getFirst())).isEqualTo(positions);
	}

	@Test
	void aThousandDriversAreSplitIntoMessagesPostgresWillCarry() {
		List<Position> positions = IntStream.range(0, 1_000)
			.mapToObj(i -> new Position(UUID.randomUUID(), 52.123456789 + i * 1e-6, 13.987654321, Instant.now().truncatedTo(ChronoUnit.MICROS)))
			.toList();

		List<String> messages = PositionMessages.encode(positions);

		assertThat(messages).hasSizeGreaterThan(1)
			.allSatisfy(m -> assertThat(m.getBytes(StandardCharsets.UTF_8).length).isLessThan(8_000));
		assertThat(messages.stream().flatMap(m -> PositionMessages.decode(m).stream()).toList()).isEqualTo(positions);
	}

	@Test
	void nothingToSayIsNoMessage() {
		assertThat(PositionMessages.encode(List.of())).isEmpty();
	}
}
