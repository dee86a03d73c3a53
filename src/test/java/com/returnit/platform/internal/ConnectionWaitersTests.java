package com.returnit.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Opening the database circuit ends the waits of the requests waiting for a connection, and only theirs. */
class ConnectionWaitersTests {

	private final ConnectionWaiters waiters = new ConnectionWaiters();

	@Test
	void aRequestWaitingForAConnectionIsToldAtOnceAndCarriesNoInterruptAfterwards() throws Exception {
		CountDownLatch waiting = new CountDownLatch(1);
		CompletableFuture<String> outcome = new CompletableFuture<>();
		Thread request = Thread.ofVirtual().start(() -> {
			ConnectionWaiters.Waiter waiter = waiters.begin();
			waiting.countDown();
			try {
				Thread.sleep(Duration.ofSeconds(30)); // the pool's wait
				outcome.complete("waited it out");
			}
			catch (InterruptedException e) {
				boolean cancelled = waiter.finish();
				outcome.complete("told " + cancelled + ", still interrupted " + Thread.currentThread().isInterrupted());
			}
		});
		waiting.await();
		Thread.sleep(50);
		assertThat(waiters.longestWait()).isGreaterThanOrEqualTo(Duration.ofMillis(50));

		assertThat(waiters.cancelAll()).isEqualTo(1);

		assertThat(outcome.get(5, TimeUnit.SECONDS)).isEqualTo("told true, still interrupted false");
		request.join();
		assertThat(waiters.longestWait()).isZero();
	}

	@Test
	void aRequestThatAlreadyHasItsConnectionIsNeverInterrupted() {
		ConnectionWaiters.Waiter waiter = waiters.begin();
		assertThat(waiter.finish()).isFalse();

		assertThat(waiters.cancelAll()).isZero();

		assertThat(Thread.currentThread().isInterrupted()).isFalse();
	}

	@Test
	void aRequestToldJustAsItsConnectionArrivedKeepsNoInterrupt() {
		ConnectionWaiters.Waiter waiter = waiters.begin();
		waiters.cancelAll();

		assertThat(waiter.finish()).as("told").isTrue();
		assertThat(Thread.currentThread().isInterrupted()).isFalse();
	}
}
