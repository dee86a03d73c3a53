package com.returnit.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rotating refresh tokens in families: each use replaces the token; presenting one already used means it was
 * stolen or replayed, so the whole family is revoked.
 */
@Repository
class RefreshTokens {

	record Stored(UUID id, UUID familyId, UUID accountId, Instant expiresAt, boolean used, boolean revoked,
			@Nullable Instant usedAt) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	RefreshTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void store(String token, UUID familyId, UUID accountId, Instant expiresAt) {
		jdbc.sql("""
				INSERT INTO refresh_tokens (id, family_id, account_id, token_hash, expires_at, created_at)
				VALUES (:id, :family, :account, :hash, :expires, :now)""")
			.param("id", UUID.randomUUID()).param("family", familyId).param("account", accountId)
			.param("hash", Secrets.digest(token)).param("expires", Timestamp.from(expiresAt))
			.param("now", Timestamp.from(clock.instant()))
			.update();
	}

	Optional<Stored> find(String token) {
		return jdbc.sql("""
				SELECT id, family_id, account_id, expires_at, used_at IS NOT NULL, revoked_at IS NOT NULL, used_at
				FROM refresh_tokens WHERE token_hash = :hash""")
			.param("hash", Secrets.digest(token))
			.query((rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rs.getTimestamp(4).toInstant(), rs.getBoolean(5), rs.getBoolean(6),
					rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
			.optional();
	}

	/** Marks the token used; false when a concurrent request used it first. */
	boolean markUsed(UUID id) {
		return jdbc.sql("UPDATE refresh_tokens SET used_at = :now WHERE id = :id AND used_at IS NULL AND revoked_at IS NULL")
			.param("id", id).param("now", Timestamp.from(clock.instant())).update() == 1;
	}

	/** Revokes the family's tokens nobody has used yet (the one a lost answer carried). */
	void revokeUnused(UUID familyId) {
		jdbc.sql("UPDATE refresh_tokens SET revoked_at = :now WHERE family_id = :family AND used_at IS NULL AND revoked_at IS NULL")
			.param("family", familyId).param("now", Timestamp.from(clock.instant())).update();
	}

	/** Revokes every refresh token of the account (its member was removed, or it was erased). */
	void revokeAccount(UUID accountId) {
		jdbc.sql("UPDATE refresh_tokens SET revoked_at = :now WHERE account_id = :id AND revoked_at IS NULL")
			.param("now", java.sql.Timestamp.from(clock.instant())).param("id", accountId).update();
	}

	void revokeFamily(UUID familyId) {
		jdbc.sql("UPDATE refresh_tokens SET revoked_at = :now WHERE family_id = :family AND revoked_at IS NULL")
			.param("family", familyId).param("now", Timestamp.from(clock.instant())).update();
	}
}
