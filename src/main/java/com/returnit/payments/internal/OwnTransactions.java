package com.returnit.payments.internal;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payment records commit on their own, before and after each provider call, whatever transaction the caller is in:
 * a provider call is never inside a transaction that could roll its record back.
 */
@Component
class OwnTransactions {

	private final TransactionTemplate template;

	OwnTransactions(PlatformTransactionManager transactions) {
		this.template = new TransactionTemplate(transactions);
		this.template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	<T> T run(Supplier<T> work) {
		return template.execute(status -> work.get());
	}

	void run(Runnable work) {
		template.executeWithoutResult(status -> work.run());
	}
}
