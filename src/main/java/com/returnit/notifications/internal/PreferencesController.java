package com.returnit.notifications.internal;

import com.returnit.identity.Caller;
import com.returnit.identity.Role;
import com.returnit.platform.Forbidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A customer opts in or out of email and SMS notifications, each on its own. */
@RestController
@RequestMapping("/v1/customers/me/notification-preferences")
@Tag(name = "Notifications")
class PreferencesController {

	record PreferencesBody(@NotNull Boolean email, @NotNull Boolean sms) {
	}

	private final Preferences preferences;
	private final Clock clock;

	PreferencesController(Preferences preferences, Clock clock) {
		this.preferences = preferences;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "Which channels the customer gets notifications on")
	PreferencesBody get(@AuthenticationPrincipal Caller caller) {
		Preferences.Choice choice = preferences.of(customer(caller));
		return new PreferencesBody(choice.email(), choice.sms());
	}

	@PutMapping
	@Transactional
	@Operation(summary = "Opt in or out of email and SMS notifications")
	PreferencesBody put(@AuthenticationPrincipal Caller caller, @Valid @RequestBody PreferencesBody body) {
		preferences.save(customer(caller), new Preferences.Choice(body.email(), body.sms()), clock.instant());
		return body;
	}

	private static java.util.UUID customer(Caller caller) {
		if (caller.role() != Role.CUSTOMER) {
			throw new Forbidden("Notification preferences belong to customers.");
		}
		return caller.id();
	}
}
