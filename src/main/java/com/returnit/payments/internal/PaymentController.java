package com.returnit.payments.internal;

import com.returnit.identity.Caller;
import com.returnit.payments.internal.PaymentBodies.PaymentView;
import com.returnit.payments.internal.PaymentBodies.RefundBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Payments")
class PaymentController {

	private final PaymentDesk desk;

	PaymentController(PaymentDesk desk) {
		this.desk = desk;
	}

	@GetMapping("/v1/orders/{id}/payment")
	@Operation(summary = "The order's payment: status, amounts captured and refunded, provider calls")
	PaymentView payment(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return desk.view(caller, id);
	}

	@PostMapping("/v1/orders/{id}/refunds")
	@Operation(summary = "Refund all or part of what was captured (merchant or operator); 201 done, 202 queued while "
			+ "the provider is unavailable")
	ResponseEntity<PaymentView> refund(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@Valid @RequestBody RefundBody body) {
		PaymentDesk.RefundOutcome outcome = desk.refund(caller, id, body.amountCents(), body.reason().trim());
		return ResponseEntity.status(outcome.completed() ? HttpStatus.CREATED : HttpStatus.ACCEPTED)
			.body(outcome.payment());
	}
}
