package com.returnit.payments.internal;

import com.returnit.identity.Caller;
import com.returnit.payments.internal.PayoutAccounts.PayoutAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The driver's Stripe connected account, where payouts go when the provider is Stripe. */
@RestController
@Tag(name = "Payments")
class PayoutAccountController {

	/** {@code stripeAccountId}: the driver's Stripe Connect account, {@code acct_...}. */
	record PayoutAccountBody(@NotBlank @Size(max = 100) String stripeAccountId) {
	}

	private final PayoutAccounts accounts;

	PayoutAccountController(PayoutAccounts accounts) {
		this.accounts = accounts;
	}

	@PutMapping("/v1/drivers/{id}/payout-account")
	@Operation(summary = "Set the driver's Stripe connected account (acct_...): the driver, or an operator")
	PayoutAccount set(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@Valid @RequestBody PayoutAccountBody body) {
		return accounts.set(caller, id, body.stripeAccountId());
	}

	@PutMapping("/v1/drivers/me/payout-account")
	@Operation(summary = "Set your own Stripe connected account (drivers)")
	PayoutAccount setMine(@AuthenticationPrincipal Caller caller, @Valid @RequestBody PayoutAccountBody body) {
		return accounts.set(caller, caller.id(), body.stripeAccountId());
	}

	@GetMapping("/v1/drivers/{id}/payout-account")
	@Operation(summary = "The driver's Stripe connected account: the driver, or an operator")
	PayoutAccount get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return accounts.get(caller, id);
	}
}
