package com.returnit.operations.internal;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Tells operators that an alert started or stopped firing: always in the log (a warning), and by e-mail when an SMTP
 * server is configured ({@code spring.mail.host}) to {@code returnit.operations.alerts.email-to}, or to every
 * operator account when that is empty. A failed e-mail is logged, never retried: the alert stays on /ops.
 */
@Component
class AlertMail {

	private static final Logger log = LoggerFactory.getLogger(AlertMail.class);

	private final ObjectProvider<JavaMailSender> sender;
	private final ReadModel readModel;
	private final OperationsProperties properties;

	AlertMail(ObjectProvider<JavaMailSender> sender, ReadModel readModel, OperationsProperties properties) {
		this.sender = sender;
		this.readModel = readModel;
		this.properties = properties;
	}

	void firing(AlertRepository.Alert alert) {
		log.warn("Alert FIRING: {} ({}, {}): {}, value {}", alert.rule(), alert.severity(), alert.scope(),
				alert.summary(), alert.value());
		send("[ReturnIt " + alert.severity().toUpperCase(java.util.Locale.ROOT) + "] " + alert.rule() + " firing ("
				+ alert.scope() + ")", alert, "is FIRING");
	}

	void resolved(AlertRepository.Alert alert) {
		log.warn("Alert resolved: {} ({}, {})", alert.rule(), alert.severity(), alert.scope());
		send("[ReturnIt resolved] " + alert.rule() + " (" + alert.scope() + ")", alert, "is RESOLVED");
	}

	private void send(String subject, AlertRepository.Alert alert, String what) {
		JavaMailSender mail = sender.getIfAvailable();
		if (mail == null) {
			return;
		}
		List<String> to = properties.alerts().emailTo().isEmpty() ? readModel.operatorEmails()
				: properties.alerts().emailTo();
		if (to.isEmpty()) {
			return;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(properties.alerts().emailFrom());
		message.setTo(to.toArray(String[]::new));
		message.setSubject(subject);
		message.setText("Alert " + alert.rule() + " " + what + ".\n\n" + "Severity: " + alert.severity() + "\nScope:    "
				+ alert.scope() + "\nSummary:  " + alert.summary() + "\nValue:    " + alert.value() + "\nSince:    "
				+ alert.since() + "\n\nSee /ops for the current state, and docs/operations.md for the runbook.\n");
		try {
			mail.send(message);
		}
		catch (MailException e) {
			log.warn("Could not e-mail alert {} to operators", alert.rule(), e);
		}
	}
}
