package com.returnit.identity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** argon2id with OWASP's minimum: 19 MiB of memory, 2 iterations, 1 lane. */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

	static final int MEMORY_KIB = 19 * 1024;
	static final int ITERATIONS = 2;

	@Bean
	PasswordEncoder passwordEncoder() {
		return new Argon2PasswordEncoder(16, 32, 1, MEMORY_KIB, ITERATIONS);
	}
}
