package com.returnit.identity.internal;

import com.returnit.identity.Caller;
import com.returnit.identity.Role;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * An authenticated request: its principal is the {@link Caller}, its one authority the caller's role, or only
 * {@code MFA_ENROLMENT} for an operator who must set up two-factor authentication before doing anything else.
 */
final class CallerAuthentication extends AbstractAuthenticationToken {

	private final Caller caller;
	private final boolean enrolOnly;

	CallerAuthentication(Caller caller) {
		this(caller, false);
	}

	CallerAuthentication(Caller caller, boolean enrolOnly) {
		super(List.of(new SimpleGrantedAuthority(enrolOnly ? "MFA_ENROLMENT" : "ROLE_" + caller.role().name())));
		this.caller = caller;
		this.enrolOnly = enrolOnly;
		setAuthenticated(true);
	}

	/** A verified access token's caller: its subject and role, and whether it only allows enrolling a second factor. */
	static CallerAuthentication of(Jwt jwt) {
		return new CallerAuthentication(new Caller(Role.valueOf(jwt.getClaimAsString("role").toUpperCase(Locale.ROOT)),
				UUID.fromString(jwt.getSubject())), Boolean.TRUE.equals(jwt.getClaimAsBoolean(TokenService.ENROL_ONLY)));
	}

	boolean enrolOnly() {
		return enrolOnly;
	}

	@Override
	public Caller getPrincipal() {
		return caller;
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public String getName() {
		return caller.scope();
	}
}
