package com.returnit.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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

	/** A refresh token in the body; without one, the web app's cookie (with the {@code ReturnIt-Refresh} header). */
	record RefreshRequest(@Nullable @Size(max = 128) String refreshToken) {
	}

	private final TokenService tokens;
	private final TokenAnswers answers;

	AuthController(TokenService tokens, TokenAnswers answers) {
		this.tokens = tokens;
		this.answers = answers;
	}

	@PostMapping("/token")
	@ApiResponse(responseCode = "200", description = "Logged in",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = TokenService.Tokens.class)))
	@Operation(summary = "Log in with email and password (and 'code' where two-factor authentication is set up); "
			+ "an operator without it gets a token that may only enrol. With 'ReturnIt-Refresh: cookie' the refresh "
			+ "token goes into an HttpOnly cookie instead of the body (the web app)", security = {})
	ResponseEntity<?> token(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
		return switch (tokens.login(request.email().trim(), request.password(), request.code(), http.getRemoteAddr())) {
			case TokenService.Login.Issued issued -> answer(issued.tokens(), http);
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
	@ApiResponse(responseCode = "200", description = "New tokens",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = TokenService.Tokens.class)))
	@Operation(summary = "Rotate a refresh token (from the body, or the web app's cookie with 'ReturnIt-Refresh: "
			+ "cookie'); a reused one revokes its whole family", security = {})
	ResponseEntity<?> refresh(@Valid @RequestBody(required = false) @Nullable RefreshRequest request,
			HttpServletRequest http) {
		var renewed = presented(request, http).flatMap(tokens::refresh);
		if (renewed.isPresent()) {
			return answer(renewed.get(), http);
		}
		if (!RefreshCookie.requested(http)) {
			throw new BadCredentialsException("The refresh token is missing, invalid, expired or already used.");
		}
		// the web app's cookie is spent: clear it (and its hint) so the app stops trying
		ResponseEntity<ProblemDetail> refused = unauthorized("Your session has ended: log in again.", false);
		return ResponseEntity.status(refused.getStatusCode()).headers(refused.getHeaders())
			.header(HttpHeaders.SET_COOKIE, answers.cleared()).body(refused.getBody());
	}

	@PostMapping("/logout")
	@Operation(summary = "Log out: the refresh token (body, or the web app's cookie) and every token rotated from it "
			+ "stop working; the cookie is cleared", security = {})
	ResponseEntity<Void> logout(@Valid @RequestBody(required = false) @Nullable RefreshRequest request,
			HttpServletRequest http) {
		presented(request, http).ifPresent(tokens::logout);
		var answer = ResponseEntity.noContent();
		if (RefreshCookie.requested(http)) {
			answer.header(HttpHeaders.SET_COOKIE, answers.cleared());
		}
		return answer.build();
	}

	/** The body's token; else, for the web app (its header present), the cookie's. */
	private static java.util.Optional<String> presented(@Nullable RefreshRequest request, HttpServletRequest http) {
		if (request != null && request.refreshToken() != null && !request.refreshToken().isBlank()) {
			return java.util.Optional.of(request.refreshToken().trim());
		}
		return RefreshCookie.requested(http) ? RefreshCookie.read(http) : java.util.Optional.empty();
	}

	private ResponseEntity<TokenService.Tokens> answer(TokenService.Tokens issued, HttpServletRequest http) {
		return answers.answer(issued, http);
	}
}
