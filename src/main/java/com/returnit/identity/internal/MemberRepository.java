package com.returnit.identity.internal;

import com.returnit.identity.MemberRole;
import com.returnit.identity.MerchantMembers;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Memberships of merchants' staff and their invitations (ADR 0044). */
@Repository
class MemberRepository {

	/** A member's current standing: the merchant they act for and their role. */
	record Membership(UUID merchantId, MemberRole role) {
	}

	/** An invitation with what the public page shows. */
	record StoredInvitation(UUID id, UUID merchantId, String merchantName, String email, MemberRole role,
			Instant createdAt, Instant expiresAt, @Nullable Instant acceptedAt, @Nullable Instant cancelledAt) {
	}

	private final JdbcClient jdbc;

	MemberRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Membership> active(UUID accountId) {
		return jdbc.sql("SELECT merchant_id, role FROM merchant_members WHERE account_id = :id AND removed_at IS NULL")
			.param("id", accountId)
			.query((rs, n) -> new Membership(rs.getObject(1, UUID.class), MemberRole.of(rs.getString(2)).orElseThrow()))
			.optional();
	}

	void insert(UUID accountId, UUID merchantId, MemberRole role, Instant at) {
		jdbc.sql("INSERT INTO merchant_members (account_id, merchant_id, role, created_at) VALUES (:id, :m, :role, :at)")
			.param("id", accountId).param("m", merchantId).param("role", role.code()).param("at", Timestamp.from(at))
			.update();
	}

	/** The merchant's active members, oldest first, each row locked until the transaction ends when {@code lock}. */
	List<MerchantMembers.Member> members(UUID merchantId, boolean lock) {
		return jdbc.sql("""
				SELECT m.account_id, a.email, a.name, m.role, m.created_at,
				  EXISTS (SELECT 1 FROM totp_credentials t WHERE t.account_id = m.account_id AND t.confirmed_at IS NOT NULL) AS totp
				FROM merchant_members m JOIN accounts a ON a.id = m.account_id
				WHERE m.merchant_id = :m AND m.removed_at IS NULL ORDER BY m.created_at, m.account_id"""
				+ (lock ? " FOR UPDATE OF m" : ""))
			.param("m", merchantId).query(MemberRepository::member).list();
	}

	boolean changeRole(UUID merchantId, UUID accountId, MemberRole role) {
		return jdbc.sql("""
				UPDATE merchant_members SET role = :role
				WHERE account_id = :id AND merchant_id = :m AND removed_at IS NULL""")
			.param("role", role.code()).param("id", accountId).param("m", merchantId).update() == 1;
	}

	boolean remove(UUID merchantId, UUID accountId, Instant at) {
		return jdbc.sql("""
				UPDATE merchant_members SET removed_at = :at
				WHERE account_id = :id AND merchant_id = :m AND removed_at IS NULL""")
			.param("at", Timestamp.from(at)).param("id", accountId).param("m", merchantId).update() == 1;
	}

	void insertInvitation(StoredInvitation invitation, byte[] tokenHash, String invitedBy) {
		jdbc.sql("""
				INSERT INTO merchant_invitations (id, merchant_id, merchant_name, email, role, token_hash, invited_by,
				  created_at, expires_at)
				VALUES (:id, :m, :name, :email, :role, :hash, :by, :created, :expires)""")
			.param("id", invitation.id()).param("m", invitation.merchantId()).param("name", invitation.merchantName())
			.param("email", invitation.email()).param("role", invitation.role().code()).param("hash", tokenHash)
			.param("by", invitedBy).param("created", Timestamp.from(invitation.createdAt()))
			.param("expires", Timestamp.from(invitation.expiresAt()))
			.update();
	}

	/** Cancels the merchant's pending invitations of this email (a new one replaces them). */
	void cancelPending(UUID merchantId, String email, Instant at) {
		jdbc.sql("""
				UPDATE merchant_invitations SET cancelled_at = :at
				WHERE merchant_id = :m AND lower(email) = lower(:email) AND accepted_at IS NULL AND cancelled_at IS NULL""")
			.param("at", Timestamp.from(at)).param("m", merchantId).param("email", email).update();
	}

	boolean cancel(UUID merchantId, UUID invitationId, Instant at) {
		return jdbc.sql("""
				UPDATE merchant_invitations SET cancelled_at = :at
				WHERE id = :id AND merchant_id = :m AND accepted_at IS NULL AND cancelled_at IS NULL AND expires_at > :at""")
			.param("at", Timestamp.from(at)).param("id", invitationId).param("m", merchantId).update() == 1;
	}

	/** Pending (neither accepted, cancelled nor expired) invitations of the merchant, newest first. */
	List<StoredInvitation> pending(UUID merchantId, Instant now) {
		return jdbc.sql("""
				SELECT * FROM merchant_invitations
				WHERE merchant_id = :m AND accepted_at IS NULL AND cancelled_at IS NULL AND expires_at > :now
				ORDER BY created_at DESC, id""")
			.param("m", merchantId).param("now", Timestamp.from(now)).query(MemberRepository::invitation).list();
	}

	/** The invitation with this token digest, its row locked until the transaction ends when {@code lock}. */
	Optional<StoredInvitation> byToken(byte[] tokenHash, boolean lock) {
		return jdbc.sql("SELECT * FROM merchant_invitations WHERE token_hash = :hash" + (lock ? " FOR UPDATE" : ""))
			.param("hash", tokenHash).query(MemberRepository::invitation).optional();
	}

	/** Marks the invitation accepted, once: false when it was accepted, cancelled or expired meanwhile. */
	boolean accept(UUID invitationId, UUID memberId, Instant at) {
		return jdbc.sql("""
				UPDATE merchant_invitations SET accepted_at = :at, member_id = :member
				WHERE id = :id AND accepted_at IS NULL AND cancelled_at IS NULL AND expires_at > :at""")
			.param("at", Timestamp.from(at)).param("member", memberId).param("id", invitationId).update() == 1;
	}

	private static MerchantMembers.Member member(ResultSet rs, int row) throws SQLException {
		return new MerchantMembers.Member(rs.getObject("account_id", UUID.class), rs.getString("email"),
				rs.getString("name"), MemberRole.of(rs.getString("role")).orElseThrow(), rs.getBoolean("totp"),
				rs.getTimestamp("created_at").toInstant());
	}

	private static StoredInvitation invitation(ResultSet rs, int row) throws SQLException {
		return new StoredInvitation(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
				rs.getString("merchant_name"), rs.getString("email"), MemberRole.of(rs.getString("role")).orElseThrow(),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
				instant(rs, "accepted_at"), instant(rs, "cancelled_at"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}
}
