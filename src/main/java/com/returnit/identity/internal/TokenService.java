package com.returnit.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

/** Issues access and refresh tokens for password logins and refresh-token rotation. */
@Service
class TokenService {

	/** Claim of an operator's access token that may only set up two-factor authentication. */
	static final String ENROL_ONLY = "mfa_enrol_only";

	record Tokens(String accessToken, String refreshToken, String tokenType, long expiresIn) {
	}

	/** Spent on unknown emails so that a miss takes as long as a wrong password. */
	private final String decoyHash;

	private final AccountRepository accounts;
	private final RefreshTokens refreshTokens;
	private final PasswordEncoder passwords;
	private final JwtEncoder encoder;
	private final SigningKeys signingKeys;
	private final TokenProperties properties;
	private final Clock clock;

	TokenService(AccountRepository accounts, RefreshTokens refreshTokens, PasswordEncoder passwords, JwtEncoder encoder,
			SigningKeys signingKeys, TokenProperties properties, Clock clock) {
		this.accounts = accounts;
		this.refreshTokens = refreshTokens;
		this.passwords = passwords;
		this.encoder = encoder;
		this.signingKeys = signingKeys;
		this.properties = properties;
		this.clock = clock;
		this.decoyHash = passwords.encode(UUID.randomUUID().toString());
	}

	/** Tokens for these credentials, or empty: the same answer whether the email is unknown or the password wrong. */
	Optional<Tokens> login(String email, String password) {
		Optional<Account> account = accounts.findByEmail(email);
		String hash = account.map(Account::passwordHash).orElse(decoyHash);
		boolean matches = passwords.matches(password, hash == null ? decoyHash : hash);
		if (!matches || account.isEmpty() || account.get().passwordHash() == null) {
			return Optional.empty();
		}
		return Optional.of(issue(account.get(), UUID.randomUUID()));
	}

	/** New tokens for a refresh token; a reused token revokes its whole family and yields empty. */
	Optional<Tokens> refresh(String refreshToken) {
		Optional<RefreshTokens.Stored> found = refreshTokens.find(refreshToken);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		RefreshTokens.Stored stored = found.get();
		if (stored.revoked() || stored.expiresAt().isBefore(clock.instant())) {
			return Optional.empty();
		}
		if (stored.used() || !refreshTokens.markUsed(stored.id())) {
			refreshTokens.revokeFamily(stored.familyId());
			return Optional.empty();
		}
		return accounts.findById(stored.accountId()).map(account -> issue(account, stored.familyId()));
	}

	private Tokens issue(Account account, UUID familyId) {
		Instant now = clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(properties.issuer())
			.audience(java.util.List.of(properties.audience()))
			.subject(account.id().toString())
			.claim("role", account.role().code())
			.id(UUID.randomUUID().toString())
			.issuedAt(now)
			.notBefore(now)
			.expiresAt(now.plus(properties.accessTokenTtl()))
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(signingKeys.current().getKeyID()).build();
		String accessToken = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
		String refreshToken = Secrets.generate("rt_");
		refreshTokens.store(refreshToken, familyId, account.id(), now.plus(properties.refreshTokenTtl()));
		return new Tokens(accessToken, refreshToken, "Bearer", properties.accessTokenTtl().toSeconds());
	}
}
