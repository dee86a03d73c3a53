package com.returnit.identity;

import java.util.UUID;

/**
 * The authenticated caller of a request. {@code id} is the account id for customers, drivers and operators, and
 * the merchant id for merchants (who call with API keys).
 */
public record Caller(Role role, UUID id) {

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

	/** A stable name for this caller, used to scope idempotency keys and quotes. */
	public String scope() {
		return role.code() + ":" + id;
	}
}
