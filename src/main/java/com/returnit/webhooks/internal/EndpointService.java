package com.returnit.webhooks.internal;

import com.returnit.identity.Caller;
import com.returnit.identity.Role;
import com.returnit.platform.AuditLog;
import com.returnit.platform.Conflict;
import com.returnit.platform.FieldError;
import com.returnit.platform.Forbidden;
import com.returnit.platform.Ids;
import com.returnit.platform.InvalidInput;
import com.returnit.platform.NotFound;
import com.returnit.webhooks.internal.EndpointBodies.CreateBody;
import com.returnit.webhooks.internal.EndpointBodies.SecretView;
import com.returnit.webhooks.internal.EndpointBodies.TestSent;
import com.returnit.webhooks.internal.EndpointBodies.UpdateBody;
import com.returnit.webhooks.internal.domain.EndpointUrl;
import com.returnit.webhooks.internal.domain.Secrets;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A merchant's endpoints: each checked against the caller, so that another merchant's endpoint is a 404. */
@Service
class EndpointService {

	/** The type of the event a merchant sends itself to try an endpoint; no endpoint subscribes to it. */
	static final String TEST_EVENT = "webhook.test";

	private final EndpointRepository endpoints;
	private final DeliveryRepository deliveries;
	private final EventRecorder recorder;
	private final WebhookProperties properties;
	private final AuditLog audit;
	private final Clock clock;

	EndpointService(EndpointRepository endpoints, DeliveryRepository deliveries, EventRecorder recorder,
			WebhookProperties properties, AuditLog audit, Clock clock) {
		this.endpoints = endpoints;
		this.deliveries = deliveries;
		this.recorder = recorder;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	Endpoint create(Caller caller, CreateBody body) {
		requireMerchant(caller);
		String url = checkedUrl(body.url());
		List<String> events = checkedEvents(body.events());
		Instant now = clock.instant();
		Endpoint endpoint = new Endpoint(Ids.newId(clock), caller.id(), url, events, body.description(),
				Secrets.newSecret(), null, null, Endpoint.Status.ENABLED, null, null, now, now);
		endpoints.insert(endpoint);
		audit.record("webhook_endpoint.created", "webhook_endpoint", endpoint.id(), Map.of("url", url));
		return endpoint;
	}

	@Transactional(readOnly = true)
	List<Endpoint> list(Caller caller) {
		requireMerchant(caller);
		return endpoints.ofMerchant(caller.id());
	}

	@Transactional(readOnly = true)
	Endpoint get(Caller caller, UUID id) {
		requireMerchant(caller);
		return endpoints.find(id).filter(e -> e.merchantId().equals(caller.id()))
			.orElseThrow(() -> new NotFound("Webhook endpoint"));
	}

	@Transactional
	Endpoint update(Caller caller, UUID id, UpdateBody body) {
		Endpoint e = get(caller, id);
		String url = body.url() == null ? e.url() : checkedUrl(body.url());
		List<String> events = body.events() == null ? e.events() : checkedEvents(body.events());
		Endpoint.Status status = body.enabled() == null ? e.status()
				: body.enabled() ? Endpoint.Status.ENABLED : Endpoint.Status.PAUSED;
		boolean reenabled = status == Endpoint.Status.ENABLED && !e.enabled();
		Endpoint updated = new Endpoint(e.id(), e.merchantId(), url, events,
				body.description() == null ? e.description() : body.description(), e.secret(), e.previousSecret(),
				e.previousSecretExpiresAt(), status, status == Endpoint.Status.DISABLED ? e.disabledReason() : null,
				reenabled ? null : e.failingSince(), e.createdAt(), clock.instant());
		endpoints.update(updated);
		audit.record(status == e.status() ? "webhook_endpoint.changed" : "webhook_endpoint." + status.code(),
				"webhook_endpoint", e.id(), Map.of("url", url, "status", status.code()));
		return updated;
	}

	@Transactional
	void delete(Caller caller, UUID id) {
		endpoints.delete(get(caller, id).id());
		audit.record("webhook_endpoint.deleted", "webhook_endpoint", id, Map.of());
	}

	/** The signing secrets as they sign now; reading them is audited, as is every other handling of secrets. */
	@Transactional
	SecretView secret(Caller caller, UUID id) {
		Endpoint e = get(caller, id);
		String previous = e.livePreviousSecret(clock.instant());
		audit.record("webhook_endpoint.secret_revealed", "webhook_endpoint", id, Map.of());
		return new SecretView(e.secret(), previous, previous == null ? null : e.previousSecretExpiresAt());
	}

	/**
	 * Queues a {@code webhook.test} event for this endpoint alone, signed and delivered (and retried) like every
	 * other event; a paused endpoint gets it when it resumes.
	 */
	@Transactional
	TestSent sendTest(Caller caller, UUID id) {
		Endpoint e = get(caller, id);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("endpointId", e.id());
		data.put("message", "A test event sent from ReturnIt to check this endpoint.");
		UUID deliveryId = recorder.recordFor(e, new EventCatalogue.Entry(TEST_EVENT, e.merchantId(), null,
				clock.instant(), data, TEST_EVENT + ":" + Ids.newId(clock)));
		audit.record("webhook_endpoint.test_sent", "webhook_endpoint", id, Map.of("deliveryId", deliveryId.toString()));
		return new TestSent(deliveryId, TEST_EVENT);
	}

	/** A new secret; the old one keeps signing next to it for {@code secret-overlap} (24 h). */
	@Transactional
	Endpoint rotateSecret(Caller caller, UUID id) {
		Endpoint e = get(caller, id);
		Instant now = clock.instant();
		Endpoint rotated = new Endpoint(e.id(), e.merchantId(), e.url(), e.events(), e.description(),
				Secrets.newSecret(), e.secret(), now.plus(properties.secretOverlap()), e.status(), e.disabledReason(),
				e.failingSince(), e.createdAt(), now);
		endpoints.update(rotated);
		audit.record("webhook_endpoint.secret_rotated", "webhook_endpoint", id, Map.of());
		return rotated;
	}

	@Transactional
	void redeliver(Caller caller, UUID endpointId, UUID deliveryId) {
		Endpoint endpoint = get(caller, endpointId);
		if (!deliveries.redeliver(endpoint.id(), deliveryId, clock.instant())) {
			if (deliveries.exists(endpoint.id(), deliveryId)) {
				throw new Conflict("This delivery is still pending; it will be attempted again.");
			}
			throw new NotFound("Delivery");
		}
	}

	@Transactional
	int recover(Caller caller, UUID endpointId, Instant since) {
		Endpoint endpoint = get(caller, endpointId);
		if (since.isAfter(clock.instant())) {
			throw InvalidInput.badRequest("since", "must not be in the future");
		}
		return deliveries.recover(endpoint.id(), since, clock.instant());
	}

	private String checkedUrl(String text) {
		EndpointUrl.Parsed parsed = EndpointUrl.parse(text, properties.allowedHostSet());
		EndpointUrl url = parsed.url().orElseThrow(() -> InvalidInput.unprocessable("url", parsed.reason()));
		try {
			GuardedHttp.resolve(url.host(), properties.allowedHostSet());
		}
		catch (GuardedHttp.RefusedAddress e) {
			throw InvalidInput.unprocessable("url", "must not point to a loopback, private, link-local or metadata address: " + e.getMessage());
		}
		catch (UnknownHostException e) {
			throw InvalidInput.unprocessable("url", "has a host that does not resolve: " + url.host());
		}
		return url.uri().toString();
	}

	private static List<String> checkedEvents(List<String> events) {
		List<FieldError> errors = new ArrayList<>();
		for (int i = 0; i < events.size(); i++) {
			if (!"*".equals(events.get(i)) && !EventCatalogue.TYPES.contains(events.get(i))) {
				errors.add(new FieldError("events[" + i + "]",
						"is not an event type; use \"*\" or one of " + String.join(", ", EventCatalogue.TYPES)));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(422, errors);
		}
		return events.stream().distinct().toList();
	}

	private static void requireMerchant(Caller caller) {
		if (caller.role() != Role.MERCHANT) {
			throw new Forbidden("Webhook endpoints belong to merchants: call with the merchant's API key.");
		}
	}
}
