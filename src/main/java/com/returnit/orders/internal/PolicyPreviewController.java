package com.returnit.orders.internal;

import com.returnit.identity.Caller;
import com.returnit.orders.internal.PolicyPreviewBodies.PolicyPreviewBody;
import com.returnit.orders.internal.PolicyPreviewBodies.PolicyPreviewView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The return policy's preview lives with the orders, whose recent returns it tries the draft on; the policy module
 * does the checking, so that the preview and every quote follow one set of rules.
 */
@RestController
@Tag(name = "Merchants")
class PolicyPreviewController {

	private final PolicyPreview preview;

	PolicyPreviewController(PolicyPreview preview) {
		this.preview = preview;
	}

	@PostMapping("/v1/merchants/{id}/return-policy/preview")
	@Operation(summary = "Check a draft return policy and try it, saving nothing (admins): 200 with valid false and "
			+ "each fault (a CEL error with its line and column) for a draft that would not save; else the verdict on "
			+ "the sample items, asked now for a pickup 24 h ahead (service areas not checked), and with "
			+ "againstRecent the merchant's last 50 orders asked again as at their creation (their own pickup, window "
			+ "and items), counting those the draft refuses and those the saved policy refuses")
	PolicyPreviewView preview(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@Valid @RequestBody PolicyPreviewBody body) {
		return preview.preview(caller, id, body);
	}
}
