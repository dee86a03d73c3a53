package com.returnit.platform.internal.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators read the audit trail, newest first; the route is restricted to operators in the security chain. The
 * parameters' constraints are checked by Spring MVC's own method validation (400 naming the parameter); a class-level
 * {@code @Validated} would hand them to an AOP proxy instead, which let {@code limit=-1} through to a 500.
 */
@RestController
@Tag(name = "Audit")
class AuditController {

	record AuditPage(List<AuditEvents.Event> data, boolean hasMore) {
	}

	private final AuditEvents events;

	AuditController(AuditEvents events) {
		this.events = events;
	}

	@GetMapping("/v1/audit-events")
	@Operation(summary = "The audit trail (operators), newest first, filtered, with cursor pagination")
	AuditPage list(@Parameter(description = "e.g. login.failed, api_key.revoked, policy.changed")
			@RequestParam(required = false) @Nullable @Size(max = 100) String action,
			@Parameter(description = "\"<role>:<id>\", anonymous or system")
			@RequestParam(required = false) @Nullable @Size(max = 100) String actor,
			@RequestParam(required = false) @Nullable @Size(max = 100) String targetId,
			@RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@Parameter(description = "the id of the last event of the previous page")
			@RequestParam(required = false) @Nullable UUID startingAfter) {
		List<AuditEvents.Event> page = events.page(
				new AuditEvents.Filter(action, actor, targetId, from, to, startingAfter), limit + 1);
		return new AuditPage(page.stream().limit(limit).toList(), page.size() > limit);
	}
}
