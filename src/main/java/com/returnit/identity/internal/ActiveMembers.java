package com.returnit.identity.internal;

import com.returnit.platform.SharedCache;
import com.returnit.platform.SharedCaches;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Whether a member of a merchant's staff is still one, and with which role, looked up on every request that carries
 * a member's access token (ADR 0044). Access tokens cannot be revoked (they are verified once per node and remembered,
 * ADR 0028), so this is what makes a removal or a role change count. Memberships are kept in a shared cache (ADR
 * 0021): a change invalidates the member on every node as soon as the invalidation arrives (PostgreSQL NOTIFY or Redis
 * pub/sub, milliseconds), and a node that lost its listener drops every entry, so no node goes on trusting a removed
 * member. A member who is no longer one is not cached: their requests are refused after one indexed query each.
 */
@Component
class ActiveMembers {

	private final MemberRepository members;
	private final SharedCache<MemberRepository.Membership> known;

	ActiveMembers(MemberRepository members, SharedCaches caches) {
		this.members = members;
		this.known = caches.cache("members", MemberRepository.Membership.class);
	}

	Optional<MemberRepository.Membership> find(UUID memberId) {
		return Optional.ofNullable(known.get(memberId.toString(), key -> members.active(memberId).orElse(null)));
	}

	/** Forgets the member on every node once the transaction that changed them commits (at once without one). */
	void changed(UUID memberId) {
		known.invalidate(memberId.toString());
	}
}
