package com.returnit.webhooks.internal;

import com.returnit.identity.Caller;
import com.returnit.platform.InvalidInput;
import com.returnit.webhooks.internal.EndpointBodies.CreateBody;
import com.returnit.webhooks.internal.EndpointBodies.DeliveryPage;
import com.returnit.webhooks.internal.EndpointBodies.EndpointList;
import com.returnit.webhooks.internal.EndpointBodies.EndpointView;
import com.returnit.webhooks.internal.EndpointBodies.RecoverBody;
import com.returnit.webhooks.internal.EndpointBodies.Recovered;
import com.returnit.webhooks.internal.EndpointBodies.SecretView;
import com.returnit.webhooks.internal.EndpointBodies.TestSent;
import com.returnit.webhooks.internal.EndpointBodies.UpdateBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/webhook-endpoints")
@Tag(name = "Webhooks")
class EndpointController {

	private static final Set<String> STATUSES = Set.of("pending", "succeeded", "failed");

	private final EndpointService endpoints;
	private final DeliveryLog log;

	EndpointController(EndpointService endpoints, DeliveryLog log) {
		this.endpoints = endpoints;
		this.log = log;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register an endpoint for some event types or \"*\"; answers its signing secret (whsec_...)")
	EndpointView create(@AuthenticationPrincipal Caller caller, @Valid @RequestBody CreateBody body) {
		Endpoint endpoint = endpoints.create(caller, body);
		return EndpointView.of(endpoint, endpoint.secret());
	}

	@GetMapping
	@Operation(summary = "The merchant's endpoints")
	EndpointList list(@AuthenticationPrincipal Caller caller) {
		return new EndpointList(endpoints.list(caller).stream().map(e -> EndpointView.of(e, null)).toList());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One endpoint")
	EndpointView get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return EndpointView.of(endpoints.get(caller, id), null);
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change the URL, event types or description; {\"enabled\": false} pauses it (deliveries are "
			+ "held, not dropped), {\"enabled\": true} resumes it or re-enables a disabled one")
	EndpointView update(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@Valid @RequestBody UpdateBody body) {
		return EndpointView.of(endpoints.update(caller, id, body), null);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete the endpoint and its delivery log")
	void delete(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		endpoints.delete(caller, id);
	}

	@PostMapping("/{id}/rotate-secret")
	@Operation(summary = "A new signing secret; the old one keeps signing alongside it for 24 h")
	EndpointView rotateSecret(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		Endpoint endpoint = endpoints.rotateSecret(caller, id);
		return EndpointView.of(endpoint, endpoint.secret());
	}

	@GetMapping("/{id}/secret")
	@Operation(summary = "Reveal the signing secret, and the rotated-out one while it still signs (audited)")
	SecretView secret(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return endpoints.secret(caller, id);
	}

	@PostMapping("/{id}/test")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Send a signed webhook.test event to this endpoint only; it shows in the delivery log")
	TestSent sendTest(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return endpoints.sendTest(caller, id);
	}

	@GetMapping("/{id}/deliveries")
	@Operation(summary = "Delivery log, newest first: the body sent, every attempt's status code, latency, error, "
			+ "response body (first 4 KiB) and next retry")
	DeliveryPage deliveries(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable UUID startingAfter,
			@RequestParam(defaultValue = "20") int limit) {
		if (limit < 1 || limit > 100) {
			throw InvalidInput.badRequest("limit", "must be between 1 and 100");
		}
		if (status != null && !STATUSES.contains(status)) {
			throw InvalidInput.badRequest("status", "must be one of pending, succeeded, failed");
		}
		Endpoint endpoint = endpoints.get(caller, id);
		List<DeliveryLog.Entry> page = log.page(endpoint.id(), status, startingAfter, limit + 1);
		return new DeliveryPage(page.subList(0, Math.min(limit, page.size())), page.size() > limit);
	}

	@PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Send one delivery again now")
	void redeliver(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @PathVariable UUID deliveryId) {
		endpoints.redeliver(caller, id, deliveryId);
	}

	@PostMapping("/{id}/recover")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Send again every delivery that failed since a time")
	Recovered recover(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@Valid @RequestBody RecoverBody body) {
		return new Recovered(endpoints.recover(caller, id, body.since()));
	}
}
