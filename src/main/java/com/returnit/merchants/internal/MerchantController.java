package com.returnit.merchants.internal;

import com.returnit.identity.ApiKeys;
import com.returnit.identity.Caller;
import com.returnit.merchants.Merchants;
import com.returnit.platform.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/merchants")
@Tag(name = "Merchants")
class MerchantController {

	private final MerchantService merchants;
	private final ApiKeys apiKeys;

	MerchantController(MerchantService merchants, ApiKeys apiKeys) {
		this.merchants = merchants;
		this.apiKeys = apiKeys;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Connect a merchant (operators); answers with its first API key, shown only this once")
	MerchantBodies.MerchantView create(@Valid @RequestBody MerchantBodies.MerchantBody body) {
		Merchants.Connected connected = merchants.connect(body.toNewMerchant());
		return MerchantBodies.MerchantView.of(connected.merchant(), connected.policy(), connected.apiKey());
	}

	@GetMapping("/{id}")
	@Operation(summary = "A merchant with its hubs and current return policy")
	MerchantBodies.MerchantView get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return merchants.view(caller, id);
	}

	@PutMapping("/{id}/return-policy")
	@Operation(summary = "Save a new version of the return policy; existing orders keep the version they were checked against")
	MerchantBodies.PolicyView changePolicy(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@Valid @RequestBody MerchantBodies.PolicyBody body) {
		return merchants.changePolicy(caller, id, body.toPolicy());
	}

	@PostMapping("/{id}/api-keys")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an API key; the secret is shown only in this answer")
	ApiKeys.IssuedKey createKey(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		merchants.visible(caller, id);
		return apiKeys.issue(id);
	}

	@GetMapping("/{id}/api-keys")
	@Operation(summary = "List API keys by prefix")
	List<ApiKeys.KeyInfo> listKeys(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		merchants.visible(caller, id);
		return apiKeys.list(id);
	}

	@DeleteMapping("/{id}/api-keys/{keyId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke an API key at once")
	void revokeKey(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @PathVariable UUID keyId) {
		merchants.visible(caller, id);
		if (!apiKeys.revoke(id, keyId)) {
			throw new NotFound("API key");
		}
	}
}
