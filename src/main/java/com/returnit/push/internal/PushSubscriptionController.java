package com.returnit.push.internal;

import com.returnit.identity.Caller;
import com.returnit.identity.Role;
import com.returnit.platform.FieldError;
import com.returnit.platform.Forbidden;
import com.returnit.platform.Ids;
import com.returnit.platform.InvalidInput;
import com.returnit.platform.NotFound;
import com.returnit.push.internal.PushBodies.SubscribeBody;
import com.returnit.push.internal.PushBodies.SubscriptionList;
import com.returnit.push.internal.PushBodies.SubscriptionView;
import com.returnit.push.internal.PushBodies.VapidPublicKey;
import com.returnit.push.internal.domain.PushEndpoint;
import com.returnit.push.internal.domain.SubscriptionKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Push")
class PushSubscriptionController {

	private final SubscriptionRepository subscriptions;
	private final VapidKeyring keyring;
	private final PushProperties properties;
	private final Clock clock;

	PushSubscriptionController(SubscriptionRepository subscriptions, VapidKeyring keyring, PushProperties properties,
			Clock clock) {
		this.subscriptions = subscriptions;
		this.keyring = keyring;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping("/v1/push/vapid-public-key")
	@Operation(summary = "The VAPID public key browsers subscribe with (applicationServerKey, base64url)")
	VapidPublicKey vapidPublicKey() {
		return new VapidPublicKey(keyring.publicKey());
	}

	@PostMapping("/v1/drivers/me/push-subscriptions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register this browser for offers by Web Push (the body of PushSubscription.toJSON())")
	@Transactional
	SubscriptionView subscribe(@AuthenticationPrincipal Caller caller, @Valid @RequestBody SubscribeBody body) {
		UUID driverId = requireDriver(caller);
		check(body);
		Subscription saved = subscriptions.save(new Subscription(Ids.newId(clock), driverId, body.endpoint(),
				body.keys().p256dh(), body.keys().auth(), clock.instant()));
		subscriptions.trim(driverId, properties.maxSubscriptionsPerDriver());
		return SubscriptionView.of(saved);
	}

	@GetMapping("/v1/drivers/me/push-subscriptions")
	@Operation(summary = "The driver's subscribed browsers")
	SubscriptionList mine(@AuthenticationPrincipal Caller caller) {
		return new SubscriptionList(subscriptions.ofDriver(requireDriver(caller)).stream()
			.map(SubscriptionView::of).toList());
	}

	@DeleteMapping("/v1/drivers/me/push-subscriptions/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Stop pushing offers to this browser; 404 for a subscription that is not the driver's")
	void unsubscribe(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		if (!subscriptions.delete(id, requireDriver(caller))) {
			throw new NotFound("Push subscription");
		}
	}

	private void check(SubscribeBody body) {
		List<FieldError> errors = new ArrayList<>();
		PushEndpoint.whyRefused(body.endpoint(), properties::hostAllowed, properties.allowLocalHttp())
			.ifPresent(why -> errors.add(new FieldError("endpoint", why)));
		SubscriptionKeys.whyP256dhRefused(body.keys().p256dh())
			.ifPresent(why -> errors.add(new FieldError("keys.p256dh", why)));
		SubscriptionKeys.whyAuthRefused(body.keys().auth())
			.ifPresent(why -> errors.add(new FieldError("keys.auth", why)));
		if (!errors.isEmpty()) {
			throw new InvalidInput(400, errors);
		}
	}

	private static UUID requireDriver(Caller caller) {
		if (caller.role() != Role.DRIVER) {
			throw new Forbidden("Only drivers receive offers by push.");
		}
		return caller.id();
	}
}
