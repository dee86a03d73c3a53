package com.returnit.notifications.internal;

import com.returnit.identity.AccountClaimRequested;
import com.returnit.identity.EmailVerificationRequested;
import com.returnit.identity.MerchantMemberInvited;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Emails about an account rather than an order: the link to claim it, the link to verify its email, the invitation to
 * a merchant's staff.
 */
@Component
class AccountMessages {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

	private final MessageRecorder recorder;
	private final NotificationProperties properties;

	AccountMessages(MessageRecorder recorder, NotificationProperties properties) {
		this.recorder = recorder;
		this.properties = properties;
	}

	@ApplicationModuleListener
	void on(AccountClaimRequested e) {
		recorder.toAccount("claim_account", e.accountId(), e.email(), "account.claim:" + e.requestId(), Map.of(
				"name", e.name(), "link", e.link(), "expiresAt", until(e.expiresAt())));
	}

	@ApplicationModuleListener
	void on(EmailVerificationRequested e) {
		recorder.toAccount("verify_email", e.accountId(), e.email(), "account.verify_email:" + e.requestId(), Map.of(
				"name", e.name(), "link", e.link(), "expiresAt", until(e.expiresAt())));
	}

	/** An invitation to a merchant's staff: to someone without an account yet, so without preferences. */
	@ApplicationModuleListener
	void on(MerchantMemberInvited e) {
		recorder.toOperators("merchant_invitation", e.email(), "merchant.invitation:" + e.invitationId(), Map.of(
				"merchantName", e.merchantName(), "role", e.role().code(), "link", e.link(),
				"expiresAt", until(e.expiresAt())));
	}

	private String until(java.time.Instant instant) {
		return WHEN.format(instant.atZone(properties.zone())) + " (" + properties.zone().getId() + ")";
	}
}
