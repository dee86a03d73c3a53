package com.returnit.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Merchants' API keys: shown once at creation, stored only as hashes, revocable at once. */
public interface ApiKeys {

	/** A new key; {@code secret} is the only time the full key exists outside the caller's hands. */
	record IssuedKey(UUID id, String secret, String prefix, Instant createdAt) {
	}

	/** A key as listed later: its prefix only, never the secret. */
	record KeyInfo(UUID id, String prefix, Instant createdAt, @org.jspecify.annotations.Nullable Instant revokedAt) {
	}

	IssuedKey issue(UUID merchantId);

	List<KeyInfo> list(UUID merchantId);

	/** Revokes the key; false when the merchant has no such key. */
	boolean revoke(UUID merchantId, UUID keyId);
}
