package com.returnit.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The people of a merchant's staff (ADR 0044): invited by email with a single-use link, they log in with a password
 * and TOTP and act as the merchant within their {@link MemberRole}. Who may manage them is decided by the caller of
 * this API (the merchants module); every method here only checks that the objects belong to {@code merchantId}
 * (anything else is a {@code NotFound}).
 */
public interface MerchantMembers {

	/** How long an invitation link works. */
	java.time.Duration INVITATION_VALID_FOR = java.time.Duration.ofHours(72);

	record Member(UUID id, String email, String name, MemberRole role, boolean totpEnabled, Instant createdAt) {
	}

	record Invitation(UUID id, String email, MemberRole role, Instant expiresAt, Instant createdAt) {
	}

	/**
	 * Invites {@code email} to join the merchant: a link goes out by email ({@link MerchantMemberInvited}), replacing
	 * any pending invitation of that email. A {@code Conflict} with code {@code email_taken} when the email already
	 * has an account.
	 */
	Invitation invite(UUID merchantId, String merchantName, String email, MemberRole role);

	List<Member> members(UUID merchantId);

	List<Invitation> pendingInvitations(UUID merchantId);

	void cancelInvitation(UUID merchantId, UUID invitationId);

	/** A {@code Conflict} with code {@code last_admin} when this would leave the merchant without an admin. */
	Member changeRole(UUID merchantId, UUID memberId, MemberRole role);

	/**
	 * Removes the member: their tokens stop working at once, they can no longer log in, and their email may be invited
	 * again. A {@code Conflict} with code {@code last_admin} for the merchant's last admin.
	 */
	void remove(UUID merchantId, UUID memberId);

	/** The member with this email, made now if absent (demo data and automated environments); answers its id. */
	UUID ensure(UUID merchantId, String email, String password, String name, MemberRole role);
}
