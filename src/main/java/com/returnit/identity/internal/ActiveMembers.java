package com.returnit.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Whether a member of a merchant's staff is still one, and with which role, looked up on every request that carries
 * a member's access token and remembered for {@link #RECHECK} (ADR 0044). Access tokens cannot be revoked (they are
 * verified once per node and remembered, ADR 0028), so this is what makes a removal or a role change count: at once
 * on the node that made it, within {@link #RECHECK} on every other.
 */
@Component
class ActiveMembers {

	/** How long another node may go on trusting a membership after a change. */
	static final Duration RECHECK = Duration.ofSeconds(5);

	private final MemberRepository members;
	private final Cache<UUID, Optional<MemberRepository.Membership>> known = Caffeine.newBuilder()
		.maximumSize(10_000).expireAfterWrite(RECHECK).build();

	ActiveMembers(MemberRepository members) {
		this.members = members;
	}

	Optional<MemberRepository.Membership> find(UUID memberId) {
		return known.get(memberId, members::active);
	}

	/** Forgets the member now and again once the transaction that changed them commits. */
	void changed(UUID memberId) {
		known.invalidate(memberId);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					known.invalidate(memberId);
				}
			});
		}
	}
}
