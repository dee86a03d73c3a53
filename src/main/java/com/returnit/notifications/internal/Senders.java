package com.returnit.notifications.internal;

import com.returnit.notifications.SmsProvider;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends one message on its channel: email over SMTP (logged when no mail server is configured), SMS by the provider. */
@Component
class Senders {

	private static final Logger log = LoggerFactory.getLogger(Senders.class);

	private final JavaMailSender mail;
	private final SmsProvider sms;
	private final NotificationProperties properties;

	Senders(ObjectProvider<JavaMailSender> mail, NotificationProperties properties) {
		this.mail = mail.getIfAvailable();
		this.properties = properties;
		this.sms = "twilio".equals(properties.sms().provider()) ? new TwilioSms(properties.sms().twilio())
				: new LogOnlySms();
	}

	void send(MessageRepository.Message message) throws Exception {
		switch (message.channel()) {
			case EMAIL -> email(message);
			case SMS -> sms.send(message.recipient(), message.body());
		}
	}

	private void email(MessageRepository.Message message) throws Exception {
		if (mail == null) {
			log.info("Email to {} (log only, no spring.mail.host): {}\n{}", message.recipient(), message.subject(),
					message.body());
			return;
		}
		MimeMessage mime = mail.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
		helper.setFrom(properties.email().from());
		helper.setTo(message.recipient());
		helper.setSubject(message.subject() == null ? "ReturnIt" : message.subject());
		helper.setText(message.body());
		mail.send(mime);
	}
}
