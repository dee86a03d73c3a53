package com.returnit.identity.internal;

import com.returnit.identity.Accounts;
import com.returnit.identity.Role;
import com.returnit.platform.Ids;
import java.time.Clock;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

@Service
class PasswordAccounts implements Accounts {

	private final AccountRepository accounts;
	private final PasswordEncoder passwords;
	private final Clock clock;
	private final SecondFactor secondFactor;

	PasswordAccounts(AccountRepository accounts, PasswordEncoder passwords, Clock clock, SecondFactor secondFactor) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.clock = clock;
		this.secondFactor = secondFactor;
	}

	@Override
	public void provisionTotp(UUID accountId, String base32Secret) {
		secondFactor.enrolWithSecret(accountId, com.returnit.identity.internal.domain.Base32.decode(base32Secret));
	}

	@Override
	public UUID ensure(Role role, String email, String password, String name) {
		if (role == Role.MERCHANT) {
			throw new IllegalArgumentException("merchants authenticate with API keys, not passwords");
		}
		return accounts.findByEmail(email).map(Account::id).orElseGet(() -> {
			Account account = new Account(Ids.newId(clock), role, email, passwords.encode(password), name, null, null,
					clock.instant());
			return accounts.insert(account) ? account.id() : accounts.findByEmail(email).orElseThrow().id();
		});
	}
}
