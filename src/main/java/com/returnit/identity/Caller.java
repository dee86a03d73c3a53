package com.returnit.identity;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The authenticated caller of a request. {@code id} is the account id for customers, drivers and operators, and
 * the merchant id for merchants (who call with API keys). {@code sessionId} is set only for a guest: a customer who
 * came through a merchant's return link, whose token reaches that one return session and the order booked from it
 * (ADR 0035). {@code memberId} and {@code memberRole} are set only for a member of a merchant's staff, who acts as
 * that merchant ({@code role} MERCHANT, {@code id} the merchant's id) within the limits of the member's role
 * (ADR 0044).
 */
public record Caller(Role role, UUID id, @Nullable UUID sessionId, @Nullable UUID memberId,
		@Nullable MemberRole memberRole) {

	public Caller(Role role, UUID id) {
		this(role, id, null, null, null);
	}

	public Caller(Role role, UUID id, @Nullable UUID sessionId) {
		this(role, id, sessionId, null, null);
	}

	/** A member of a merchant's staff, acting as that merchant. */
	public static Caller member(UUID merchantId, UUID memberId, MemberRole memberRole) {
		return new Caller(Role.MERCHANT, merchantId, null, memberId, memberRole);
	}

	/** True for a member of a merchant's staff (not the merchant's API key). */
	public boolean isMember() {
		return memberId != null;
	}

	/** True for an admin member of this merchant. */
	public boolean isMemberAdminOf(UUID merchantId) {
		return isMerchant(merchantId) && memberRole == MemberRole.ADMIN;
	}

	/** A customer acting through one return session, without having logged in. */
	public static Caller guest(UUID customerId, UUID sessionId) {
		return new Caller(Role.CUSTOMER, customerId, sessionId);
	}

	/** True for a guest, whose every read and write is limited to its return session. */
	public boolean isGuest() {
		return sessionId != null;
	}

	public boolean isOperator() {
		return role == Role.OPERATOR;
	}

	public boolean isCustomer(UUID customerId) {
		return role == Role.CUSTOMER && id.equals(customerId);
	}

	public boolean isMerchant(UUID merchantId) {
		return role == Role.MERCHANT && id.equals(merchantId);
	}

	/** True for operators and for the merchant itself: who may see and manage a merchant's own resources. */
	public boolean canManageMerchant(UUID merchantId) {
		return isOperator() || isMerchant(merchantId);
	}

	/**
	 * A stable name for this caller, used to scope idempotency keys, quotes and rate limits; a guest's names its
	 * session too, so that nothing a guest starts can be finished outside that session; a member's names the member,
	 * which makes the member the actor of the audit log.
	 */
	public String scope() {
		if (memberId != null) {
			return role.code() + ":" + id + ":member:" + memberId;
		}
		return sessionId == null ? role.code() + ":" + id : role.code() + ":" + id + ":session:" + sessionId;
	}
}
