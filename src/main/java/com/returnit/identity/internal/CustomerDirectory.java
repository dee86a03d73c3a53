package com.returnit.identity.internal;

import com.returnit.identity.Customers;
import com.returnit.identity.Role;
import com.returnit.platform.Ids;
import com.returnit.platform.InvalidInput;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

@Service
class CustomerDirectory implements Customers {

	private final AccountRepository accounts;
	private final AccountErasure erasure;
	private final Clock clock;

	CustomerDirectory(AccountRepository accounts, AccountErasure erasure, Clock clock) {
		this.accounts = accounts;
		this.erasure = erasure;
		this.clock = clock;
	}

	@Override
	public java.util.Optional<CustomerData> export(UUID customerId) {
		return erasure.export(customerId);
	}

	@Override
	public void erase(UUID customerId) {
		erasure.erase(customerId);
	}

	@Override
	public UUID findOrCreate(String email, String name, @Nullable String phone) {
		var existing = accounts.findByEmail(email.trim());
		if (existing.isPresent()) {
			return requireCustomer(existing.get());
		}
		Account account = new Account(Ids.newId(clock), Role.CUSTOMER, email.trim(), null, name.trim(), phone, null,
				clock.instant());
		if (accounts.insert(account)) {
			return account.id();
		}
		return requireCustomer(accounts.findByEmail(email.trim()).orElseThrow());
	}

	@Override
	public java.util.Optional<Contact> contact(UUID customerId) {
		return accounts.findById(customerId).filter(account -> account.role() == Role.CUSTOMER)
			.map(account -> new Contact(account.id(), account.name(), account.email(), account.phone()));
	}

	private static UUID requireCustomer(Account account) {
		if (account.role() != Role.CUSTOMER) {
			throw InvalidInput.unprocessable("customer.email", "belongs to an account that is not a customer");
		}
		return account.id();
	}
}
