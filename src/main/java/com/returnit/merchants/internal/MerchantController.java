package com.returnit.merchants.internal;

import com.returnit.identity.ApiKeys;
import com.returnit.identity.Caller;
import com.returnit.merchants.Merchants;
import com.returnit.merchants.PolicyBody;
import com.returnit.platform.NotFound;
import com.returnit.platform.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Merchants over HTTP. {@code limit} is checked by Spring MVC's own method validation (400 naming it), as in the
 * orders' list.
 */
@RestController
@RequestMapping("/v1/merchants")
@Tag(name = "Merchants")
class MerchantController {

	private final MerchantService merchants;
	private final MerchantDirectory directory;
	private final ApiKeys apiKeys;

	MerchantController(MerchantService merchants, MerchantDirectory directory, ApiKeys apiKeys) {
		this.merchants = merchants;
		this.directory = directory;
		this.apiKeys = apiKeys;
	}

	@GetMapping
	@Operation(summary = "The public merchant directory, by name: whom a customer can send a return to (no login)",
			security = {})
	MerchantBodies.DirectoryPage directory(
			@Parameter(description = "part of the name, any case (1 to 100 characters)")
			@RequestParam(required = false) @Nullable String query,
			@RequestParam(defaultValue = "20") @Min(1) @Max(50) int limit,
			@Parameter(description = "the id of the last merchant of the previous page")
			@RequestParam(required = false) @Nullable UUID startingAfter) {
		String search = query == null ? null : query.trim();
		if (search != null && (search.isEmpty() || search.length() > 100)) {
			throw InvalidInput.badRequest("query", "must be 1 to 100 characters (leading and trailing blanks aside)");
		}
		MerchantDirectory.Cursor after = startingAfter == null ? null : directory.cursorAt(startingAfter)
			.orElseThrow(() -> InvalidInput.badRequest("startingAfter", "is not a merchant of the directory"));
		List<MerchantBodies.DirectoryEntry> page = directory.page(search, after, limit + 1);
		return new MerchantBodies.DirectoryPage(page.stream().limit(limit).toList(), page.size() > limit);
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
			@Valid @RequestBody PolicyBody body) {
		return merchants.changePolicy(caller, id, body.toPolicy());
	}

	@GetMapping("/{id}/return-policy/versions")
	@Operation(summary = "Every version of the return policy, newest first (admins and support members may read them)")
	MerchantBodies.PolicyVersionsView policyVersions(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return merchants.policyVersions(caller, id);
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
