package com.returnit.tracking.internal;

import com.returnit.identity.Caller;
import com.returnit.platform.FieldError;
import com.returnit.platform.InvalidInput;
import com.returnit.tracking.internal.domain.Ping;
import com.returnit.tracking.internal.domain.PingRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Location pings from drivers' phones: answered 202 only once they are durable in PostgreSQL. Most pings are answered
 * before the filter chain by {@link LocationFastPath} (ADR 0031); this controller answers the rest (invalid pings,
 * requests with an Idempotency-Key or an Origin) and documents the endpoint.
 */
@RestController
@Tag(name = "Driver shifts and locations")
class LocationController {

	record Accepted(int accepted, int flagged) {
	}

	private final PingWriter writer;
	private final PingRules rules;
	private final Clock clock;

	LocationController(PingWriter writer, TrackingProperties properties, Clock clock) {
		this.writer = writer;
		this.rules = new PingRules(properties.retention());
		this.clock = clock;
	}

	@PostMapping("/v1/drivers/me/locations")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Send 1 to 100 location pings (drivers); 202 once stored, jumps stored but flagged")
	Accepted ping(@AuthenticationPrincipal Caller caller, @Valid @RequestBody PingsBody body) {
		UUID driverId = ShiftController.driver(caller);
		List<Ping> pings = body.completePings(); // complete: validated above
		List<FieldError> violations = rules.violations(pings, clock.instant());
		if (!violations.isEmpty()) {
			throw new InvalidInput(400, violations);
		}
		try {
			PingWriter.Written written = writer.write(driverId, pings);
			return new Accepted(written.accepted(), written.flagged());
		}
		catch (PingWriter.NotStored e) {
			ErrorResponseException unavailable = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE,
					ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, PingWriter.NotStored.DETAIL), e);
			unavailable.getHeaders().set("Retry-After", "1");
			throw unavailable;
		}
	}
}
