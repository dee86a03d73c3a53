package com.returnit.privacy.internal;

import com.returnit.identity.Caller;
import com.returnit.identity.Customers;
import com.returnit.orders.CustomerOrders;
import com.returnit.places.SavedAddresses;
import com.returnit.platform.AuditLog;
import com.returnit.platform.Conflict;
import com.returnit.platform.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A customer's own data: everything kept about them, and erasing it. Customers only (the route says so). */
@RestController
@Tag(name = "Privacy")
class PrivacyController {

	record Export(Instant exportedAt, Customers.CustomerData account, List<CustomerOrders.OrderData> orders,
			List<SavedAddresses.SavedAddress> savedAddresses) {
	}

	private final Customers customers;
	private final CustomerOrders orders;
	private final SavedAddresses addresses;
	private final AuditLog audit;
	private final Clock clock;

	PrivacyController(Customers customers, CustomerOrders orders, SavedAddresses addresses, AuditLog audit,
			Clock clock) {
		this.customers = customers;
		this.orders = orders;
		this.addresses = addresses;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/v1/customers/me/export")
	@Operation(summary = "Everything kept about me: my account, my orders with their addresses and history, my saved addresses")
	Export export(@AuthenticationPrincipal Caller caller) {
		var account = customers.export(caller.id()).orElseThrow(() -> new NotFound("Customer"));
		Export export = new Export(clock.instant(), account, orders.of(caller.id()), addresses.of(caller.id()));
		audit.record("customer.exported", "customer", caller.id(), Map.of("orders", export.orders().size()));
		return export;
	}

	@GetMapping("/v1/customers/me/erasure")
	@Operation(summary = "What erasing my account would do: whether it is possible now, what is erased and what is kept, and why")
	ErasureTerms erasureTerms(@AuthenticationPrincipal Caller caller) {
		return ErasureTerms.forOpenOrders(orders.openOrderCount(caller.id()));
	}

	@DeleteMapping("/v1/customers/me")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Transactional
	@Operation(summary = "Erase my account: personal data removed, orders and payments kept without me; 409 while an order is open")
	void erase(@AuthenticationPrincipal Caller caller) {
		if (orders.hasOpenOrders(caller.id())) {
			throw new Conflict("An order is still open; cancel it or wait until it is delivered, then erase the account.");
		}
		customers.erase(caller.id());
		audit.record("customer.erased", "customer", caller.id(), Map.of());
	}
}
