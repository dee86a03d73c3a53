package com.returnit.identity.internal;

import com.returnit.identity.ApiKeys;
import com.returnit.platform.AuditLog;
import java.util.Map;
import com.returnit.platform.Ids;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** API keys: SHA-256 digests of 256-bit random secrets (high entropy needs no slow hash); looked up by digest. */
@Service
class ApiKeyStore implements ApiKeys {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final AuditLog audit;

	ApiKeyStore(JdbcClient jdbc, Clock clock, AuditLog audit) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
	}

	@Override
	public IssuedKey issue(UUID merchantId) {
		String secret = Secrets.generate("rk_");
		UUID id = Ids.newId(clock);
		String prefix = secret.substring(0, 10);
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO api_keys (id, merchant_id, key_hash, prefix, created_at)
				VALUES (:id, :merchant, :hash, :prefix, :now)""")
			.param("id", id).param("merchant", merchantId).param("hash", Secrets.digest(secret))
			.param("prefix", prefix).param("now", Timestamp.from(now))
			.update();
		audit.record("api_key.created", "api_key", id, Map.of("merchantId", merchantId.toString(), "prefix", prefix));
		return new IssuedKey(id, secret, prefix, now);
	}

	@Override
	public List<KeyInfo> list(UUID merchantId) {
		return jdbc.sql("SELECT id, prefix, created_at, revoked_at FROM api_keys WHERE merchant_id = :m ORDER BY id")
			.param("m", merchantId)
			.query((rs, n) -> new KeyInfo(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getTimestamp(3).toInstant(),
					rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
			.list();
	}

	@Override
	public boolean revoke(UUID merchantId, UUID keyId) {
		boolean revoked = jdbc.sql("""
				UPDATE api_keys SET revoked_at = coalesce(revoked_at, :now)
				WHERE id = :id AND merchant_id = :merchant""")
			.param("id", keyId).param("merchant", merchantId).param("now", Timestamp.from(clock.instant()))
			.update() == 1;
		if (revoked) {
			audit.record("api_key.revoked", "api_key", keyId, Map.of("merchantId", merchantId.toString()));
		}
		return revoked;
	}

	/** The merchant owning this live key; no cache, so a revocation holds on every node at once. */
	Optional<UUID> merchantFor(String secret) {
		return jdbc.sql("SELECT merchant_id FROM api_keys WHERE key_hash = :hash AND revoked_at IS NULL")
			.param("hash", Secrets.digest(secret))
			.query(UUID.class)
			.optional();
	}
}
