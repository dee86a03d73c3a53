package com.returnit.identity.internal;

import com.returnit.identity.MemberRole;
import com.returnit.identity.MerchantMemberInvited;
import com.returnit.identity.MerchantMembers;
import com.returnit.identity.Role;
import com.returnit.platform.AuditLog;
import com.returnit.platform.Conflict;
import com.returnit.platform.Gone;
import com.returnit.platform.Ids;
import com.returnit.platform.NotFound;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Merchants' staff: invitations, accepting them, roles and removal (ADR 0044). */
@Service
class MerchantStaff implements MerchantMembers {

	private final MemberRepository members;
	private final ActiveMembers active;
	private final AccountRepository accounts;
	private final RefreshTokens refreshTokens;
	private final PasswordEncoder passwords;
	private final TokenService tokens;
	private final EmailLinks links;
	private final ApplicationEventPublisher events;
	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final Clock clock;

	MerchantStaff(MemberRepository members, ActiveMembers active, AccountRepository accounts,
			RefreshTokens refreshTokens, PasswordEncoder passwords, TokenService tokens, EmailLinks links,
			ApplicationEventPublisher events, JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.members = members;
		this.active = active;
		this.accounts = accounts;
		this.refreshTokens = refreshTokens;
		this.passwords = passwords;
		this.tokens = tokens;
		this.links = links;
		this.events = events;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Invitation invite(UUID merchantId, String merchantName, String email, MemberRole role) {
		String address = email.trim();
		if (accounts.findByEmail(address).isPresent()) {
			throw emailTaken();
		}
		Instant now = clock.instant();
		members.cancelPending(merchantId, address, now);
		String token = Secrets.generate("");
		var stored = new MemberRepository.StoredInvitation(Ids.newId(clock), merchantId, merchantName, address, role, now,
				now.plus(INVITATION_VALID_FOR), null, null);
		members.insertInvitation(stored, Secrets.digest(token), AuditActor.current());
		events.publishEvent(new MerchantMemberInvited(stored.id(), merchantId, merchantName, address, role,
				links.merchantInvitation(token), stored.expiresAt()));
		audit.record("member.invited", "merchant", merchantId,
				Map.of("invitation", stored.id().toString(), "role", role.code()));
		return view(stored);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Member> members(UUID merchantId) {
		return members.members(merchantId, false);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Invitation> pendingInvitations(UUID merchantId) {
		return members.pending(merchantId, clock.instant()).stream().map(MerchantStaff::view).toList();
	}

	@Override
	@Transactional
	public void cancelInvitation(UUID merchantId, UUID invitationId) {
		if (!members.cancel(merchantId, invitationId, clock.instant())) {
			throw new NotFound("Invitation");
		}
		audit.record("member.invitation_cancelled", "merchant", merchantId, Map.of("invitation", invitationId.toString()));
	}

	@Override
	@Transactional
	public Member changeRole(UUID merchantId, UUID memberId, MemberRole role) {
		List<Member> staff = members.members(merchantId, true);
		Member member = staff.stream().filter(m -> m.id().equals(memberId)).findFirst()
			.orElseThrow(() -> new NotFound("Member"));
		if (member.role() == MemberRole.ADMIN && role != MemberRole.ADMIN) {
			requireAnotherAdmin(staff, memberId);
		}
		members.changeRole(merchantId, memberId, role);
		active.changed(memberId);
		audit.record("member.role_changed", "merchant", merchantId,
				Map.of("member", memberId.toString(), "from", member.role().code(), "to", role.code()));
		return new Member(member.id(), member.email(), member.name(), role, member.totpEnabled(), member.createdAt());
	}

	@Override
	@Transactional
	public void remove(UUID merchantId, UUID memberId) {
		List<Member> staff = members.members(merchantId, true);
		Member member = staff.stream().filter(m -> m.id().equals(memberId)).findFirst()
			.orElseThrow(() -> new NotFound("Member"));
		if (member.role() == MemberRole.ADMIN) {
			requireAnotherAdmin(staff, memberId);
		}
		Instant now = clock.instant();
		members.remove(merchantId, memberId, now);
		// the account stays (the audit log names it) but can no longer log in, and its email may be invited again
		jdbc.sql("""
				UPDATE accounts SET email = :email, password_hash = NULL, erased_at = :now WHERE id = :id""")
			.param("email", "removed-" + memberId + "@removed.invalid").param("now", Timestamp.from(now))
			.param("id", memberId).update();
		refreshTokens.revokeAccount(memberId);
		active.changed(memberId);
		audit.record("member.removed", "merchant", merchantId,
				Map.of("member", memberId.toString(), "email", member.email(), "role", member.role().code()));
	}

	@Override
	@Transactional
	public UUID ensure(UUID merchantId, String email, String password, String name, MemberRole role) {
		return accounts.findByEmail(email).map(Account::id).orElseGet(() -> {
			UUID id = create(email, password, name);
			members.insert(id, merchantId, role, clock.instant());
			return id;
		});
	}

	/** What the page of an invitation link shows: 404 for an unknown link, 410 for one used, cancelled or expired. */
	@Transactional(readOnly = true)
	MemberRepository.StoredInvitation invitation(String token) {
		return usable(members.byToken(Secrets.digest(token), false).orElseThrow(() -> new NotFound("Invitation")));
	}

	private MemberRepository.StoredInvitation usable(MemberRepository.StoredInvitation invitation) {
		if (invitation.acceptedAt() != null) {
			throw new Gone("This invitation was used already; log in.", Map.of("reason", "used"));
		}
		if (invitation.cancelledAt() != null) {
			throw new Gone("This invitation was withdrawn; ask the merchant's admin for a new one.",
					Map.of("reason", "cancelled"));
		}
		if (!clock.instant().isBefore(invitation.expiresAt())) {
			throw new Gone("This invitation has expired; ask the merchant's admin for a new one.",
					Map.of("reason", "expired"));
		}
		return invitation;
	}

	/**
	 * Accepts an invitation: a new account with this password and name, a member of the merchant with the invited
	 * role, logged in with a token that may only enrol a second factor (members must use one).
	 */
	@Transactional
	TokenService.Tokens accept(String token, String password, String name) {
		// locked: of two acceptances at once, the second waits and then finds the invitation used
		var invitation = usable(members.byToken(Secrets.digest(token), true)
			.orElseThrow(() -> new NotFound("Invitation")));
		if (accounts.findByEmail(invitation.email()).isPresent()) {
			throw emailTaken();
		}
		UUID memberId = create(invitation.email(), password, name.trim());
		if (!members.accept(invitation.id(), memberId, clock.instant())) {
			throw new Gone("This invitation was used already; log in.", Map.of("reason", "used"));
		}
		members.insert(memberId, invitation.merchantId(), invitation.role(), clock.instant());
		audit.recordAs(Role.MERCHANT.code() + ":" + invitation.merchantId() + ":member:" + memberId, "member.joined",
				"merchant", invitation.merchantId(),
				Map.of("member", memberId.toString(), "invitation", invitation.id().toString(), "role", invitation.role().code()));
		return tokens.issueFor(memberId);
	}

	private UUID create(String email, String password, String name) {
		Account account = new Account(Ids.newId(clock), Role.MERCHANT, email, passwords.encode(password), name, null,
				null, clock.instant());
		if (!accounts.insert(account)) {
			throw emailTaken();
		}
		return account.id();
	}

	private static void requireAnotherAdmin(List<Member> staff, UUID memberId) {
		boolean another = staff.stream().anyMatch(m -> m.role() == MemberRole.ADMIN && !m.id().equals(memberId));
		if (!another) {
			throw Conflict.withCode("The merchant would have no admin left: make another member admin first.",
					"last_admin");
		}
	}

	private static Conflict emailTaken() {
		return Conflict.withCode("This email already has a ReturnIt account; invite another address.", "email_taken");
	}

	private static Invitation view(MemberRepository.StoredInvitation stored) {
		return new Invitation(stored.id(), stored.email(), stored.role(), stored.expiresAt(), stored.createdAt());
	}
}
