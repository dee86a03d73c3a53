package com.returnit.notifications.internal;

import com.returnit.identity.Customers;
import com.returnit.notifications.internal.domain.Template;
import com.returnit.platform.Ids;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Renders a message for every channel the customer has not opted out of (SMS only with a phone number) and puts it
 * in the outbox, in the caller's transaction; a redelivered event finds its messages already there.
 */
@Component
class MessageRecorder {

	private static final Logger log = LoggerFactory.getLogger(MessageRecorder.class);

	private final JdbcClient jdbc;
	private final Customers customers;
	private final Preferences preferences;
	private final Templates templates;
	private final Clock clock;

	MessageRecorder(JdbcClient jdbc, Customers customers, Preferences preferences, Templates templates, Clock clock) {
		this.jdbc = jdbc;
		this.customers = customers;
		this.preferences = preferences;
		this.templates = templates;
		this.clock = clock;
	}

	/** A message to a customer about an order. */
	record Notice(String template, UUID customerId, UUID orderId, String sourceKey, Map<String, String> values) {
	}

	@Transactional
	void toCustomer(Notice notice) {
		Customers.Contact contact = customers.contact(notice.customerId()).orElse(null);
		if (contact == null) {
			log.warn("No customer {} to notify of {}", notice.customerId(), notice.sourceKey());
			return;
		}
		Map<String, String> values = new HashMap<>(notice.values());
		values.put("name", contact.name());
		Preferences.Choice choice = preferences.of(contact.id());
		if (choice.allows(Channel.EMAIL)) {
			insert(notice, Channel.EMAIL, contact.email(), values);
		}
		if (choice.allows(Channel.SMS) && contact.phone() != null && !contact.phone().isBlank()) {
			insert(notice, Channel.SMS, contact.phone(), values);
		}
	}

	/**
	 * An email about the account itself (claiming it, verifying its address) to the address given: sent whatever the
	 * customer's preferences, which are about their orders.
	 */
	@Transactional
	void toAccount(String template, UUID accountId, String email, String sourceKey, Map<String, String> values) {
		Template.Rendered message = templates.get(template, Channel.EMAIL).render(values, true);
		insert(accountId, null, Channel.EMAIL, template, email, message, sourceKey);
	}

	/** An email to operators, or anyone else who is not a customer (no preferences). */
	@Transactional
	void toOperators(String template, String email, String sourceKey, Map<String, String> values) {
		Template.Rendered message = templates.get(template, Channel.EMAIL).render(values, true);
		insert(null, null, Channel.EMAIL, template, email, message, sourceKey);
	}

	private void insert(Notice notice, Channel channel, String recipient, Map<String, String> values) {
		Template.Rendered message = templates.get(notice.template(), channel).render(values, channel == Channel.EMAIL);
		insert(notice.customerId(), notice.orderId(), channel, notice.template(), recipient, message, notice.sourceKey());
	}

	private void insert(@Nullable UUID customerId, @Nullable UUID orderId, Channel channel, String template,
			String recipient, Template.Rendered message, String sourceKey) {
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO notification_messages (id, customer_id, order_id, channel, template, recipient, subject, body,
				  source_key, status, attempts, next_attempt_at, created_at)
				VALUES (:id, :customer, :order, :channel, :template, :recipient, :subject, :body, :key, 'pending', 0, :now, :now)
				ON CONFLICT (source_key, channel) DO NOTHING""")
			.param("id", Ids.newId(clock)).param("customer", customerId).param("order", orderId)
			.param("channel", channel.code()).param("template", template).param("recipient", recipient)
			.param("subject", message.subject()).param("body", message.body()).param("key", sourceKey)
			.param("now", Timestamp.from(now))
			.update();
	}
}
