package com.returnit.identity.internal;

import com.nimbusds.jose.jwk.RSAKey;
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
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The JWT signing key, generated on first start and kept in PostgreSQL so that every node signs and verifies
 * with the same key. An advisory lock makes sure two nodes starting together agree on one key.
 */
@Component
class SigningKeys {

	private static final long LOCK_ID = 0x5245_5455_524E_4B31L;

	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final Clock clock;

	SigningKeys(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.clock = clock;
	}

	RSAKey current() {
		return tx.execute(status -> {
			jdbc.sql("SELECT pg_advisory_xact_lock(:id)").param("id", LOCK_ID).query().singleValue();
			return newest().orElseGet(this::generate);
		});
	}

	private Optional<RSAKey> newest() {
		return jdbc.sql("SELECT kid, private_key, public_key FROM signing_keys ORDER BY created_at DESC LIMIT 1")
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
