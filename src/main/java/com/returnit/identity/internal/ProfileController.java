package com.returnit.identity.internal;

import com.returnit.identity.Caller;
import com.returnit.identity.Customers;
import com.returnit.platform.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A customer's own account as the web app shows it. */
@RestController
@Tag(name = "Accounts")
class ProfileController {

	record Profile(UUID id, String email, String name, @Nullable String phone, boolean emailVerified,
			boolean twoFactorEnabled, Instant createdAt) {
	}

	private final AccountErasure accounts;

	ProfileController(AccountErasure accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/v1/customers/me")
	@Operation(summary = "My account: email, name, phone, whether the email is verified and two-factor is on")
	Profile me(@AuthenticationPrincipal Caller caller) {
		Customers.CustomerData data = accounts.export(caller.id()).orElseThrow(() -> new NotFound("Customer"));
		return new Profile(data.id(), data.email(), data.name(), data.phone(), data.emailVerified(),
				data.twoFactorEnabled(), data.createdAt());
	}
}
