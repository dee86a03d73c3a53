package com.returnit.flags.internal;

import com.returnit.flags.FlagTarget;
import com.returnit.identity.Caller;
import com.returnit.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the web app asks before it shows a feature: every flag, evaluated for whoever calls (or nobody). */
@RestController
@Tag(name = "Feature flags")
class EvaluatedFlagsController {

	record EvaluatedFlags(Map<String, Boolean> flags) {
	}

	private final OpenFeatureFlags flags;

	EvaluatedFlagsController(OpenFeatureFlags flags) {
		this.flags = flags;
	}

	@GetMapping("/v1/flags/evaluated")
	@Operation(summary = "Every feature flag evaluated for the caller (by account, or merchant for API keys, and "
			+ "role); without a login only flags on for everyone are on")
	EvaluatedFlags evaluatedFlags(@AuthenticationPrincipal @Nullable Caller caller) {
		return new EvaluatedFlags(flags.evaluateAll(target(caller)));
	}

	static FlagTarget target(@Nullable Caller caller) {
		if (caller == null) {
			return FlagTarget.anonymous();
		}
		return new FlagTarget(caller.id().toString(), caller.role().code(),
				caller.role() == Role.MERCHANT ? caller.id() : null, null);
	}
}
