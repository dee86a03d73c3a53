package com.returnit.returnlinks.internal;

import com.returnit.identity.Caller;
import com.returnit.platform.InvalidInput;
import com.returnit.returnlinks.internal.domain.ReturnSession;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Merchants' return links: prefill a return for a customer and send them the link. */
@RestController
@Tag(name = "Return links")
class ReturnSessionController {

	private final MerchantSessions sessions;

	ReturnSessionController(MerchantSessions sessions) {
		this.sessions = sessions;
	}

	@PostMapping("/v1/return-sessions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Prefill a return for a customer (merchants): answers its link, url and token, shown only now")
	SessionBodies.CreatedView create(@AuthenticationPrincipal Caller caller,
			@Valid @RequestBody SessionBodies.ReturnSessionBody body) {
		return sessions.create(caller, body);
	}

	@GetMapping("/v1/return-sessions/{id}")
	@Operation(summary = "One of the merchant's return sessions: open, used (with orderId), expired or revoked")
	SessionBodies.SessionView get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return sessions.get(caller, id);
	}

	@GetMapping("/v1/return-sessions")
	@Operation(summary = "The merchant's return sessions, newest first, with cursor pagination")
	SessionBodies.SessionPage list(@AuthenticationPrincipal Caller caller,
			@Parameter(description = "open, used, expired or revoked")
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
			@Parameter(description = "the id of the last session of the previous page")
			@RequestParam(required = false) @Nullable UUID startingAfter) {
		return sessions.page(caller, parseStatus(status), startingAfter, limit);
	}

	@PostMapping("/v1/return-sessions/{id}/revoke")
	@Operation(summary = "Revoke a return link (it answers 410 from now on); 409 once an order was booked from it")
	SessionBodies.SessionView revoke(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return sessions.revoke(caller, id);
	}

	private static ReturnSession.@Nullable Status parseStatus(@Nullable String status) {
		if (status == null) {
			return null;
		}
		return ReturnSession.Status.of(status.trim().toLowerCase(Locale.ROOT))
			.orElseThrow(() -> InvalidInput.badRequest("status", "must be one of open, used, expired, revoked"));
	}
}
