package com.returnit.identity.internal;

import com.returnit.identity.Role;
import com.returnit.identity.Accounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Creates the first operator from RETURNIT_ADMIN_EMAIL / RETURNIT_ADMIN_PASSWORD when that account does not exist.
 * With RETURNIT_ADMIN_TOTP_SECRET (base32) the operator's second factor is provisioned too; without it the operator
 * enrols at the first login, like every other operator.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final Accounts accounts;
	private final String email;
	private final String password;
	private final String totpSecret;
	AdminBootstrap(Accounts accounts, @Value("${returnit.admin.email:}") String email,
			@Value("${returnit.admin.password:}") String password,
			@Value("${returnit.admin.totp-secret:}") String totpSecret) {
		this.accounts = accounts;
		this.email = email;
		this.password = password;
		this.totpSecret = totpSecret;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!StringUtils.hasText(email) || !StringUtils.hasText(password)) {
			return;
		}
		if (password.length() < 12) {
			throw new IllegalStateException("RETURNIT_ADMIN_PASSWORD must be at least 12 characters");
		}
		java.util.UUID id = accounts.ensure(Role.OPERATOR, email, password, "Operator");
		if (StringUtils.hasText(totpSecret)) {
			accounts.provisionTotp(id, totpSecret);
		}
		log.info("Operator account {} is ready", email);
	}
}
