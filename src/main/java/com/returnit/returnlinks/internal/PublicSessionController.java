package com.returnit.returnlinks.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A return link opened by whoever holds it: no login; 404 for an unknown link, 410 for an expired or revoked one. */
@RestController
@Tag(name = "Return links")
class PublicSessionController {

	private final PublicSessions sessions;

	PublicSessionController(PublicSessions sessions) {
		this.sessions = sessions;
	}

	@GetMapping("/v1/public/return-sessions/{token}")
	@Operation(summary = "What a return link prefilled: merchant, the customer's first name, order reference, items "
			+ "(no login; 410 when expired or revoked)", security = {})
	SessionBodies.PublicReturnSession view(@PathVariable String token) {
		return sessions.view(token);
	}

	@PostMapping("/v1/public/return-sessions/{token}/access")
	@Operation(summary = "A 15-minute guest token for the link's customer, limited to quoting and booking this return "
			+ "and following its order; ask again when it runs out (no login; 410 when expired or revoked)",
			security = {})
	SessionBodies.AccessView access(@PathVariable String token) {
		return sessions.access(token);
	}
}
