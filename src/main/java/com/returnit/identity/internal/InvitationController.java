package com.returnit.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The invitation link emailed to a merchant's new member, before they have an account: what it invites to, and
 * accepting it (ADR 0044).
 */
@RestController
@Tag(name = "Merchant members")
class InvitationController {

	record PublicInvitation(String merchantName, String email, String role, Instant expiresAt) {
	}

	record AcceptBody(@NotBlank @Size(min = 12, max = 128) String password,
			@NotBlank @Size(max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name) {
	}

	private final MerchantStaff staff;
	private final TokenAnswers answers;

	InvitationController(MerchantStaff staff, TokenAnswers answers) {
		this.staff = staff;
		this.answers = answers;
	}

	@GetMapping("/v1/public/merchant-invitations/{token}")
	@Operation(summary = "What an invitation link invites to: the merchant, the email and the role (404 unknown, 410 "
			+ "used, withdrawn or expired)", security = {})
	PublicInvitation invitation(@PathVariable String token) {
		var invitation = staff.invitation(token);
		return new PublicInvitation(invitation.merchantName(), invitation.email(), invitation.role().code(),
				invitation.expiresAt());
	}

	@PostMapping("/v1/public/merchant-invitations/{token}/accept")
	@Operation(summary = "Accept an invitation to a merchant's staff with a password and name (single use, 72 h; 410 "
			+ "when used, withdrawn or expired): 201 with a token that may only enrol two-factor authentication, which "
			+ "members must use", security = {})
	ResponseEntity<TokenService.Tokens> accept(@PathVariable String token, @Valid @RequestBody AcceptBody body,
			HttpServletRequest http) {
		ResponseEntity<TokenService.Tokens> answer = answers.answer(staff.accept(token, body.password(), body.name()), http);
		return ResponseEntity.status(HttpStatus.CREATED).headers(answer.getHeaders()).body(answer.getBody());
	}
}
