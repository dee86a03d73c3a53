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
 * {@code MFA_ENROLMENT} for an operator who must set up two-factor authentication before doing anything else, or only
 * {@code ROLE_GUEST} for a guest of a return link (never {@code ROLE_CUSTOMER}: a route must name guests to let them
 * in, ADR 0035).
 */
final class CallerAuthentication extends AbstractAuthenticationToken {

	/** The role (authority {@code ROLE_GUEST}) of a guest token. */
	static final String GUEST = "GUEST";

	private final Caller caller;
	private final boolean enrolOnly;

	CallerAuthentication(Caller caller) {
		this(caller, false);
	}

	CallerAuthentication(Caller caller, boolean enrolOnly) {
		super(List.of(new SimpleGrantedAuthority(enrolOnly ? "MFA_ENROLMENT"
				: caller.isGuest() ? "ROLE_" + GUEST : "ROLE_" + caller.role().name())));
		this.caller = caller;
		this.enrolOnly = enrolOnly;
		setAuthenticated(true);
	}

	/**
	 * A verified access token's caller: its subject and role, and whether it only allows enrolling a second factor. A
	 * token naming a return session is a guest's, whatever else it says.
	 */
	static CallerAuthentication of(Jwt jwt) {
		UUID subject = UUID.fromString(jwt.getSubject());
		String session = jwt.getClaimAsString(TokenService.RETURN_SESSION);
		if (session != null) {
			return new CallerAuthentication(Caller.guest(subject, UUID.fromString(session)));
		}
		return new CallerAuthentication(new Caller(Role.valueOf(jwt.getClaimAsString("role").toUpperCase(Locale.ROOT)),
				subject), Boolean.TRUE.equals(jwt.getClaimAsBoolean(TokenService.ENROL_ONLY)));
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
