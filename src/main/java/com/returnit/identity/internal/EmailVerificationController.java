package com.returnit.identity.internal;

import com.returnit.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Verifying a customer's email: a link is emailed at sign-up and on request, and following it verifies. */
@RestController
@Tag(name = "Accounts")
class EmailVerificationController {

	record SendAnswer(String status) {
	}

	record VerifiedAnswer(boolean emailVerified) {
	}

	private final EmailVerifications verifications;

	EmailVerificationController(EmailVerifications verifications) {
		this.verifications = verifications;
	}

	@PostMapping("/v1/customers/me/email-verification")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Email me a verification link (status sent, or recently_sent within a minute of the last one); "
			+ "409 when verified already")
	SendAnswer send(@AuthenticationPrincipal Caller caller) {
		return new SendAnswer(verifications.send(caller.id()).name().toLowerCase(Locale.ROOT));
	}

	@PostMapping("/v1/email-verifications/{token}")
	@Operation(summary = "Verify an email with the emailed link's token (single use, 24 h; 410 when used or expired)",
			security = {})
	VerifiedAnswer verify(@PathVariable String token) {
		verifications.verify(token);
		return new VerifiedAnswer(true);
	}
}
