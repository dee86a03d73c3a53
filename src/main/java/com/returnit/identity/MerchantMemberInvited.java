package com.returnit.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone was invited to join a merchant's staff: email them {@code link}, which lets them set a password and join
 * until {@code expiresAt}.
 */
public record MerchantMemberInvited(UUID invitationId, UUID merchantId, String merchantName, String email,
		MemberRole role, String link, Instant expiresAt) {
}
