package com.returnit.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Claiming an account that a merchant's booking or return link made without a password: ask by email, then set a
 * password through the emailed link (no login needed for either; guests may ask too).
 */
@RestController
@Tag(name = "Accounts")
class ClaimController {

	record ClaimRequest(@NotBlank @Email @Size(max = 254) String email) {
	}

	record ClaimAnswer(String status) {
	}

	record ClaimBody(@NotBlank @Size(min = 12, max = 128) String password,
			@Nullable @Size(max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name) {
	}

	private final AccountClaims claims;
	private final TokenAnswers answers;

	ClaimController(AccountClaims claims, TokenAnswers answers) {
		this.claims = claims;
		this.answers = answers;
	}

	@PostMapping("/v1/customers/claims")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Ask for a link to claim an account made for you without a password; always 202, an email "
			+ "goes out only when the address has such an account (at most one a minute)", security = {})
	ClaimAnswer request(@Valid @RequestBody ClaimRequest body) {
		claims.request(body.email());
		return new ClaimAnswer("sent_if_claimable");
	}

	@PostMapping("/v1/customers/claims/{token}")
	@Operation(summary = "Set a password with an emailed claim link (single use, 24 h; 410 when used or expired): "
			+ "answers tokens as a login does (the web app's refresh token in its cookie)", security = {})
	ResponseEntity<TokenService.Tokens> claim(@PathVariable String token, @Valid @RequestBody ClaimBody body,
			HttpServletRequest http) {
		return answers.answer(claims.claim(token, body.password(), body.name()), http);
	}
}
