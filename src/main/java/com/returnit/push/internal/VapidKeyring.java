package com.returnit.push.internal;

import com.interaso.webpush.VapidKeys;
import com.interaso.webpush.WebPush;
import com.returnit.push.internal.domain.RawP256;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The service's VAPID key pair: from configuration when both keys are set, otherwise the pair in the database, which
 * the first node to start generates (ON CONFLICT DO NOTHING, then read back) so that every node signs with the same
 * key the browsers subscribed with.
 */
@Component
class VapidKeyring {

	private static final Logger log = LoggerFactory.getLogger(VapidKeyring.class);

	private final JdbcClient jdbc;
	private final PushProperties properties;
	private final Clock clock;
	private volatile @Nullable WebPush signer;

	VapidKeyring(JdbcClient jdbc, PushProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/** The public key browsers subscribe with ({@code applicationServerKey}): 65 bytes in base64url. */
	String publicKey() {
		return RawP256.encode(signer().getVapidKeys().getPublicKey());
	}

	/** Encrypts payloads and signs VAPID tokens with the key pair. */
	WebPush signer() {
		WebPush current = signer;
		if (current == null) {
			synchronized (this) {
				current = signer;
				if (current == null) {
					current = new WebPush(properties.vapid().subject(), load());
					signer = current;
				}
			}
		}
		return current;
	}

	private VapidKeys load() {
		String publicKey = properties.vapid().publicKey();
		String privateKey = properties.vapid().privateKey();
		boolean hasPublic = publicKey != null && !publicKey.isBlank();
		boolean hasPrivate = privateKey != null && !privateKey.isBlank();
		if (hasPublic != hasPrivate) {
			throw new IllegalStateException("returnit.push.vapid: set both public-key and private-key, or neither");
		}
		try {
			if (hasPublic) {
				return new VapidKeys(RawP256.publicKey(publicKey), RawP256.privateKey(privateKey));
			}
			return stored();
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			throw new IllegalStateException("returnit.push.vapid: the key pair cannot be read: " + e.getMessage(), e);
		}
	}

	private VapidKeys stored() throws GeneralSecurityException {
		VapidKeys generated = VapidKeys.generate();
		int inserted = jdbc.sql("""
				INSERT INTO push_vapid_keys (id, public_key, private_key, created_at) VALUES (1, :public, :private, :now)
				ON CONFLICT (id) DO NOTHING""")
			.param("public", RawP256.encode(generated.getPublicKey()))
			.param("private", RawP256.encode(generated.getPrivateKey()))
			.param("now", Timestamp.from(clock.instant()))
			.update();
		if (inserted == 1) {
			log.info("Generated the VAPID key pair for Web Push and stored it for every node");
		}
		record Pair(String publicKey, String privateKey) {
		}
		Pair pair = jdbc.sql("SELECT public_key, private_key FROM push_vapid_keys WHERE id = 1")
			.query((rs, row) -> new Pair(rs.getString(1), rs.getString(2))).single();
		return new VapidKeys(RawP256.publicKey(pair.publicKey()), RawP256.privateKey(pair.privateKey()));
	}
}
