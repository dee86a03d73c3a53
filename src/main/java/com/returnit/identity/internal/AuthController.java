package com.returnit.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/auth")
@Tag(name = "Authentication")
class AuthController {

	record TokenRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 128) String password) {
	}

	record RefreshRequest(@NotBlank @Size(max = 128) String refreshToken) {
	}

	private final TokenService tokens;

	AuthController(TokenService tokens) {
		this.tokens = tokens;
	}

	@PostMapping("/token")
	@ResponseStatus(HttpStatus.OK)
	@Operation(summary = "Log in with email and password", security = {})
	TokenService.Tokens token(@Valid @RequestBody TokenRequest request) {
		return tokens.login(request.email(), request.password())
			.orElseThrow(() -> new BadCredentialsException("Email or password is wrong."));
	}

	@PostMapping("/refresh")
	@Operation(summary = "Rotate a refresh token; a reused one revokes its whole family", security = {})
	TokenService.Tokens refresh(@Valid @RequestBody RefreshRequest request) {
		return tokens.refresh(request.refreshToken())
			.orElseThrow(() -> new BadCredentialsException("The refresh token is invalid, expired or already used."));
	}
}
