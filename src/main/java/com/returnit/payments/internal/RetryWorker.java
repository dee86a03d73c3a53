package com.returnit.payments.internal;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Works through the queue of provider calls on every node: claims due calls with SKIP LOCKED, so nodes share the
 * work without a coordinator, and runs each. While the circuit is open the calls fail fast and wait again.
 */
@Component
class RetryWorker {

	private static final Logger log = LoggerFactory.getLogger(RetryWorker.class);

	private final OperationQueue operations;
	private final ProviderCalls calls;
	private final OwnTransactions transactions;
	private final PaymentsProperties properties;
	private final Clock clock;

	RetryWorker(OperationQueue operations, ProviderCalls calls, OwnTransactions transactions,
			PaymentsProperties properties, Clock clock) {
		this.operations = operations;
		this.calls = calls;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${returnit.payments.retry.interval:2s}",
			initialDelayString = "${returnit.payments.retry.interval:2s}")
	void work() {
		List<Operation> due;
		do {
			due = transactions.run(() -> operations.claimDue(clock.instant(), properties.retry().batch()));
			for (Operation operation : due) {
				try {
					calls.run(operation);
				}
				catch (RuntimeException e) {
					log.error("Payment operation {} failed unexpectedly; the reconciler will pick it up", operation.id(),
							e);
				}
			}
		}
		while (due.size() == properties.retry().batch());
	}
}
