package com.returnit.identity.internal;

import com.returnit.identity.Caller;
import com.returnit.identity.MemberRole;
import com.returnit.identity.Role;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
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
	/** Prefix of a member's second authority: {@code MEMBER_ADMIN} or {@code MEMBER_SUPPORT}. */
	static final String MEMBER_PREFIX = "MEMBER_";

	private final Caller caller;
	private final boolean enrolOnly;

	CallerAuthentication(Caller caller) {
		this(caller, false);
	}

	CallerAuthentication(Caller caller, boolean enrolOnly) {
		super(authorities(caller, enrolOnly));
		this.caller = caller;
		this.enrolOnly = enrolOnly;
		setAuthenticated(true);
	}

	/**
	 * A verified access token's caller: its subject and role, and whether it only allows enrolling a second factor. A
	 * token naming a return session is a guest's, whatever else it says.
	 */
	static CallerAuthentication of(Jwt jwt, ActiveMembers members) {
		UUID subject = UUID.fromString(jwt.getSubject());
		String session = jwt.getClaimAsString(TokenService.RETURN_SESSION);
		if (session != null) {
			return new CallerAuthentication(Caller.guest(subject, UUID.fromString(session)));
		}
		String merchant = jwt.getClaimAsString(TokenService.MERCHANT_ID);
		if (merchant != null) {
			return member(jwt, subject, UUID.fromString(merchant), members);
		}
		return new CallerAuthentication(new Caller(Role.valueOf(jwt.getClaimAsString("role").toUpperCase(Locale.ROOT)),
				subject), Boolean.TRUE.equals(jwt.getClaimAsBoolean(TokenService.ENROL_ONLY)));
	}

	/**
	 * A member's token counts only while the member is one, with the role they have now rather than the one the token
	 * was issued with (ADR 0044).
	 */
	private static CallerAuthentication member(Jwt jwt, UUID memberId, UUID merchantId, ActiveMembers members) {
		MemberRepository.Membership membership = members.find(memberId)
			.filter(m -> m.merchantId().equals(merchantId))
			.orElseThrow(() -> new BadCredentialsException("This member was removed from the merchant."));
		return new CallerAuthentication(Caller.member(merchantId, memberId, membership.role()),
				Boolean.TRUE.equals(jwt.getClaimAsBoolean(TokenService.ENROL_ONLY)));
	}

	/** A member's authorities: the merchant's role and {@code MEMBER_ADMIN} or {@code MEMBER_SUPPORT}. */
	private static List<SimpleGrantedAuthority> authorities(Caller caller, boolean enrolOnly) {
		if (enrolOnly) {
			return List.of(new SimpleGrantedAuthority("MFA_ENROLMENT"));
		}
		if (caller.isGuest()) {
			return List.of(new SimpleGrantedAuthority("ROLE_" + GUEST));
		}
		var role = new SimpleGrantedAuthority("ROLE_" + caller.role().name());
		MemberRole memberRole = caller.memberRole();
		return memberRole == null ? List.of(role)
				: List.of(role, new SimpleGrantedAuthority(MEMBER_PREFIX + memberRole.name()));
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
