package com.returnit.flags.internal;

import com.returnit.flags.internal.domain.Flag;
import com.returnit.platform.InvalidInput;
import com.returnit.platform.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operators manage feature flags (routes limited to operators in SecurityConfiguration); every change is audited. */
@RestController
@RequestMapping("/v1/flags")
@Tag(name = "Feature flags")
class FlagController {

	record FlagView(String key, String description, boolean enabled, BigDecimal rolloutPercentage, List<String> roles,
			List<UUID> merchantIds, List<UUID> serviceAreaIds, String defaultVariant, long version,
			Instant updatedAt) {

		static FlagView of(Flag flag) {
			return new FlagView(flag.key(), flag.description(), flag.enabled(),
					new BigDecimal(BigDecimal.valueOf(flag.rolloutBasisPoints(), 2).stripTrailingZeros().toPlainString()),
					flag.roles().stream().sorted().toList(), flag.merchantIds().stream().sorted().toList(),
					flag.serviceAreaIds().stream().sorted().toList(), flag.defaultOn() ? "on" : "off",
					flag.version(), flag.updatedAt());
		}
	}

	record FlagPage(List<FlagView> data) {
	}

	private final FlagRepository flags;
	private final FlagAdmin admin;
	private final PostgresFlagProvider provider;

	FlagController(FlagRepository flags, FlagAdmin admin, PostgresFlagProvider provider) {
		this.flags = flags;
		this.admin = admin;
		this.provider = provider;
	}

	@GetMapping
	@Operation(summary = "Every feature flag with its rules, by key (operators)")
	FlagPage listFlags() {
		return new FlagPage(flags.all().stream().map(FlagView::of).toList());
	}

	@GetMapping("/{key}")
	@Operation(summary = "One feature flag (operators)")
	FlagView getFlag(@PathVariable String key) {
		return flags.find(key).map(FlagView::of).orElseThrow(() -> new NotFound("Flag"));
	}

	@PutMapping("/{key}")
	@Operation(summary = "Create (201) or replace (200) a feature flag (operators, audited); every node applies it "
			+ "within the refresh interval; 409 when version is given and the flag changed since")
	ResponseEntity<FlagView> putFlag(@PathVariable String key, @Valid @RequestBody FlagBody body) {
		FlagAdmin.Saved saved = admin.save(body.toChange(key));
		provider.refresh();
		return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(FlagView.of(saved.flag()));
	}

	@DeleteMapping("/{key}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a feature flag (operators, audited): code falls back to its own default")
	void deleteFlag(@PathVariable String key) {
		if (!FlagBody.KEY.matcher(key).matches()) {
			throw InvalidInput.badRequest("key", "is not a flag key");
		}
		admin.delete(key);
		provider.refresh();
	}
}
