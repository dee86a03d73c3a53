package com.returnit.identity.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.nimbusds.jose.jwk.RSAKey;
import com.returnit.platform.AuditLog;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The JWT signing keys, kept in PostgreSQL so that every node signs and verifies with the same keys. The newest live
 * key signs; rotating adds a new key and retires the old one, which still verifies until every token it signed has
 * expired (the access token lifetime), so a rotation logs nobody out. Nodes cache the keys for a few seconds and
 * reload at once when a token names a key id they do not know yet. An advisory lock makes two nodes starting or
 * rotating together agree on one key.
 */
@Component
class SigningKeys {

	private static final long LOCK_ID = 0x5245_5455_524E_4B31L;
	private static final Duration CACHE_FOR = Duration.ofSeconds(10);
	private static final Duration KEEP_WHEN_UNREACHABLE = Duration.ofMinutes(15);
	private static final Object ALL = "all";

	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final Clock clock;
	private final AuditLog audit;
	private final LoadingCache<Object, List<RSAKey>> live;

	SigningKeys(JdbcClient jdbc, TransactionTemplate tx, Clock clock, AuditLog audit) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.clock = clock;
		this.audit = audit;
		// reloaded in the background after CACHE_FOR; if the database is unreachable then, the keys already known keep
		// verifying tokens (for at most a token lifetime), so requests reach the 503 of the outage rather than a 401
		this.live = Caffeine.newBuilder().refreshAfterWrite(CACHE_FOR).expireAfterWrite(KEEP_WHEN_UNREACHABLE)
			.build(any -> loadVerificationKeys());
	}

	/** The key that signs new tokens; created on first use. */
	RSAKey current() {
		List<RSAKey> keys = live.get(ALL);
		if (!keys.isEmpty()) {
			return keys.getFirst();
		}
		RSAKey key = tx.execute(status -> {
			lock();
			return newest().orElseGet(this::generate);
		});
		live.invalidateAll();
		return key;
	}

	/** Every key that still verifies, newest first: the current one and those retired less than a token lifetime ago. */
	List<RSAKey> verificationKeys() {
		return live.get(ALL);
	}

	/** Reloads when a token names a key this node has not seen, for example one another node just rotated in. */
	List<RSAKey> verificationKeys(String kid) {
		List<RSAKey> keys = live.get(ALL);
		if (keys.stream().noneMatch(key -> kid.equals(key.getKeyID()))) {
			live.invalidateAll();
			keys = live.get(ALL);
		}
		return keys;
	}

	/** Adds a new signing key and retires the others; answers the new key id. */
	String rotate() {
		String kid = tx.execute(status -> {
			lock();
			List<String> retired = jdbc.sql("UPDATE signing_keys SET retired_at = :now WHERE retired_at IS NULL RETURNING kid")
				.param("now", Timestamp.from(clock.instant())).query(String.class).list();
			RSAKey key = generate();
			retired.forEach(old -> audit.record("signing_key.retired", "signing_key", old, Map.of("replacedBy", key.getKeyID())));
			return key.getKeyID();
		});
		live.invalidateAll();
		return kid;
	}

	/** Rotates when the current key is older than {@code maxAge}; answers whether it did. */
	boolean rotateIfOlderThan(Duration maxAge) {
		Instant created = jdbc.sql("SELECT max(created_at) FROM signing_keys WHERE retired_at IS NULL")
			.query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
		if (created == null || created.plus(maxAge).isAfter(clock.instant())) {
			return false;
		}
		rotate();
		return true;
	}

	private void lock() {
		jdbc.sql("SELECT pg_advisory_xact_lock(:id)").param("id", LOCK_ID).query().singleValue();
	}

	private List<RSAKey> loadVerificationKeys() {
		Instant oldestStillValid = clock.instant().minus(TokenProperties.MAX_ACCESS_TTL).minusSeconds(60);
		return jdbc.sql("""
				SELECT kid, private_key, public_key FROM signing_keys
				WHERE retired_at IS NULL OR retired_at > :oldest
				ORDER BY retired_at DESC NULLS FIRST, created_at DESC""")
			.param("oldest", Timestamp.from(oldestStillValid))
			.query((rs, n) -> toKey(rs.getString(1), rs.getBytes(2), rs.getBytes(3)))
			.list();
	}

	private Optional<RSAKey> newest() {
		return jdbc.sql("SELECT kid, private_key, public_key FROM signing_keys WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1")
			.query((rs, n) -> toKey(rs.getString(1), rs.getBytes(2), rs.getBytes(3)))
			.optional();
	}

	private RSAKey generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			String kid = UUID.randomUUID().toString();
			jdbc.sql("INSERT INTO signing_keys (kid, private_key, public_key, created_at) VALUES (:kid, :priv, :pub, :at)")
				.param("kid", kid)
				.param("priv", pair.getPrivate().getEncoded())
				.param("pub", pair.getPublic().getEncoded())
				.param("at", Timestamp.from(clock.instant()))
				.update();
			audit.record("signing_key.created", "signing_key", kid, Map.of("algorithm", "RS256"));
			return toKey(kid, pair.getPrivate().getEncoded(), pair.getPublic().getEncoded());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static RSAKey toKey(String kid, byte[] privateKey, byte[] publicKey) {
		try {
			KeyFactory factory = KeyFactory.getInstance("RSA");
			var pub = (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(publicKey));
			var priv = (RSAPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(privateKey));
			return new RSAKey.Builder(pub).privateKey(priv).keyID(kid).build();
		}
		catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
			throw new IllegalStateException("Stored signing key is unreadable", e);
		}
	}
}
