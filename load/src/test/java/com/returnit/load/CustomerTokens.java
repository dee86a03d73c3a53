package com.returnit.load;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The burst's customers' current bearer tokens, renewed through {@code POST /v1/auth/refresh} every {@code every}
 * (access tokens live 15 minutes; a burst of 100,000 bookings runs longer). A customer is addressed by its index.
 */
final class CustomerTokens implements AutoCloseable {

	private final Seed seed;

	private final AtomicReferenceArray<Seed.Person> customers;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "burst-tokens");
		thread.setDaemon(true);
		return thread;
	});

	CustomerTokens(Seed seed, List<Seed.Person> customers) {
		this.seed = seed;
		this.customers = new AtomicReferenceArray<>(customers.toArray(Seed.Person[]::new));
	}

	int size() {
		return customers.length();
	}

	String bearer(int customer) {
		return "Bearer " + customers.get(customer).token();
	}

	void renewEvery(Duration every) {
		timer.scheduleAtFixedRate(this::renewAll, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void renewAll() {
		int renewed = 0;
		for (int i = 0; i < customers.length(); i++) {
			try {
				customers.set(i, seed.refreshed(customers.get(i)));
				renewed++;
			}
			catch (RuntimeException e) {
				System.out.println("burst: could not renew a customer's token: " + e.getMessage());
			}
		}
		System.out.printf("burst: renewed %d of %d customers' access tokens%n", renewed, customers.length());
	}

	@Override
	public void close() {
		timer.shutdownNow();
	}
}
