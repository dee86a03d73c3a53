package com.returnit.platform.internal.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WalPositionTests {

	@Test
	void aPositionReadsAndWritesAsPostgreSQLShowsIt() {
		long position = WalPosition.parse("16/B374D848");
		assertThat(position).isEqualTo(0x16_B374_D848L);
		assertThat(WalPosition.format(position)).isEqualTo("16/B374D848");
		assertThat(WalPosition.format(WalPosition.parse("0/0"))).isEqualTo("0/0");
	}

	@Test
	void aReplicaCoversThePositionsItHasReplayedAndNoLaterOnes() {
		long replayed = WalPosition.parse("1/10");
		assertThat(WalPosition.covers(replayed, WalPosition.parse("1/10"))).isTrue();
		assertThat(WalPosition.covers(replayed, WalPosition.parse("0/FFFFFFFF"))).isTrue();
		assertThat(WalPosition.covers(replayed, WalPosition.parse("1/11"))).isFalse();
		assertThat(WalPosition.covers(replayed, WalPosition.NONE)).isTrue();
		assertThat(WalPosition.covers(WalPosition.EVERYTHING, WalPosition.parse("FFFFFFFF/FFFFFFFE"))).isTrue();
	}

	@Test
	void sortableTextOrdersAsThePositionsDo() {
		String low = WalPosition.sortable(WalPosition.parse("0/FFFFFFFF"));
		String high = WalPosition.sortable(WalPosition.parse("A/0"));
		assertThat(low).hasSize(16).isLessThan(high);
		assertThat(WalPosition.fromSortable(high)).isEqualTo(WalPosition.parse("A/0"));
		assertThat(WalPosition.later(WalPosition.parse("A/0"), WalPosition.parse("0/FFFFFFFF")))
			.isEqualTo(WalPosition.parse("A/0"));
	}

	@Test
	void anythingElseIsNotAPosition() {
		for (String text : new String[] { "", "soon", "16", "/1", "1/", "123456789/1", "1/G", "-1/1" }) {
			assertThatThrownBy(() -> WalPosition.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
		}
	}
}
