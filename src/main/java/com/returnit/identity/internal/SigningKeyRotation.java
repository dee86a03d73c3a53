package com.returnit.identity.internal;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Rotates the signing key when it is older than {@code returnit.security.signing-keys.rotate-after}. */
@Component
class SigningKeyRotation {

	private final SigningKeys keys;
	private final Duration rotateAfter;

	SigningKeyRotation(SigningKeys keys, @Value("${returnit.security.signing-keys.rotate-after:30d}") Duration rotateAfter) {
		this.keys = keys;
		this.rotateAfter = rotateAfter;
	}

	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
	void rotateWhenDue() {
		keys.rotateIfOlderThan(rotateAfter);
	}
}
