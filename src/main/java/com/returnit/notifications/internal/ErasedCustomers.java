package com.returnit.notifications.internal;

import com.returnit.identity.CustomerErased;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The notifications' part of erasing a customer: their channel choices are deleted, and the messages sent to them
 * keep only that a message of this template went out on this channel (no address, no text); one still waiting is
 * not sent.
 */
@Component
class ErasedCustomers {

	private final JdbcClient jdbc;

	ErasedCustomers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(CustomerErased erased) {
		jdbc.sql("DELETE FROM notification_preferences WHERE customer_id = :c").param("c", erased.customerId()).update();
		jdbc.sql("""
				UPDATE notification_messages SET recipient = '(erased)', body = '(erased)',
				  subject = CASE WHEN subject IS NULL THEN NULL ELSE '(erased)' END,
				  status = CASE WHEN status = 'pending' THEN 'failed' ELSE status END,
				  last_error = CASE WHEN status = 'pending' THEN 'the customer was erased' ELSE last_error END,
				  next_attempt_at = NULL, lease_until = NULL
				WHERE customer_id = :c""")
			.param("c", erased.customerId()).update();
	}
}
