package com.returnit.tracking.internal;

import com.returnit.identity.Caller;
import com.returnit.platform.FieldError;
import com.returnit.platform.InvalidInput;
import com.returnit.tracking.internal.domain.Ping;
import com.returnit.tracking.internal.domain.PingRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Location pings from drivers' phones: answered 202 only once they are durable in PostgreSQL. */
@RestController
@Tag(name = "Driver shifts and locations")
class LocationController {

	record PingBody(@NotNull Double lat, @NotNull Double lng, @NotNull Instant recordedAt, @Nullable Double accuracyM,
			@Nullable Double speedMps, @Nullable Double headingDeg) {

		Ping toPing() {
			return new Ping(lat, lng, recordedAt, accuracyM, speedMps, headingDeg);
		}
	}

	record PingsBody(@NotNull List<@NotNull @Valid PingBody> pings) {
	}

	record Accepted(int accepted, int flagged) {
	}

	private final PingWriter writer;
	private final PingRules rules;
	private final TrackingProperties properties;
	private final Clock clock;

	LocationController(PingWriter writer, TrackingProperties properties, Clock clock) {
		this.writer = writer;
		this.rules = new PingRules(properties.retention());
		this.properties = properties;
		this.clock = clock;
	}

	@PostMapping("/v1/drivers/me/locations")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Send 1 to 100 location pings (drivers); 202 once stored, jumps stored but flagged")
	Accepted ping(@AuthenticationPrincipal Caller caller, @Valid @RequestBody PingsBody body) {
		UUID driverId = ShiftController.driver(caller);
		List<Ping> pings = body.pings().stream().map(PingBody::toPing).toList();
		List<FieldError> violations = rules.violations(pings, clock.instant());
		if (!violations.isEmpty()) {
			throw new InvalidInput(400, violations);
		}
		PingWriter.Written written = await(writer.submit(driverId, pings));
		return new Accepted(written.accepted(), written.flagged());
	}

	private PingWriter.Written await(CompletableFuture<PingWriter.Written> written) {
		try {
			return written.get(properties.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException e) {
			throw unavailable(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw unavailable(e);
		}
	}

	/** The pings may or may not be stored: the client sends them again; a ping already stored is not stored twice. */
	private static ErrorResponseException unavailable(Exception cause) {
		ErrorResponseException unavailable = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE,
				ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
						"The pings could not be stored in time; send them again shortly."), cause);
		unavailable.getHeaders().set("Retry-After", "1");
		return unavailable;
	}
}
