package com.returnit.identity.internal;

import com.returnit.identity.Role;
import com.returnit.platform.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

/**
 * Password logins (throttled, with a second factor where enrolled), refresh-token rotation, and the tokens both
 * issue. Operators without a second factor get a short token that may only enrol one.
 */
@Service
class TokenService {

	/** Claim of an operator's access token that may only set up two-factor authentication. */
	static final String ENROL_ONLY = "mfa_enrol_only";
	static final Duration ENROL_ONLY_TTL = Duration.ofMinutes(10);
	/** Claims of a merchant's member's tokens: the merchant they act for, and their role (ADR 0044). */
	static final String MERCHANT_ID = "merchant_id";
	static final String MEMBER_ROLE = "member_role";
	/** Claim of a guest's access token: the return session it is limited to (ADR 0035). */
	static final String RETURN_SESSION = "return_session";

	record Tokens(String accessToken, @Nullable String refreshToken, String tokenType, long expiresIn,
			boolean mfaEnrolmentRequired) {
	}

	/** What a login attempt comes to. */
	sealed interface Login {
		record Issued(Tokens tokens) implements Login {
		}

		/** Wrong email, wrong password or wrong one-time code: one answer for all. */
		record Refused() implements Login {
		}

		/** The password was right; this account needs its one-time code (or a recovery code) too. */
		record CodeRequired() implements Login {
		}

		record Locked(Duration retryAfter) implements Login {
		}
	}

	/** Spent on unknown emails so that a miss takes as long as a wrong password. */
	private final String decoyHash;

	private final AccountRepository accounts;
	private final RefreshTokens refreshTokens;
	private final PasswordEncoder passwords;
	private final JwtEncoder encoder;
	private final SigningKeys signingKeys;
	private final TokenProperties properties;
	private final LoginThrottle throttle;
	private final SecondFactor secondFactor;
	private final AuditLog audit;
	private final MemberRepository members;
	private final Clock clock;

	TokenService(AccountRepository accounts, RefreshTokens refreshTokens, PasswordEncoder passwords, JwtEncoder encoder,
			SigningKeys signingKeys, TokenProperties properties, LoginThrottle throttle, SecondFactor secondFactor,
			AuditLog audit, MemberRepository members, Clock clock) {
		this.members = members;
		this.accounts = accounts;
		this.refreshTokens = refreshTokens;
		this.passwords = passwords;
		this.encoder = encoder;
		this.signingKeys = signingKeys;
		this.properties = properties;
		this.throttle = throttle;
		this.secondFactor = secondFactor;
		this.audit = audit;
		this.clock = clock;
		this.decoyHash = passwords.encode(UUID.randomUUID().toString());
	}

	/**
	 * Tokens for these credentials. An unknown email and a wrong password get the same answer after the same work
	 * (one argon2 hash), and count against the same throttle.
	 */
	Login login(String email, String password, @Nullable String code, String ip) {
		Optional<Duration> locked = throttle.lockedFor(email, ip);
		if (locked.isPresent()) {
			audit.recordAs(AuditLog.ANONYMOUS, "login.locked", "account", null, Map.of("email", email));
			return new Login.Locked(locked.get());
		}
		Optional<Account> found = accounts.findByEmail(email).filter(this::active);
		String hash = found.map(Account::passwordHash).orElse(decoyHash);
		boolean matches = passwords.matches(password, hash == null ? decoyHash : hash);
		if (!matches || found.isEmpty() || found.get().passwordHash() == null) {
			return refused(email, ip, found.map(Account::id).orElse(null), "password");
		}
		Account account = found.get();
		boolean enrolled = secondFactor.enrolled(account.id());
		if (enrolled && (code == null || code.isBlank())) {
			return new Login.CodeRequired();
		}
		if (enrolled && !secondFactor.accept(account.id(), code)) {
			return refused(email, ip, account.id(), "one-time code");
		}
		throttle.succeeded(email);
		boolean enrolOnly = !enrolled && mustUseSecondFactor(account);
		audit.recordAs(actor(account), "login.succeeded", "account", account.id(),
				Map.of("secondFactor", enrolled, "enrolmentRequired", enrolOnly));
		return new Login.Issued(enrolOnly ? enrolOnly(account) : issue(account, UUID.randomUUID()));
	}

	private Login refused(String email, String ip, @Nullable UUID accountId, String failed) {
		throttle.failed(email, ip);
		audit.recordAs(AuditLog.ANONYMOUS, "login.failed", "account", accountId, Map.of("email", email, "failed", failed));
		return new Login.Refused();
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
			if (!withinReuseGrace(stored)) {
				refreshTokens.revokeFamily(stored.familyId());
				return Optional.empty();
			}
			// the answer to its first use was lost (a page reloaded mid-request): the token that answer carried is
			// revoked, and the family goes on with a new one
			refreshTokens.revokeUnused(stored.familyId());
		}
		return accounts.findById(stored.accountId()).filter(this::active)
			.map(account -> issue(account, stored.familyId()));
	}

	/**
	 * A token used again within {@code reuseGrace} of its first use is taken for a retry whose first answer was lost,
	 * not for theft (ADR 0038); later, a reuse revokes the whole family.
	 */
	private boolean withinReuseGrace(RefreshTokens.Stored stored) {
		Instant usedAt = stored.usedAt() == null ? clock.instant() : stored.usedAt();
		return !properties.reuseGrace().isZero() && !clock.instant().isAfter(usedAt.plus(properties.reuseGrace()));
	}

	/** Logs out: the refresh token's whole family stops working (an unknown token is no error). */
	void logout(String refreshToken) {
		refreshTokens.find(refreshToken).ifPresent(stored -> refreshTokens.revokeFamily(stored.familyId()));
	}

	/** Full tokens for an account that just proved its second factor during enrolment. */
	Tokens afterEnrolment(UUID accountId) {
		return issueFor(accountId);
	}

	/**
	 * Tokens for an account that just proved who it is another way (claiming it by email, accepting an invitation):
	 * full ones, or only an enrolment token for an operator or member without a second factor yet.
	 */
	Tokens issueFor(UUID accountId) {
		Account account = accounts.findById(accountId).orElseThrow();
		if (mustUseSecondFactor(account) && !secondFactor.enrolled(accountId)) {
			return enrolOnly(account);
		}
		return issue(account, UUID.randomUUID());
	}

	/** Operators and merchants' members must use two-factor authentication (ADR 0044). */
	private static boolean mustUseSecondFactor(Account account) {
		return account.role() == Role.OPERATOR || account.role() == Role.MERCHANT;
	}

	/** Not erased, and for a merchant's member, still a member. */
	private boolean active(Account account) {
		return account.erasedAt() == null && (account.role() != Role.MERCHANT || members.active(account.id()).isPresent());
	}

	/** An access token without refresh for a customer who came through a return link, limited to that session. */
	Tokens guest(Account customer, UUID sessionId) {
		Duration ttl = properties.accessTokenTtl();
		String accessToken = sign(claims(customer, clock.instant(), ttl).claim(RETURN_SESSION, sessionId.toString()).build());
		return new Tokens(accessToken, null, "Bearer", ttl.toSeconds(), false);
	}

	private Tokens issue(Account account, UUID familyId) {
		Instant now = clock.instant();
		String accessToken = sign(claims(account, now, properties.accessTokenTtl()).build());
		String refreshToken = Secrets.generate("rt_");
		refreshTokens.store(refreshToken, familyId, account.id(), now.plus(properties.refreshTokenTtl()));
		return new Tokens(accessToken, refreshToken, "Bearer", properties.accessTokenTtl().toSeconds(), false);
	}

	/** A short token without refresh that only reaches /v1/auth/mfa: the operator must enrol before anything else. */
	private Tokens enrolOnly(Account account) {
		String accessToken = sign(claims(account, clock.instant(), ENROL_ONLY_TTL).claim(ENROL_ONLY, true).build());
		return new Tokens(accessToken, null, "Bearer", ENROL_ONLY_TTL.toSeconds(), true);
	}

	private JwtClaimsSet.Builder claims(Account account, Instant now, Duration ttl) {
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(properties.issuer())
			.audience(List.of(properties.audience()))
			.subject(account.id().toString())
			.claim("role", account.role().code())
			.id(UUID.randomUUID().toString())
			.issuedAt(now)
			.notBefore(now)
			.expiresAt(now.plus(ttl));
		if (account.role() == Role.MERCHANT) {
			MemberRepository.Membership membership = members.active(account.id()).orElseThrow();
			claims.claim(MERCHANT_ID, membership.merchantId().toString()).claim(MEMBER_ROLE, membership.role().code());
		}
		return claims;
	}

	private String sign(JwtClaimsSet claims) {
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(signingKeys.current().getKeyID()).build();
		return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

	private String actor(Account account) {
		if (account.role() == Role.MERCHANT) {
			return members.active(account.id()).map(m -> Role.MERCHANT.code() + ":" + m.merchantId() + ":member:" + account.id())
				.orElse(AuditLog.SYSTEM);
		}
		return account.role().code() + ":" + account.id();
	}
}
