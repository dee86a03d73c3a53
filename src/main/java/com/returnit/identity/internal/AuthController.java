package com.returnit.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/auth")
@Tag(name = "Authentication")
class AuthController {

	record TokenRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 128) String password,
			@Nullable @Size(max = 32) String code) {
	}

	record RefreshRequest(@NotBlank @Size(max = 128) String refreshToken) {
	}

	private final TokenService tokens;

	AuthController(TokenService tokens) {
		this.tokens = tokens;
	}

	@PostMapping("/token")
	@Operation(summary = "Log in with email and password (and 'code' where two-factor authentication is set up); "
			+ "an operator without it gets a token that may only enrol", security = {})
	ResponseEntity<?> token(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
		return switch (tokens.login(request.email().trim(), request.password(), request.code(), http.getRemoteAddr())) {
			case TokenService.Login.Issued issued -> ResponseEntity.ok(issued.tokens());
			case TokenService.Login.Refused refused -> unauthorized("Email, password or one-time code is wrong.", false);
			case TokenService.Login.CodeRequired required -> unauthorized(
					"This account uses two-factor authentication: send 'code' (from the authenticator app, or a recovery code).",
					true);
			case TokenService.Login.Locked locked -> {
				long seconds = Math.max(1, locked.retryAfter().toSeconds() + (locked.retryAfter().toMillisPart() > 0 ? 1 : 0));
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
						"Too many failed logins; try again in " + seconds + " s.");
				problem.setTitle(HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase());
				yield ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
					.body(problem);
			}
		};
	}

	private static ResponseEntity<ProblemDetail> unauthorized(String detail, boolean codeRequired) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
		problem.setTitle(HttpStatus.UNAUTHORIZED.getReasonPhrase());
		if (codeRequired) {
			problem.setProperty("codeRequired", true);
		}
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").body(problem);
	}

	@PostMapping("/refresh")
	@Operation(summary = "Rotate a refresh token; a reused one revokes its whole family", security = {})
	TokenService.Tokens refresh(@Valid @RequestBody RefreshRequest request) {
		return tokens.refresh(request.refreshToken())
			.orElseThrow(() -> new BadCredentialsException("The refresh token is invalid, expired or already used."));
	}
}
