package com.returnit.identity.internal;

import com.returnit.identity.Caller;
import com.returnit.identity.Role;
import com.returnit.platform.Forbidden;
import com.returnit.platform.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Setting up two-factor authentication: required for operators and merchants' members, optional for customers and
 * drivers.
 */
@RestController
@RequestMapping("/v1/auth/mfa/totp")
@Tag(name = "Authentication")
class MfaController {

	record ConfirmRequest(@NotBlank @Size(max = 16) String code) {
	}

	private final SecondFactor secondFactor;
	private final TokenService tokens;

	MfaController(SecondFactor secondFactor, TokenService tokens) {
		this.secondFactor = secondFactor;
		this.tokens = tokens;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Start TOTP enrolment: a secret (otpauth URI and QR code PNG) and ten single-use recovery codes")
	SecondFactor.Enrolment start(@AuthenticationPrincipal Caller caller) {
		return secondFactor.start(person(caller));
	}

	@PostMapping("/confirm")
	@Operation(summary = "Confirm enrolment with a first code; answers fresh tokens with full access")
	TokenService.Tokens confirm(@AuthenticationPrincipal Caller caller, @Valid @RequestBody ConfirmRequest body) {
		if (!secondFactor.confirm(person(caller), body.code().trim())) {
			throw InvalidInput.unprocessable("code", "is not the current code of this secret, or was used already");
		}
		return tokens.afterEnrolment(person(caller));
	}

	private static UUID person(Caller caller) {
		if (caller.role() == Role.MERCHANT) {
			UUID member = caller.memberId();
			if (member == null) {
				throw new Forbidden("Merchants authenticate with API keys; two-factor authentication is for people's accounts.");
			}
			return member;
		}
		return caller.id();
	}
}
